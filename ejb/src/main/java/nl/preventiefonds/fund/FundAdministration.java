package nl.preventiefonds.fund;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.RoleNames;
import nl.preventiefonds.platform.ValidationFailedException;

/** Funds and their budgets; only fund managers change them, each those of their own municipality. */
@Stateless
@RolesAllowed(RoleNames.FUND_MANAGER)
public class FundAdministration {
    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    @Inject
    private AccessPolicy access;

    /** The funds of the fund manager's municipality. */
    public List<Fund> funds() {
        return em.createQuery("SELECT f FROM Fund f WHERE f.municipality.id = :municipality ORDER BY f.name, f.id",
                Fund.class).setParameter("municipality", ownMunicipality()).getResultList();
    }

    public FundForm load(long fundId) {
        return FundForm.of(find(fundId));
    }

    /** Creates (id null) or updates a fund; returns its id. */
    public long save(FundForm form) {
        List<Problem> problems = form.check();
        if (!problems.isEmpty()) {
            throw ValidationFailedException.of(problems);
        }
        Fund fund;
        String before = null;
        if (form.getId() == null) {
            // A new fund belongs to the municipality of the fund manager who creates it.
            Municipality municipality = em.find(Municipality.class, ownMunicipality());
            fund = new Fund(municipality, form.getName().strip(), form.getDescription(), form.getTotalBudget());
            em.persist(fund);
        } else {
            fund = find(form.getId());
            // The year rows locked and read afresh: a decision committing money at this moment waits, or has
            // committed and is counted, instead of slipping under a lowered budget (the CHECK would then fail).
            fund.getYearBudgets().forEach(y -> em.refresh(y, LockModeType.PESSIMISTIC_WRITE));
            before = fund.auditSummary();
            fund.update(form.getName(), form.getDescription(), form.getTotalBudget());
        }
        for (FundForm.YearRow row : form.getYears()) {
            fund.yearBudget(row.getYear()).filter(y -> row.getBudget().compareTo(y.getCommitted()) < 0)
                    .ifPresent(y -> {
                        throw ValidationFailedException.of("fund.yearBelowCommitted", String.valueOf(row.getYear()),
                                y.getCommitted());
                    });
            fund.setYearBudget(row.getYear(), row.getBudget());
        }
        em.flush();
        audit.record(before == null ? "FUND_CREATED" : "FUND_CHANGED", "Fund", fund.getId(), before,
                fund.auditSummary());
        return fund.getId();
    }

    private long ownMunicipality() {
        return access.requireMunicipalStaff(Role.FUND_MANAGER).municipalityId();
    }

    /** Another municipality's fund is answered as unknown: its existence is not to be inferred. */
    private Fund find(long fundId) {
        Fund fund = em.find(Fund.class, fundId);
        if (fund == null || !fund.getMunicipality().getId().equals(ownMunicipality())) {
            throw new ValidationFailedException("fund.notFound");
        }
        return fund;
    }
}
