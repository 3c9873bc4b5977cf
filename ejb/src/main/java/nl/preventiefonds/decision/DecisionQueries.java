package nl.preventiefonds.decision;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.application.ApplicationQueries;
import nl.preventiefonds.application.ApplicationStatus;
import nl.preventiefonds.call.CallFetch;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.Role;

/** Reading decisions and objections, for everyone who may see the application. */
@Stateless
@RolesAllowed({Role.Names.ORGANISER, Role.Names.PARTNER, Role.Names.OFFICER, Role.Names.DECISION_MAKER,
        Role.Names.FUND_MANAGER})
public class DecisionQueries {
    @PersistenceContext
    private EntityManager em;

    @EJB
    private ApplicationQueries applications;

    @EJB
    private AccessPolicy access;

    public Optional<GrantDecision> forApplication(long applicationId) {
        applications.visible(applicationId);
        Optional<GrantDecision> decision = em.createQuery("SELECT d FROM GrantDecision d WHERE d.application.id = :id",
                GrantDecision.class).setParameter("id", applicationId).getResultList().stream().findFirst();
        decision.ifPresent(GrantDecision::getTranches);
        return decision;
    }

    public List<Objection> objections(long applicationId) {
        applications.visible(applicationId);
        return em.createQuery("SELECT o FROM Objection o WHERE o.decision.application.id = :id ORDER BY o.id",
                Objection.class).setParameter("id", applicationId).getResultList();
    }

    /** Decision makers: applications in assessment with at least one completed advice, oldest first. */
    public List<Application> awaitingDecision() {
        access.requireAnyRole(Role.DECISION_MAKER, Role.OFFICER, Role.FUND_MANAGER);
        return CallFetch.withCall(em.createQuery("SELECT a FROM Application a WHERE a.status = :status AND EXISTS"
                        + " (SELECT r FROM ReviewAssignment r WHERE r.application = a AND r.completedAt IS NOT NULL)"
                        + " ORDER BY a.decisionDueOn, a.id", Application.class), "a.call")
                .setParameter("status", ApplicationStatus.IN_ASSESSMENT).setMaxResults(500).getResultList();
    }
}
