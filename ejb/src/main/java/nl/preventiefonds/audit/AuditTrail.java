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

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext session;

    @Inject
    private Clock clock;

    public void record(String action, String subjectType, Object subjectId, String before, String after) {
        recordAs(currentActor(), action, subjectType, subjectId, before, after);
    }

    public void recordAs(String actor, String action, String subjectType, Object subjectId, String before,
                         String after) {
        em.persist(new AuditEntry(clock.instant(), actor, action, subjectType,
                subjectId == null ? null : subjectId.toString(), before, after));
    }

    private String currentActor() {
        Principal principal = session.getCallerPrincipal();
        if (principal == null || principal.getName() == null || "anonymous".equals(principal.getName())) {
            return ANONYMOUS;
        }
        return principal.getName();
    }
}
