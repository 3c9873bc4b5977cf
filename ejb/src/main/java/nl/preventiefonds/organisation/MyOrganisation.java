package nl.preventiefonds.organisation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.AccountStatus;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.identity.UserAccount;
import nl.preventiefonds.partner.KvkNumbers;
import nl.preventiefonds.platform.RoleNames;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * The organiser's page "Mijn organisatie": the organisations the organiser acts for, and for those it administers
 * (a broker's claim) who else acts for them, with authorising and revoking. Authorising needs no second person: the
 * administrator is the organisation's own, confirmed by the broker.
 */
@Stateless
@RolesAllowed(RoleNames.ORGANISER)
public class MyOrganisation {
    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy access;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    /** One person acting for the organisation, as its administrator sees them. */
    public record RepresentativeLine(long id, String email, String displayName, RepresentationBasis basis,
                                     String grantedBy, Instant grantedAt, Instant revokedAt, String revokedBy)
            implements Serializable {
        static RepresentativeLine of(Representative r) {
            return new RepresentativeLine(r.getId(), r.getUser().getEmail(), r.getUser().getDisplayName(),
                    r.getBasis(), r.getGrantedBy(), r.getGrantedAt(), r.getRevokedAt(), r.getRevokedBy());
        }

        public boolean isActive() {
            return revokedAt == null;
        }
    }

    /**
     * An organisation the caller acts for; {@code representatives} (all, revoked ones too) only when the caller is
     * its administrator, otherwise empty.
     */
    public record Membership(String kvkNumber, String name, RepresentationBasis basis, boolean administrator,
                             List<RepresentativeLine> representatives) implements Serializable {
    }

    public List<Membership> mine() {
        Caller caller = access.requireAnyRole(Role.ORGANISER);
        List<Representative> own = em.createQuery("SELECT r FROM Representative r JOIN FETCH r.organisation o"
                + " WHERE r.user.id = :user AND r.revokedAt IS NULL ORDER BY o.kvkNumber, r.basis", Representative.class)
                .setParameter("user", caller.userId()).getResultList();
        java.util.Map<String, Membership> byOrganisation = new java.util.LinkedHashMap<>();
        for (Representative r : own) {
            Organisation o = r.getOrganisation();
            boolean administrator = r.getBasis() == RepresentationBasis.BROKER_CLAIM;
            Membership known = byOrganisation.get(o.getKvkNumber());
            if (known != null && known.administrator()) {
                continue;
            }
            List<RepresentativeLine> lines = administrator ? representativesOf(o) : List.of();
            byOrganisation.put(o.getKvkNumber(), new Membership(o.getKvkNumber(), nameOf(o), r.getBasis(),
                    administrator, lines));
        }
        return List.copyOf(byOrganisation.values());
    }

    private String nameOf(Organisation organisation) {
        if (organisation.getClaimedName() != null) {
            return organisation.getClaimedName();
        }
        return em.createQuery("SELECT a.organisationName FROM Application a WHERE a.kvkNumber = :kvk"
                        + " AND a.organisationName IS NOT NULL ORDER BY a.updatedAt DESC", String.class)
                .setParameter("kvk", organisation.getKvkNumber()).setMaxResults(1).getResultList().stream()
                .findFirst().orElse(organisation.getKvkNumber());
    }

    private List<RepresentativeLine> representativesOf(Organisation organisation) {
        return em.createQuery("SELECT r FROM Representative r JOIN FETCH r.user WHERE r.organisation = :o"
                        + " ORDER BY r.revokedAt, r.grantedAt, r.id", Representative.class)
                .setParameter("o", organisation).getResultList().stream().map(RepresentativeLine::of).toList();
    }

    /**
     * Authorises the organiser account with this e-mail address to act for the organisation. Only its administrator
     * may; to anyone else the organisation is unknown.
     */
    public long authorise(String kvkNumber, String email) {
        Caller caller = access.requireAnyRole(Role.ORGANISER);
        Organisation organisation = administered(caller, kvkNumber);
        if (email == null || email.isBlank()) {
            throw new ValidationFailedException("representation.emailRequired");
        }
        List<UserAccount> accounts = em.createQuery("SELECT u FROM UserAccount u WHERE u.email = :email",
                UserAccount.class).setParameter("email", UserAccount.normaliseEmail(email)).getResultList();
        UserAccount user = accounts.isEmpty() ? null : accounts.get(0);
        if (user == null || user.getRole() != Role.ORGANISER || user.getStatus() != AccountStatus.ACTIVE) {
            // Only organiser accounts act for organisations; staff and partners are told nothing more.
            throw new ValidationFailedException("representation.accountUnknown");
        }
        long acting = em.createQuery("SELECT COUNT(r) FROM Representative r WHERE r.organisation = :o"
                        + " AND r.user = :u AND r.revokedAt IS NULL", Long.class)
                .setParameter("o", organisation).setParameter("u", user).getSingleResult();
        if (acting > 0) {
            throw new ValidationFailedException("representation.alreadyActs");
        }
        Representative representative = new Representative(organisation, user, RepresentationBasis.AUTHORISATION,
                null, caller.email(), clock.instant());
        em.persist(representative);
        em.flush();
        audit.record("REPRESENTATIVE_AUTHORISED", OrganisationClaims.SUBJECT, organisation.getId(), null,
                representative.auditSummary());
        return representative.getId();
    }

    /** Revokes an authorisation at once; a broker's claim is the broker's and is not revoked here. */
    public void revoke(String kvkNumber, long representativeId) {
        Caller caller = access.requireAnyRole(Role.ORGANISER);
        Organisation organisation = administered(caller, kvkNumber);
        Representative representative = em.find(Representative.class, representativeId,
                LockModeType.PESSIMISTIC_WRITE);
        if (representative == null || !representative.getOrganisation().getId().equals(organisation.getId())) {
            throw new ValidationFailedException("representation.notFound");
        }
        if (representative.getBasis() != RepresentationBasis.AUTHORISATION) {
            throw new ValidationFailedException("representation.claimNotRevocable");
        }
        if (!representative.isActive()) {
            throw new ValidationFailedException("representation.alreadyRevoked");
        }
        String before = representative.auditSummary();
        representative.revoke(caller.email(), clock.instant());
        audit.record("REPRESENTATIVE_REVOKED", OrganisationClaims.SUBJECT, organisation.getId(), before,
                representative.auditSummary());
    }

    /** The organisation if the caller is its administrator (an active broker's claim); otherwise unknown (404). */
    private Organisation administered(Caller caller, String kvkNumber) {
        String kvk = KvkNumbers.normalise(kvkNumber);
        List<Organisation> found = em.createQuery("SELECT r.organisation FROM Representative r WHERE"
                        + " r.user.id = :user AND r.organisation.kvkNumber = :kvk AND r.basis = :claim"
                        + " AND r.revokedAt IS NULL", Organisation.class)
                .setParameter("user", caller.userId()).setParameter("kvk", kvk == null ? "" : kvk)
                .setParameter("claim", RepresentationBasis.BROKER_CLAIM).getResultList();
        if (found.isEmpty()) {
            throw new ValidationFailedException("organisation.notFound");
        }
        return found.get(0);
    }
}
