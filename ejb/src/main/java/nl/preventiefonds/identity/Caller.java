package nl.preventiefonds.identity;

/**
 * Who is asking: enough to decide per-object access without another query. {@code municipalityId} is the
 * municipality a member of staff works for (null for organisers, partners and the public).
 */
public record Caller(Long userId, String email, Role role, Long partnerId, Long municipalityId) {

    public static final Caller ANONYMOUS = new Caller(null, null, null, null, null);

    /** Someone who works for no municipality: an organiser, a partner or the public. */
    public Caller(Long userId, String email, Role role, Long partnerId) {
        this(userId, email, role, partnerId, null);
    }

    public boolean isAuthenticated() {
        return userId != null;
    }

    public boolean is(Role candidate) {
        return role == candidate;
    }

    /** Municipal staff: officers, decision makers and fund managers. */
    public boolean isStaff() {
        return role != null && role.isMunicipalStaff();
    }

    /** Staff of exactly this municipality: the only staff who may see or change its objects. */
    public boolean worksFor(Long municipality) {
        return isStaff() && municipalityId != null && municipalityId.equals(municipality);
    }
}
