package nl.preventiefonds.monitoring;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.preventiefonds.application.Activity;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.application.BudgetLine;
import nl.preventiefonds.application.BudgetLineKind;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.Money;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * Files one report on a request, whether it came from the form, the API or a partner's bulk upload: checks it
 * against the request ({@link ReportRules}), stores it and audits it. The caller has checked who files it and
 * holds the request's lock. A plain CDI bean, not an EJB, so a refused report does not by itself mark the
 * caller's transaction for rollback: the bulk upload goes on with the other initiatives.
 */
@Dependent
public class ReportFiling {
    /** The audit subject of every report event: the application it belongs to. */
    static final String SUBJECT = "Application";
    /** An indicator value keeps two decimals, as its column does; a measured number, not an amount. */
    static final int INDICATOR_DECIMALS = 2;

    /** report_spending.description is VARCHAR(200) (characters, as MariaDB counts them: code points). */
    static final int SPENDING_DESCRIPTION_MAX = 200;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    Report store(ReportRequest request, ReportForm form, Caller caller, boolean viaUpload) {
        if (!request.getStatus().isOutstanding()) {
            throw new ValidationFailedException("report.notOutstanding");
        }
        // As the bulk upload does per row: a report of a period that has not begun (a final report before the
        // activities end) is refused, whichever way it comes in.
        if (!request.isOpenOn(LocalDate.ofInstant(clock.instant(), Amsterdam.ZONE))) {
            throw ValidationFailedException.of("report.notYetOpen", request.opensOn());
        }
        Map<Long, Activity> reportable = reportableActivities(request).stream()
                .collect(Collectors.toMap(Activity::getId, a -> a));
        Map<Long, BudgetLine> lines = costLines(request.getApplication()).stream()
                .collect(Collectors.toMap(BudgetLine::getId, l -> l));
        long attachmentCount = em.createQuery("SELECT COUNT(t) FROM Attachment t WHERE t.reportRequestId = :id",
                Long.class).setParameter("id", request.getId()).getSingleResult();
        List<Problem> problems = ReportRules.check(form, reportable.keySet(),
                request.getPurpose() == ReportPurpose.FINAL && request.getPartner() == null,
                request.requiresFinancialReport(), request.requiresFinancialReport() ? lines.keySet() : Set.of(),
                request.requiresAccountantStatement(), (int) attachmentCount);
        if (!problems.isEmpty()) {
            throw ValidationFailedException.of(problems);
        }
        Instant now = clock.instant();
        Report report = new Report(request, now, caller.email(), viaUpload, clean(form.getNarrative()));
        for (ReportForm.ActivityResult result : form.getActivities()) {
            report.addActivity(reportable.get(result.getActivityId()), result.getParticipants(), result.getSessions(),
                    result.getVolunteers(), clean(result.getNote()));
        }
        for (ReportForm.Indicator indicator : form.getIndicators()) {
            if (indicator != null && indicator.getName() != null && !indicator.getName().isBlank() && indicator.getValue() != null) {
                report.addIndicator(indicator.getName().strip(), indicator.getValue().setScale(
                        INDICATOR_DECIMALS, java.math.RoundingMode.UNNECESSARY));
            }
        }
        if (request.requiresFinancialReport()) {
            for (ReportForm.Spending spending : form.getSpending()) {
                BudgetLine line = lines.get(spending.getBudgetLineId());
                // A copy of the cost line's name for the report; budget lines allow 300 characters, this column 200.
                report.addSpending(line.getId(), line.getDescription() == null ? "-"
                                : firstCodePoints(line.getDescription(), SPENDING_DESCRIPTION_MAX),
                        line.getAmount(), Money.exact(spending.getSpent()).amount());
            }
        }
        String before = request.auditSummary();
        em.persist(report);
        request.submitted();
        em.flush();
        audit.record("REPORT_SUBMITTED", SUBJECT, request.getApplication().getId(), before,
                request.auditSummary() + ", " + report.auditSummary());
        return report;
    }

    /** The organiser reports on every activity; a partner only on those it carries out. */
    static List<Activity> reportableActivities(ReportRequest request) {
        List<Activity> all = request.getApplication().getActivities();
        if (request.getPartner() == null) {
            return all;
        }
        Long partnerId = request.getPartner().getId();
        return all.stream().filter(a -> a.getDeliveredBy() != null && partnerId.equals(a.getDeliveredBy().getId()))
                .toList();
    }

    static List<BudgetLine> costLines(Application application) {
        return application.getBudgetLines().stream().filter(l -> l.getKind() == BudgetLineKind.COST).toList();
    }

    static String firstCodePoints(String text, int max) {
        return text.codePointCount(0, text.length()) <= max ? text : text.substring(0, text.offsetByCodePoints(0, max));
    }

    /** Stripped and without bidi controls (FreeText); null when empty. */
    static String clean(String text) {
        return nl.preventiefonds.platform.FreeText.clean(text);
    }
}
