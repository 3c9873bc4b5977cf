package nl.preventiefonds.monitoring;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import nl.preventiefonds.identity.AccountStatus;
import nl.preventiefonds.identity.UserAccount;

/** Who is asked for a report: the organiser, or every active user of the partner. No access check: internal. */
@Dependent
public class Reporters {
    @PersistenceContext
    private EntityManager em;

    public List<UserAccount> of(ReportRequest request) {
        if (request.getPartner() == null) {
            return List.of(request.getApplication().getOwner());
        }
        return ofPartner(request.getPartner().getId());
    }

    public List<UserAccount> ofPartner(long partnerId) {
        return em.createQuery("SELECT u FROM UserAccount u WHERE u.partner.id = :partner AND u.status = :active"
                        + " ORDER BY u.id", UserAccount.class)
                .setParameter("partner", partnerId).setParameter("active", AccountStatus.ACTIVE).getResultList();
    }
}
