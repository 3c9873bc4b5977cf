package nl.preventiefonds.call;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;

/** Calls are public: anyone may see which calls are open. */
@Stateless
@PermitAll
public class CallDirectory {
    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    public List<FundingCall> openCalls() {
        return em.createQuery("SELECT c FROM FundingCall c WHERE c.opensAt <= :now AND c.closesAt > :now"
                        + " ORDER BY c.closesAt", FundingCall.class)
                .setParameter("now", clock.instant())
                .setMaxResults(50)
                .getResultList();
    }
}
