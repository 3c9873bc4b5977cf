package nl.preventiefonds.organisation;

import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import nl.preventiefonds.platform.Money;
import nl.preventiefonds.application.DeMinimisAwards;
import nl.preventiefonds.application.DeMinimisWindow;
import nl.preventiefonds.decision.DecisionOutcome;

/**
 * The registry's de-minimis figure for the application domain's check: the awards in force (not replaced after an
 * objection, not a rejection) that a municipality decided for a KvK number within the window, at the amount
 * awarded. The amount of the decision, not a later lower determination: aid counts as granted when the right to it
 * is conferred (2023/2831 art. 3(4)), so the figure never undercounts.
 */
@Stateless
@LocalBean
@Local(DeMinimisAwards.class)
public class RegistryAwards implements DeMinimisAwards {
    static final String AWARDS_IN_FORCE = " FROM GrantDecision d JOIN d.application a WHERE a.municipalityId = :m"
            + " AND d.outcome <> :reject AND d.replacedBy IS NULL";

    @PersistenceContext
    private EntityManager em;

    @Override
    public BigDecimal awarded(String kvkNumber, long municipalityId, DeMinimisWindow window, Long exceptApplicationId) {
        BigDecimal sum = em.createQuery("SELECT SUM(d.amount)" + AWARDS_IN_FORCE + " AND a.kvkNumber = :kvk"
                        + " AND d.decidedOn >= :from AND d.decidedOn <= :until AND a.id <> :except", BigDecimal.class)
                .setParameter("m", municipalityId).setParameter("reject", DecisionOutcome.REJECT)
                .setParameter("kvk", kvkNumber).setParameter("from", window.from())
                .setParameter("until", window.until())
                .setParameter("except", exceptApplicationId == null ? -1L : exceptApplicationId)
                .getSingleResult();
        return Money.fromAggregateOrZero(sum).amount();
    }
}
