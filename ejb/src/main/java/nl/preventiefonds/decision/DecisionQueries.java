package nl.preventiefonds.decision;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.application.ApplicationQueries;
import nl.preventiefonds.application.ApplicationStatus;
import nl.preventiefonds.call.CallFetch;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.platform.RoleNames;

/** Reading decisions and objections, for everyone who may see the application. */
@Stateless
@RolesAllowed({RoleNames.ORGANISER, RoleNames.PARTNER, RoleNames.OFFICER, RoleNames.DECISION_MAKER,
        RoleNames.FUND_MANAGER})
public class DecisionQueries {
    @PersistenceContext
    private EntityManager em;

    @Inject
    private ApplicationQueries applications;

    @Inject
    private AccessPolicy access;

    @Inject
    private BudgetLedger ledger;

    /**
     * What the application page shows of the decision, for this caller: the decision in force with its tranches;
     * for officers and decision makers the objections against the application's decisions; whether the caller may
     * decide now (a decision maker, the application in assessment and undecided) and then what the call may still
     * award (null otherwise).
     */
    public record Section(GrantDecision decision, List<Objection> objections, boolean mayDecide,
                          BigDecimal remaining) implements Serializable {
    }

    /** {@link Section} in one call: who may see the application is checked once. */
    public Section section(long applicationId) {
        Application application = applications.visible(applicationId);
        Caller caller = access.caller();
        GrantDecision decision = inForce(applicationId).orElse(null);
        boolean staff = caller.is(Role.OFFICER) || caller.is(Role.DECISION_MAKER);
        List<Objection> objections = decision != null && staff ? objectionsOf(applicationId) : List.of();
        boolean mayDecide = caller.is(Role.DECISION_MAKER) && decision == null
                && application.getStatus() == ApplicationStatus.IN_ASSESSMENT;
        BigDecimal remaining = mayDecide && application.getCall() != null
                ? ledger.position(application.getCall().getId()).available() : null;
        return new Section(decision, objections, mayDecide, remaining);
    }

    public Optional<GrantDecision> forApplication(long applicationId) {
        applications.visible(applicationId);
        return inForce(applicationId);
    }

    private Optional<GrantDecision> inForce(long applicationId) {
        // The decision in force: one replaced on objection (Awb 7:11) is no longer.
        Optional<GrantDecision> decision = em.createQuery("SELECT d FROM GrantDecision d WHERE d.application.id = :id"
                + " AND d.replacedBy IS NULL", GrantDecision.class).setParameter("id", applicationId).getResultList().stream().findFirst();
        decision.ifPresent(GrantDecision::getTranches);
        return decision;
    }

    public List<Objection> objections(long applicationId) {
        applications.visible(applicationId);
        return objectionsOf(applicationId);
    }

    private List<Objection> objectionsOf(long applicationId) {
        return em.createQuery("SELECT o FROM Objection o WHERE o.decision.application.id = :id ORDER BY o.id",
                Objection.class).setParameter("id", applicationId).getResultList();
    }

    /** One award as the API lists it; the money columns are what was decided, paid and (once) determined. */
    public record Award(long applicationId, String reference, String title, String organisationName, long callId,
            DecisionOutcome outcome, BigDecimal amount, LocalDate decidedOn, LocalDate startDate, LocalDate endDate,
            ApplicationStatus status) implements Serializable {
    }

    public record AwardPage(long total, List<Award> items) implements Serializable {
    }

    /**
     * Awards (grant decisions that award money), newest first, paged in the database: staff those of their own
     * municipality, an organiser those on its own applications, a partner those of applications that name it.
     */
    public AwardPage awards(int first, int size) {
        Caller caller = access.caller();
        String scope;
        if (caller.isStaff()) {
            if (caller.municipalityId() == null) {
                return new AwardPage(0, List.of()); // staff of no municipality see nothing municipal
            }
            scope = " AND a.municipalityId = :municipality";
        } else if (caller.is(Role.ORGANISER)) {
            scope = " AND a.owner.id = :me";
        } else if (caller.is(Role.PARTNER) && caller.partnerId() != null) {
            scope = " AND EXISTS (SELECT p FROM Application a2 JOIN a2.partners p WHERE a2 = a AND p.id = :partner)";
        } else {
            return new AwardPage(0, List.of()); // a partner account not bound to an organisation: nothing of its own
        }
        String where = " FROM GrantDecision d JOIN d.application a WHERE d.outcome IN :awarded"
                + " AND d.replacedBy IS NULL" + scope;
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(d)" + where, Long.class);
        TypedQuery<Award> page = em.createQuery("SELECT NEW nl.preventiefonds.decision.DecisionQueries.Award(a.id,"
                + " a.reference, a.title, a.organisationName, a.call.id, d.outcome, d.amount, d.decidedOn, a.startDate,"
                + " a.endDate, a.status)" + where + " ORDER BY d.decidedOn DESC, d.id DESC", Award.class);
        for (TypedQuery<?> query : List.of(count, page)) {
            query.setParameter("awarded", List.of(DecisionOutcome.AWARD, DecisionOutcome.PARTIAL_AWARD));
            if (scope.contains(":municipality")) {
                query.setParameter("municipality", caller.municipalityId());
            } else if (scope.contains(":me")) {
                query.setParameter("me", caller.userId());
            } else if (scope.contains(":partner")) {
                query.setParameter("partner", caller.partnerId());
            }
        }
        return new AwardPage(count.getSingleResult(), page.setFirstResult(first).setMaxResults(size).getResultList());
    }

    /**
     * Decision makers: their municipality's applications in assessment with at least one completed advice, oldest
     * first.
     */
    public List<Application> awaitingDecision() {
        Caller caller = access.requireMunicipalStaff(Role.DECISION_MAKER, Role.OFFICER, Role.FUND_MANAGER);
        return CallFetch.withCall(em.createQuery("SELECT a FROM Application a WHERE a.municipalityId = :municipality"
                        + " AND a.status = :status AND EXISTS"
                        + " (SELECT r FROM ReviewAssignment r WHERE r.application = a AND r.completedAt IS NOT NULL)"
                        + " ORDER BY a.decisionDueOn, a.id", Application.class), "a.call")
                .setParameter("municipality", caller.municipalityId())
                .setParameter("status", ApplicationStatus.IN_ASSESSMENT).setMaxResults(500).getResultList();
    }
}
