package nl.preventiefonds.call;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.fund.Fund;
import nl.preventiefonds.fund.Neighbourhood;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.platform.Money;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.RoleNames;
import nl.preventiefonds.platform.ValidationFailedException;

/** Calls and their rules; only fund managers change them, each those of their own municipality's funds. */
@Stateless
@RolesAllowed(RoleNames.FUND_MANAGER)
public class CallAdministration {
    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    @Inject
    private AccessPolicy access;

    /** The municipality's calls, newest first (a municipality runs a handful of rounds a year). */
    public List<FundingCall> calls() {
        return CallFetch.withFund(em.createQuery("SELECT c FROM FundingCall c WHERE c.fund.municipality.id ="
                                + " :municipality ORDER BY c.opensAt DESC, c.id DESC", FundingCall.class), "c")
                .setParameter("municipality", ownMunicipality()).setMaxResults(500).getResultList();
    }

    private long ownMunicipality() {
        return access.requireMunicipalStaff(Role.FUND_MANAGER).municipalityId();
    }

    public CallForm load(long callId) {
        return find(callId).toForm();
    }

    /** Creates (id null) or updates a call after checking every rule; returns its id. */
    public long save(CallForm form) {
        List<Problem> problems = new ArrayList<>(CallRules.check(form));
        Fund fund = form.getFundId() == null ? null : em.find(Fund.class, form.getFundId());
        if (fund != null && !fund.getMunicipality().getId().equals(ownMunicipality())) {
            fund = null; // another municipality's fund is as good as none
        }
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
        // Locked and read afresh: a decision committing money on this call at this moment waits, or has committed
        // and is counted, instead of slipping under a lowered budget (the CHECK would then fail).
        FundingCall existing = form.getId() == null ? null : find(form.getId(), LockModeType.PESSIMISTIC_WRITE);
        if (existing != null) {
            if (existing.getVersion() != form.getVersion()) {
                // Saved over a newer version: refused first, the rest would compare with what the user never saw.
                throw new ValidationFailedException("call.changedElsewhere");
            }
            problems.addAll(scoredCriteriaProblems(existing, form));
        }
        if (fund != null) {
            problems.addAll(budgetProblems(fund, existing, form));
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
     * A call's own budget inside its fund year: {@code budget} null when it has none (only the year limits it);
     * {@code committed} what its awards hold; the year's budget and rest; {@code available} what one more award may
     * be (the lesser of the year's rest and the call's).
     */
    public record CallBudget(long callId, String title, Integer budgetYear, BigDecimal budget, BigDecimal committed,
                             BigDecimal yearBudget, BigDecimal yearRemaining, BigDecimal available)
            implements java.io.Serializable {
        static CallBudget of(FundingCall call) {
            var year = call.getBudgetYear() == null ? java.util.Optional.<nl.preventiefonds.fund.FundYearBudget>empty()
                    : call.getFund().yearBudget(call.getBudgetYear());
            BigDecimal yearRemaining = Money.exact(year.map(y -> y.getRemaining().max(BigDecimal.ZERO))
                    .orElse(BigDecimal.ZERO)).amount();
            BigDecimal available = call.getBudget() == null ? yearRemaining
                    : call.getBudget().subtract(call.getCommitted()).max(BigDecimal.ZERO).min(yearRemaining);
            return new CallBudget(call.getId(), call.getTitle(), call.getBudgetYear(), call.getBudget(),
                    call.getCommitted(), year.map(nl.preventiefonds.fund.FundYearBudget::getBudget).orElse(null),
                    yearRemaining, Money.exact(available).amount());
        }
    }

    public CallBudget budget(long callId) {
        return CallBudget.of(find(callId));
    }

    /**
     * Sets or removes (null) a call's own budget, with the same rules and the same lock as a save of the whole
     * form; audited as a change of the call.
     */
    public CallBudget changeBudget(long callId, BigDecimal budget) {
        FundingCall call = find(callId, LockModeType.PESSIMISTIC_WRITE);
        CallForm form = call.toForm();
        form.setBudget(budget);
        List<Problem> problems = new ArrayList<>(CallRules.check(form).stream()
                .filter(p -> p.key().equals("call.budgetNegative") || p.key().equals("money.cents")).toList());
        if (problems.isEmpty()) {
            problems.addAll(budgetProblems(call.getFund(), call, form));
        }
        if (!problems.isEmpty()) {
            throw ValidationFailedException.of(problems);
        }
        String before = call.auditSummary();
        call.changeBudget(budget);
        em.flush();
        audit.record("CALL_CHANGED", "FundingCall", call.getId(), before, call.auditSummary());
        return CallBudget.of(call);
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

    /**
     * The call's own budget is a ceiling inside its fund year: not above the year's budget, and not below what its
     * awards have committed. Once money is committed the year stays, since that money is booked on it.
     */
    private static List<Problem> budgetProblems(Fund fund, FundingCall existing, CallForm form) {
        List<Problem> problems = new ArrayList<>();
        BigDecimal committed = existing == null ? BigDecimal.ZERO : existing.getCommitted();
        if (existing != null && committed.signum() > 0 && existing.getBudgetYear() != null
                && !existing.getBudgetYear().equals(form.getBudgetYear())) {
            problems.add(Problem.of("call.budgetYearAfterAwards", String.valueOf(existing.getBudgetYear()), committed));
        }
        BigDecimal budget = form.getBudget();
        if (budget == null || budget.signum() < 0 || form.getBudgetYear() == null) {
            return problems; // none of its own, or refused by CallRules already
        }
        fund.yearBudget(form.getBudgetYear())
                .filter(year -> budget.compareTo(year.getBudget()) > 0)
                .ifPresent(year -> problems.add(Problem.of("call.budgetAboveYear", budget,
                        String.valueOf(form.getBudgetYear()), year.getBudget())));
        if (budget.compareTo(committed) < 0) {
            problems.add(Problem.of("call.budgetBelowCommitted", budget, committed));
        }
        return problems;
    }

    private FundingCall find(long callId) {
        return find(callId, LockModeType.NONE);
    }

    private FundingCall find(long callId, LockModeType lock) {
        FundingCall call = em.find(FundingCall.class, callId, lock);
        // Another municipality's call is answered as unknown: its existence is not to be inferred.
        if (call == null || !call.getFund().getMunicipality().getId().equals(ownMunicipality())) {
            throw new ValidationFailedException("call.notFound");
        }
        return call;
    }
}
