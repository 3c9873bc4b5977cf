package nl.preventiefonds.organisation;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.identity.OrganisationClaim;
import nl.preventiefonds.identity.UserAccount;
import nl.preventiefonds.partner.KvkNumbers;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * Records what the broker (eHerkenning) confirms at login: the person acts for the organisation. Observes the
 * synchronous {@link OrganisationClaim} in the login's transaction, so a login that fails afterwards records nothing.
 * A claim makes (or keeps) the person the organisation's administrator (BROKER_CLAIM); a repeated login refreshes it.
 */
@Stateless
@PermitAll
public class OrganisationClaims {
    static final String SUBJECT = "Organisation";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    public void claimed(@Observes OrganisationClaim claim) {
        String kvk = KvkNumbers.normalise(claim.kvkNumber());
        if (!KvkNumbers.isValid(kvk)) {
            // A broker that sends no KvK number has not confirmed anything: the login must not go on.
            throw new ValidationFailedException("organisation.kvkInvalid");
        }
        UserAccount user = em.find(UserAccount.class, claim.userId());
        if (user == null) {
            throw new ValidationFailedException("account.notFound");
        }
        Instant now = clock.instant();
        Organisation organisation = findOrCreate(kvk, now);
        organisation.claimedAs(claim.organisationName(), now);
        List<Representative> active = em.createQuery("SELECT r FROM Representative r WHERE r.organisation = :o"
                        + " AND r.user = :u AND r.basis = :basis AND r.revokedAt IS NULL", Representative.class)
                .setParameter("o", organisation).setParameter("u", user)
                .setParameter("basis", RepresentationBasis.BROKER_CLAIM).getResultList();
        if (active.isEmpty()) {
            Representative representative = new Representative(organisation, user, RepresentationBasis.BROKER_CLAIM,
                    claim.levelOfAssurance(), "broker", now);
            em.persist(representative);
            em.flush();
            audit.recordAs(user.getEmail(), "ORGANISATION_CLAIM_RECORDED", SUBJECT, organisation.getId(), null,
                    representative.auditSummary());
        } else {
            Representative representative = active.get(0);
            String before = representative.auditSummary();
            representative.confirm(claim.levelOfAssurance(), now);
            audit.recordAs(user.getEmail(), "ORGANISATION_CLAIM_CONFIRMED", SUBJECT, organisation.getId(), before,
                    representative.auditSummary());
        }
    }

    /** The installation's organisation of this number, created the first time someone acts for it. */
    Organisation findOrCreate(String kvk, Instant now) {
        List<Organisation> found = em.createQuery("SELECT o FROM Organisation o WHERE o.kvkNumber = :kvk",
                Organisation.class).setParameter("kvk", kvk).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        if (!found.isEmpty()) {
            return found.get(0);
        }
        Organisation organisation = new Organisation(kvk, now);
        em.persist(organisation);
        em.flush();
        return organisation;
    }
}
