package nl.preventiefonds.audit;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.time.Clock;

/**
 * Writes the audit trail. MANDATORY: an audit line only exists inside the transaction of the
 * change it describes, so a change that rolls back leaves no line behind.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AuditTrail {
    /** Actor recorded for changes nobody is logged in for (registration, start-up, timers). */
    public static final String SYSTEM = "system";
    public static final String ANONYMOUS = "anonymous";

    /** How to find the municipality of an object by its id, per subject type. */
    private static final Map<String, String> MUNICIPALITY_OF_SUBJECT = Map.of(
            "Application", "SELECT municipality_id FROM application WHERE id = ?1",
            "Municipality", "SELECT id FROM municipality WHERE id = ?1",
            "Fund", "SELECT municipality_id FROM fund WHERE id = ?1",
            "FundingCall", "SELECT f.municipality_id FROM funding_call c JOIN fund f ON f.id = c.fund_id WHERE c.id = ?1",
            "PaymentInstruction", "SELECT a.municipality_id FROM payment_instruction p JOIN application a"
                    + " ON a.id = p.application_id WHERE p.id = ?1",
            "PartnerOrganisation", "SELECT municipality_id FROM partner_organisation WHERE id = ?1",
            "Neighbourhood", "SELECT municipality_id FROM neighbourhood WHERE id = ?1",
            "UserAccount", "SELECT municipality_id FROM app_user WHERE id = ?1");

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext session;

    @Inject
    private Clock clock;

    public void record(String action, String subjectType, Object subjectId, String before, String after) {
        recordAs(currentActor(), action, subjectType, subjectId, before, after);
    }

    /**
     * On the trail of a municipality the caller names: for what concerns a municipality other than the one its subject
     * belongs to (a member of staff of two municipalities, given a role in the second).
     */
    public void recordIn(Long municipalityId, String action, String subjectType, Object subjectId, String before,
                         String after) {
        em.persist(new AuditEntry(clock.instant(), currentActor(), action, subjectType,
                subjectId == null ? null : subjectId.toString(), municipalityId, before, after));
    }

    public void recordAs(String actor, String action, String subjectType, Object subjectId, String before,
                         String after) {
        em.persist(new AuditEntry(clock.instant(), actor, action, subjectType,
                subjectId == null ? null : subjectId.toString(), municipalityOf(subjectType, subjectId, actor),
                before, after));
    }

    /**
     * Whose trail a line is on: the municipality of the object it is about, else the municipality the acting member
     * of staff works for; none for what belongs to no municipality (an organiser's own account). The audit trail
     * sits below the domains, so it reads their tables by name rather than through their classes.
     */
    Long municipalityOf(String subjectType, Object subjectId, String actor) {
        String bySubject = MUNICIPALITY_OF_SUBJECT.get(subjectType);
        Long id = subjectId instanceof Number number ? Long.valueOf(number.longValue()) : parse(subjectId);
        if (bySubject != null && id != null) {
            Long found = single(bySubject, id);
            if (found != null) {
                return found;
            }
        }
        if (actor == null || SYSTEM.equals(actor) || ANONYMOUS.equals(actor)) {
            return null;
        }
        return single("SELECT municipality_id FROM app_user WHERE email = ?1", actor);
    }

    private Long single(String sql, Object parameter) {
        List<?> rows = em.createNativeQuery(sql).setParameter(1, parameter).setMaxResults(1).getResultList();
        return rows.isEmpty() || rows.get(0) == null ? null : ((Number) rows.get(0)).longValue();
    }

    private static Long parse(Object subjectId) {
        if (subjectId == null) {
            return null;
        }
        try {
            return Long.valueOf(subjectId.toString());
        } catch (NumberFormatException notAnId) {
            return null;
        }
    }

    /** Who acts now: the logged-in principal, else anonymous. */
    protected String currentActor() {
        Principal principal = session.getCallerPrincipal();
        if (principal == null || principal.getName() == null || "anonymous".equals(principal.getName())) {
            return ANONYMOUS;
        }
        return principal.getName();
    }
}
