package nl.preventiefonds.identity;

import nl.preventiefonds.platform.RoleNames;

/** The roles of the product; the public needs none. */
public enum Role {
    ORGANISER(RoleNames.ORGANISER, "/organiser/index.xhtml"),
    PARTNER(RoleNames.PARTNER, "/partner/index.xhtml"),
    OFFICER(RoleNames.OFFICER, "/officer/index.xhtml"),
    DECISION_MAKER(RoleNames.DECISION_MAKER, "/decision/index.xhtml"),
    FUND_MANAGER(RoleNames.FUND_MANAGER, "/admin/index.xhtml"),
    /** Runs the installation (its municipalities and their first administrators); works for no municipality. */
    INSTALLATION_ADMIN(RoleNames.INSTALLATION_ADMIN, "/installation/index.xhtml");

    private final String roleName;
    private final String startPage;

    Role(String roleName, String startPage) {
        this.roleName = roleName;
        this.startPage = startPage;
    }

    /** The name the container knows this role by (web.xml, @RolesAllowed). */
    public String roleName() {
        return roleName;
    }

    public String startPage() {
        return startPage;
    }

    /** Municipal staff (officers, decision makers and fund managers): they work for one municipality. */
    public boolean isMunicipalStaff() {
        return this == OFFICER || this == DECISION_MAKER || this == FUND_MANAGER;
    }

    /**
     * Roles a fund manager gives: organisers register themselves, and installation administrators come from the
     * installation (see FirstAdministrator).
     */
    public boolean isCreatedByAdmin() {
        return this != ORGANISER && this != INSTALLATION_ADMIN;
    }

    /** Roles that sign decisions or administer others: they log in with a second factor (TOTP). */
    public boolean requiresSecondFactor() {
        return this == DECISION_MAKER || this == FUND_MANAGER || this == INSTALLATION_ADMIN;
    }

    /** Roles that may add a second factor: all staff (officers by choice). */
    public boolean offersSecondFactor() {
        return isMunicipalStaff() || this == INSTALLATION_ADMIN;
    }
}
