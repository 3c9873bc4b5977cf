package nl.preventiefonds.platform;

/**
 * The container's names of the roles, as compile-time constants for {@code @RolesAllowed}. They live
 * here rather than in {@code identity.Role}, so a low domain such as {@code audit} can guard its
 * services without depending on {@code identity}.
 */
public final class RoleNames {
    public static final String ORGANISER = "organiser";
    public static final String PARTNER = "partner";
    public static final String OFFICER = "officer";
    public static final String DECISION_MAKER = "decision-maker";
    public static final String FUND_MANAGER = "fund-manager";
    /** Runs the installation: its municipalities and their first administrators; nothing of any municipality. */
    public static final String INSTALLATION_ADMIN = "installation-admin";

    private RoleNames() {
    }
}
