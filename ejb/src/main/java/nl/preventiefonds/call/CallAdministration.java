package nl.preventiefonds.call;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.fund.Fund;
import nl.preventiefonds.fund.Neighbourhood;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.RoleNames;
import nl.preventiefonds.platform.ValidationFailedException;

/** Calls and their rules; only fund managers change them. */
@Stateless
@RolesAllowed(RoleNames.FUND_MANAGER)
public class CallAdministration {
    @PersistenceContext
    private EntityManager em;

    @EJB
    private AuditTrail audit;

    /** Every call, newest first (a municipality runs a handful of rounds a year). */
    public List<FundingCall> calls() {
        return CallFetch.withFund(em.createQuery("SELECT c FROM FundingCall c ORDER BY c.opensAt DESC",
                        FundingCall.class), "c").setMaxResults(500).getResultList();
    }

    public CallForm load(long callId) {
        return find(callId).toForm();
    }

    /** Creates (id null) or updates a call after checking every rule; returns its id. */
    public long save(CallForm form) {
        List<Problem> problems = new ArrayList<>(CallRules.check(form));
        Fund fund = form.getFundId() == null ? null : em.find(Fund.class, form.getFundId());
        if (fund == null) {
            problems.add(Problem.of("call.fundRequired"));
        } else if (form.getBudgetYear() != null && fund.yearBudget(form.getBudgetYear()).isEmpty()) {
            problems.add(Problem.of("call.budgetYearUnknown", String.valueOf(form.getBudgetYear())));
        }
        Set<Neighbourhood> eligible = new HashSet<>();
        for (Long id : form.getNeighbourhoodIds()) {
            Neighbourhood neighbourhood = em.find(Neighbourhood.class, id);
            if (neighbourhood == null || (fund != null
                    && !neighbourhood.getMunicipality().getId().equals(fund.getMunicipality().getId()))) {
                problems.add(Problem.of("call.neighbourhoodUnknown"));
            } else {
                eligible.add(neighbourhood);
            }
        }
        FundingCall existing = form.getId() == null ? null : find(form.getId());
        if (existing != null) {
            if (existing.getVersion() != form.getVersion()) {
                // Saved over a newer version: refused first, the rest would compare with what the user never saw.
                throw new ValidationFailedException("call.changedElsewhere");
            }
            problems.addAll(scoredCriteriaProblems(existing, form));
        }
        if (!problems.isEmpty()) {
            throw ValidationFailedException.of(problems);
        }
        FundingCall call;
        String before = null;
        if (form.getId() == null) {
            call = FundingCall.create(fund, form, eligible);
            em.persist(call);
        } else {
            call = existing;
            before = call.auditSummary();
            call.apply(form, eligible);
        }
        em.flush();
        audit.record(before == null ? "CALL_CREATED" : "CALL_CHANGED", "FundingCall", call.getId(), before,
                call.auditSummary());
        return call.getId();
    }

    /**
     * Once a review is scored, the criteria are what was scored on: none may be added or removed and no weight may
     * change (the stored weighted scores would no longer add up). Names and descriptions may still be worded better.
     */
    private List<Problem> scoredCriteriaProblems(FundingCall call, CallForm form) {
        List<Problem> problems = new ArrayList<>();
        Set<Long> saved = call.criterionIds();
        for (int i = 0; i < form.getCriteria().size(); i++) {
            Long id = form.getCriteria().get(i).getId();
            if (id != null && !saved.contains(id)) {
                problems.add(Problem.of("call.criterionUnknown", i + 1));
            }
        }
        // A string query, not the assessment types: the call package does not depend on assessment.
        long scores = em.createQuery("SELECT COUNT(s) FROM ReviewScore s WHERE s.criterion.call.id = :call",
                Long.class).setParameter("call", call.getId()).getSingleResult();
        if (scores == 0) {
            return problems;
        }
        Set<Long> named = new HashSet<>();
        for (int i = 0; i < form.getCriteria().size(); i++) {
            CallForm.CriterionRow row = form.getCriteria().get(i);
            if (row.getId() == null) {
                problems.add(Problem.of("call.criterionAddedAfterScoring", i + 1));
                continue;
            }
            named.add(row.getId());
            call.getCriteria().stream().filter(c -> c.getId().equals(row.getId())).findFirst()
                    .filter(c -> row.getWeightPercent() != null && c.getWeightPercent() != row.getWeightPercent())
                    .ifPresent(c -> problems.add(Problem.of("call.criterionWeightAfterScoring", c.getName(),
                            c.getWeightPercent())));
        }
        call.getCriteria().stream().filter(c -> !named.contains(c.getId()))
                .forEach(c -> problems.add(Problem.of("call.criterionRemovedAfterScoring", c.getName())));
        return problems;
    }

    private FundingCall find(long callId) {
        FundingCall call = em.find(FundingCall.class, callId);
        if (call == null) {
            throw new ValidationFailedException("call.notFound");
        }
        return call;
    }
}
