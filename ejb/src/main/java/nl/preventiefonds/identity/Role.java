package nl.preventiefonds.identity;

/** The roles of the product; the public needs none. */
public enum Role {
    ORGANISER(Names.ORGANISER, "/organiser/index.xhtml"),
    PARTNER(Names.PARTNER, "/partner/index.xhtml"),
    OFFICER(Names.OFFICER, "/officer/index.xhtml"),
    DECISION_MAKER(Names.DECISION_MAKER, "/decision/index.xhtml"),
    FUND_MANAGER(Names.FUND_MANAGER, "/admin/index.xhtml");

    /** Constants for annotations such as @RolesAllowed, which need compile-time strings. */
    public static final class Names {
        public static final String ORGANISER = "organiser";
        public static final String PARTNER = "partner";
        public static final String OFFICER = "officer";
        public static final String DECISION_MAKER = "decision-maker";
        public static final String FUND_MANAGER = "fund-manager";

        private Names() {
        }
    }

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

    /** Roles an administrator creates; organisers register themselves. */
    public boolean isCreatedByAdmin() {
        return this != ORGANISER;
    }
}
