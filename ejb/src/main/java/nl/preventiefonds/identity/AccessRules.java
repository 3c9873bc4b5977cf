package nl.preventiefonds.identity;

import java.util.Collection;

/**
 * The per-object access rules every service applies. Pure functions, so they are tested
 * without a container; AccessPolicy applies them to the caller of an EJB.
 */
public final class AccessRules {

    private AccessRules() {
    }

    /**
     * The organiser who owns the object (in whatever municipality), a partner it involves, or municipal staff of
     * the municipality it belongs to.
     */
    public static boolean mayView(Caller caller, Long ownerUserId, Collection<Long> involvedPartnerIds,
                                  Long municipalityId) {
        if (!caller.isAuthenticated()) {
            return false;
        }
        if (caller.isStaff()) {
            return caller.worksFor(municipalityId);
        }
        if (caller.is(Role.ORGANISER)) {
            return ownerUserId != null && ownerUserId.equals(caller.userId());
        }
        if (caller.is(Role.PARTNER)) {
            return caller.partnerId() != null && involvedPartnerIds != null
                    && involvedPartnerIds.contains(caller.partnerId());
        }
        return false;
    }

    /**
     * {@link #mayView(Caller, Long, Collection, Long)}, and also an organiser who acts for the object's organisation
     * (a representative in the organisation registry): representations share an organisation's applications.
     */
    public static boolean mayView(Caller caller, Long ownerUserId, boolean actsForOrganisation,
                                  Collection<Long> involvedPartnerIds, Long municipalityId) {
        if (actsForOrganisation && caller.isAuthenticated() && caller.is(Role.ORGANISER)) {
            return true;
        }
        return mayView(caller, ownerUserId, involvedPartnerIds, municipalityId);
    }

    /** The author changes their own application; a representative of its organisation only while it is a draft. */
    public static boolean mayEditDraft(Caller caller, Long ownerUserId, boolean actsForOrganisation, boolean draft) {
        return mayEditAsOwner(caller, ownerUserId)
                || (draft && actsForOrganisation && caller.isAuthenticated() && caller.is(Role.ORGANISER));
    }

    /** Only the owning organiser changes their own object (staff act through their own services). */
    public static boolean mayEditAsOwner(Caller caller, Long ownerUserId) {
        return caller.is(Role.ORGANISER) && ownerUserId != null && ownerUserId.equals(caller.userId());
    }

    /** Staff of another municipality (or of none): to them the object is answered as if it did not exist. */
    public static boolean isOtherMunicipalitysStaff(Caller caller, Long municipalityId) {
        return caller.isStaff() && !caller.worksFor(municipalityId);
    }

    public static boolean hasAnyRole(Caller caller, Role... roles) {
        for (Role role : roles) {
            if (caller.is(role)) {
                return true;
            }
        }
        return false;
    }
}
