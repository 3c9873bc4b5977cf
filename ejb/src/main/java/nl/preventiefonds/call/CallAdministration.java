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
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.ValidationFailedException;

/** Calls and their rules; only fund managers change them. */
@Stateless
@RolesAllowed(Role.Names.FUND_MANAGER)
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
        if (!problems.isEmpty()) {
            throw ValidationFailedException.of(problems);
        }
        FundingCall call;
        String before = null;
        if (form.getId() == null) {
            call = FundingCall.create(fund, form, eligible);
            em.persist(call);
        } else {
            call = find(form.getId());
            if (call.getVersion() != form.getVersion()) {
                throw new ValidationFailedException("call.changedElsewhere");
            }
            before = call.auditSummary();
            call.apply(form, eligible);
        }
        em.flush();
        audit.record(before == null ? "CALL_CREATED" : "CALL_CHANGED", "FundingCall", call.getId(), before,
                call.auditSummary());
        return call.getId();
    }

    private FundingCall find(long callId) {
        FundingCall call = em.find(FundingCall.class, callId);
        if (call == null) {
            throw new ValidationFailedException("call.notFound");
        }
        return call;
    }
}
