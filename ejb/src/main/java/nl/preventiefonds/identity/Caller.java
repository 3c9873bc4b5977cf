package nl.preventiefonds.identity;

/** Who is asking: enough to decide per-object access without another query. */
public record Caller(Long userId, String email, Role role, Long partnerId) {

    public static final Caller ANONYMOUS = new Caller(null, null, null, null);

    public boolean isAuthenticated() {
        return userId != null;
    }

    public boolean is(Role candidate) {
        return role == candidate;
    }

    /** Municipal staff: officers, decision makers and fund managers. */
    public boolean isStaff() {
        return role == Role.OFFICER || role == Role.DECISION_MAKER || role == Role.FUND_MANAGER;
    }
}
