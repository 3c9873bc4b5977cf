package nl.preventiefonds.monitoring;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.identity.UserAccount;
import nl.preventiefonds.notification.Outbox;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.RoleNames;
import nl.preventiefonds.platform.ValidationFailedException;

/** The officer's review of a submitted report: accepted, or more asked for by a new date; the reporter is told. */
@Stateless
@RolesAllowed({RoleNames.OFFICER, RoleNames.DECISION_MAKER})
public class ReportReview {
    static final int MORE_MIN_DAYS = 7;
    static final int MORE_MAX_MONTHS = 3;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy access;

    @Inject
    private AuditTrail audit;

    @Inject
    private Outbox outbox;

    @Inject
    private ReportAccess reportAccess;

    @Inject
    private Reporters reporters;

    @Inject
    private Clock clock;

    /** The officer accepts a report, or asks for more by a new date. */
    @RolesAllowed({RoleNames.OFFICER, RoleNames.DECISION_MAKER})
    public void review(long reportId, ReviewOutcome outcome, String note, LocalDate moreDueOn) {
        Caller caller = access.requireAnyRole(Role.OFFICER, Role.DECISION_MAKER);
        Report report = em.find(Report.class, reportId);
        if (report == null) {
            throw new ValidationFailedException("report.notFound");
        }
        // Another municipality's report is as unknown as one that does not exist.
        AccessPolicy.requireOwnMunicipality(caller, report.getRequest().getApplication().getMunicipalityId(),
                "report.notFound");
        ReportRequest request = reportAccess.lockedRequest(report.getRequest().getId());
        if (request.getStatus() != ReportRequestStatus.SUBMITTED || report.getReviewOutcome() != null) {
            throw new ValidationFailedException("report.notAwaitingReview");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), Amsterdam.ZONE);
        List<Problem> problems = new ArrayList<>();
        if (outcome == null) {
            problems.add(Problem.of("report.reviewOutcomeRequired"));
        }
        String cleanNote = ReportFiling.clean(note);
        if (cleanNote != null && cleanNote.length() > 4000) {
            problems.add(Problem.of("field.tooLong", "field.reviewNote", 4000));
        }
        if (outcome == ReviewOutcome.MORE_REQUESTED) {
            if (cleanNote == null) {
                problems.add(Problem.of("report.moreNoteRequired"));
            }
            if (moreDueOn == null || moreDueOn.isBefore(today.plusDays(MORE_MIN_DAYS))
                    || moreDueOn.isAfter(today.plusMonths(MORE_MAX_MONTHS))) {
                problems.add(Problem.of("report.moreDueInvalid", MORE_MIN_DAYS, MORE_MAX_MONTHS));
            }
        }
        if (!problems.isEmpty()) {
            throw ValidationFailedException.of(problems);
        }
        String before = request.auditSummary();
        report.reviewed(outcome, cleanNote, caller.email(), clock.instant());
        if (outcome == ReviewOutcome.ACCEPTED) {
            request.accepted();
        } else {
            request.moreRequested(moreDueOn);
        }
        audit.record("REPORT_REVIEWED", ReportFiling.SUBJECT, request.getApplication().getId(), before, request.auditSummary()
                + ", report=" + reportId + ", outcome=" + outcome);
        Application application = request.getApplication();
        for (UserAccount reporter : reporters.of(request)) {
            Locale locale = Locale.forLanguageTag(reporter.getPreferredLocale());
            outbox.queue(reporter.getEmail(), reporter.getPreferredLocale(), "report-" + outcome.name(),
                    reporter.getDisplayName(), application.getReference(), application.getTitle(),
                    cleanNote == null ? "" : cleanNote,
                    moreDueOn == null ? "" : Amsterdam.longDate(moreDueOn, locale));
        }
    }
}
