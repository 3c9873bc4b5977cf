package nl.preventiefonds.monitoring;

import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.preventiefonds.application.Activity;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.application.ApplicationQueries;
import nl.preventiefonds.application.Attachment;
import nl.preventiefonds.application.AttachmentStore;
import nl.preventiefonds.application.BudgetLine;
import nl.preventiefonds.application.BudgetLineKind;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.call.CallFetch;
import nl.preventiefonds.call.ReportKind;
import nl.preventiefonds.decision.GrantAwarded;
import nl.preventiefonds.decision.GrantDecision;
import nl.preventiefonds.identity.AccessDeniedException;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.identity.UserAccount;
import nl.preventiefonds.notification.Outbox;
import nl.preventiefonds.partner.PartnerOrganisation;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * Reports on running grants: who owes which report by when, submitting them (on the page, through the API or
 * in bulk by CSV), and the officer's review. Who may report is checked here, per request.
 */
@Stateless
@RolesAllowed({Role.Names.ORGANISER, Role.Names.PARTNER, Role.Names.OFFICER, Role.Names.DECISION_MAKER,
        Role.Names.FUND_MANAGER})
public class ReportService {
    static final String SUBJECT = "Application";
    static final int MORE_MIN_DAYS = 7;
    static final int MORE_MAX_MONTHS = 3;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private AccessPolicy access;

    @EJB
    private AuditTrail audit;

    @EJB
    private Outbox outbox;

    @EJB
    private ApplicationQueries queries;

    @EJB
    private DeterminationService determinations;

    @Inject
    private AttachmentStore attachments;

    @Inject
    private Reporters reporters;

    @Inject
    private Clock clock;

    /** Inside the decision's transaction, after the payments: the report schedule, or a direct determination. */
    @RolesAllowed(Role.Names.DECISION_MAKER)
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void onAward(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) GrantAwarded event) {
        GrantDecision decision = event.decision();
        Application application = decision.getApplication();
        if (decision.getReportKind() == null || decision.getReportKind() == ReportKind.NONE) {
            determinations.determineDirectly(decision);
            return;
        }
        List<ReportRequest> requests = ReportRequest.scheduleFor(decision, clock.instant());
        requests.forEach(em::persist);
        em.flush();
        audit.record("REPORTS_SCHEDULED", SUBJECT, application.getId(), null, "requests=" + requests.size() + ", "
                + requests.stream().map(r -> r.getPurpose() + "/" + (r.getPartner() == null ? "organiser" : "partner"
                + r.getPartner().getId()) + "@" + r.getDueOn()).collect(Collectors.joining(" ")));
        // Partners learn here that they are asked to report; the organiser reads it in the decision letter.
        Map<PartnerOrganisation, LocalDate> firstDue = requests.stream().filter(r -> r.getPartner() != null)
                .collect(Collectors.toMap(ReportRequest::getPartner, ReportRequest::getDueOn,
                        (a, b) -> a.isBefore(b) ? a : b));
        firstDue.forEach((partner, due) -> {
            for (UserAccount user : reporters.ofPartner(partner.getId())) {
                Locale locale = Locale.forLanguageTag(user.getPreferredLocale());
                outbox.queue(user.getEmail(), user.getPreferredLocale(), "report-asked-partner",
                        user.getDisplayName(), application.getReference(), application.getTitle(),
                        Amsterdam.longDate(due, locale));
            }
        });
    }

    /** The requests of one application as the caller may see them: partners only their own. */
    public List<ReportRequest> requestsFor(long applicationId) {
        queries.visible(applicationId);
        Caller caller = access.caller();
        if (caller.is(Role.PARTNER)) {
            return em.createQuery("SELECT r FROM ReportRequest r WHERE r.application.id = :app"
                            + " AND r.partner.id = :partner ORDER BY r.dueOn, r.id", ReportRequest.class)
                    .setParameter("app", applicationId).setParameter("partner", caller.partnerId()).getResultList();
        }
        return em.createQuery("SELECT r FROM ReportRequest r LEFT JOIN FETCH r.partner WHERE r.application.id = :app"
                + " ORDER BY r.dueOn, r.id", ReportRequest.class).setParameter("app", applicationId).getResultList();
    }

    /** The reports submitted on one application, newest first, as the caller may see them. */
    public List<Report> reportsFor(long applicationId) {
        queries.visible(applicationId);
        Caller caller = access.caller();
        String partnerOnly = caller.is(Role.PARTNER) ? " AND r.request.partner.id = :partner" : "";
        var query = em.createQuery("SELECT r FROM Report r JOIN FETCH r.request WHERE r.request.application.id = :app"
                + partnerOnly + " ORDER BY r.submittedAt DESC, r.id DESC", Report.class)
                .setParameter("app", applicationId);
        if (caller.is(Role.PARTNER)) {
            query.setParameter("partner", caller.partnerId());
        }
        List<Report> reports = query.getResultList();
        reports.forEach(r -> {
            r.getActivities().size();
            r.getIndicators().size();
            r.getSpending().size();
        });
        return reports;
    }

    /** A submitted report as the API lists it; partnerName is null for the organiser's own reports. */
    public record ReportSummary(long reportId, long requestId, long applicationId, String reference,
            ReportPurpose purpose, String partnerName, LocalDate dueOn, Instant submittedAt, ReviewOutcome reviewOutcome)
            implements Serializable {
    }

    public record ReportPage(long total, List<ReportSummary> items) implements Serializable {
    }

    /**
     * Submitted reports, newest first, paged in the database: staff see all, an organiser those on its own
     * applications, a partner only its own.
     */
    public ReportPage reports(int first, int size) {
        Caller caller = access.caller();
        String scope;
        if (caller.isStaff()) {
            scope = "";
        } else if (caller.is(Role.ORGANISER)) {
            scope = " WHERE a.owner.id = :me";
        } else if (caller.is(Role.PARTNER) && caller.partnerId() != null) {
            scope = " WHERE p.id = :partner";
        } else {
            return new ReportPage(0, List.of());
        }
        String from = " FROM Report r JOIN r.request q JOIN q.application a LEFT JOIN q.partner p" + scope;
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(r)" + from, Long.class);
        TypedQuery<ReportSummary> page = em.createQuery("SELECT NEW nl.preventiefonds.monitoring.ReportService"
                + ".ReportSummary(r.id, q.id, a.id, a.reference, q.purpose, p.name, q.dueOn, r.submittedAt,"
                + " r.reviewOutcome)" + from + " ORDER BY r.submittedAt DESC, r.id DESC", ReportSummary.class);
        for (TypedQuery<?> query : List.of(count, page)) {
            if (scope.contains(":me")) {
                query.setParameter("me", caller.userId());
            } else if (scope.contains(":partner")) {
                query.setParameter("partner", caller.partnerId());
            }
        }
        return new ReportPage(count.getSingleResult(), page.setFirstResult(first).setMaxResults(size).getResultList());
    }

    /** What the caller owes or has sent: the organiser's own requests, or the partner's. Newest due last. */
    @RolesAllowed({Role.Names.ORGANISER, Role.Names.PARTNER})
    public List<ReportRequest> mine() {
        Caller caller = access.requireAnyRole(Role.ORGANISER, Role.PARTNER);
        if (caller.is(Role.PARTNER)) {
            if (caller.partnerId() == null) {
                return List.of();
            }
            return CallFetch.withApplication(em.createQuery("SELECT r FROM ReportRequest r JOIN FETCH r.application"
                            + " WHERE r.partner.id = :p AND r.status <> :cancelled ORDER BY r.dueOn, r.id",
                            ReportRequest.class), "r.application")
                    .setParameter("p", caller.partnerId()).setParameter("cancelled", ReportRequestStatus.CANCELLED)
                    .setMaxResults(500).getResultList();
        }
        // The owner is the caller: only the call needs fetching.
        return CallFetch.withCall(em.createQuery("SELECT r FROM ReportRequest r JOIN FETCH r.application a"
                        + " WHERE a.owner.id = :me AND r.partner IS NULL AND r.status <> :cancelled"
                        + " ORDER BY r.dueOn, r.id", ReportRequest.class), "r.application.call")
                .setParameter("me", caller.userId()).setParameter("cancelled", ReportRequestStatus.CANCELLED)
                .setMaxResults(500).getResultList();
    }

    /** What {@link #mine()} returns, as list lines for the dashboard and the partner portal. */
    public List<ReportRequestRow> myRequestRows() {
        Caller caller = access.requireAnyRole(Role.ORGANISER, Role.PARTNER);
        String select = "SELECT NEW nl.preventiefonds.monitoring.ReportRequestRow(r.id, a.reference, a.title,"
                + " r.purpose, r.dueOn, r.status) FROM ReportRequest r JOIN r.application a";
        if (caller.is(Role.PARTNER)) {
            if (caller.partnerId() == null) {
                return List.of();
            }
            return em.createQuery(select + " WHERE r.partner.id = :p AND r.status <> :cancelled ORDER BY r.dueOn, r.id",
                            ReportRequestRow.class)
                    .setParameter("p", caller.partnerId()).setParameter("cancelled", ReportRequestStatus.CANCELLED)
                    .setMaxResults(500).getResultList();
        }
        return em.createQuery(select + " WHERE a.owner.id = :me AND r.partner IS NULL AND r.status <> :cancelled"
                        + " ORDER BY r.dueOn, r.id", ReportRequestRow.class)
                .setParameter("me", caller.userId()).setParameter("cancelled", ReportRequestStatus.CANCELLED)
                .setMaxResults(500).getResultList();
    }

    /** A request the caller may see; anything else is "not found", to reveal nothing. */
    public ReportRequest request(long requestId) {
        ReportRequest request = em.find(ReportRequest.class, requestId);
        if (request == null) {
            throw new ValidationFailedException("report.requestNotFound");
        }
        Caller caller = access.caller();
        if (caller.is(Role.PARTNER)) {
            if (request.getPartner() == null || !request.getPartner().getId().equals(caller.partnerId())) {
                throw new AccessDeniedException("not this partner's request");
            }
        } else {
            queries.visible(request.getApplication().getId());
        }
        return request;
    }

    /** The form to fill in: the caller's activities with their plan, the cost lines when financial, last values. */
    public ReportForm blankForm(long requestId) {
        ReportRequest request = request(requestId);
        ReportForm form = new ReportForm();
        Map<Long, ReportActivity> previous = new LinkedHashMap<>();
        Report last = latestReport(requestId);
        if (last != null) {
            form.setNarrative(last.getNarrative());
            last.getActivities().forEach(a -> previous.put(a.getActivity().getId(), a));
            last.getIndicators().forEach(i -> form.getIndicators().add(new ReportForm.Indicator(i.getName(),
                    i.getValue())));
        }
        for (Activity activity : reportableActivities(request)) {
            ReportForm.ActivityResult row = new ReportForm.ActivityResult(activity.getId(), null, null, null);
            row.setActivityName(activity.getName());
            row.setPlannedParticipants(activity.getPlannedParticipants());
            ReportActivity before = previous.get(activity.getId());
            if (before != null) {
                row.setParticipants(before.getParticipants());
                row.setSessions(before.getSessions());
                row.setVolunteers(before.getVolunteers());
                row.setNote(before.getNote());
            }
            form.getActivities().add(row);
        }
        if (request.requiresFinancialReport()) {
            for (BudgetLine line : costLines(request.getApplication())) {
                ReportForm.Spending spending = new ReportForm.Spending(line.getId(), null);
                spending.setDescription(line.getDescription());
                spending.setBudgeted(line.getAmount());
                if (last != null) {
                    last.getSpending().stream().filter(s -> line.getId().equals(s.getBudgetLineId())).findFirst()
                            .ifPresent(s -> spending.setSpent(s.getSpent()));
                }
                form.getSpending().add(spending);
            }
        }
        return form;
    }

    private Report latestReport(long requestId) {
        List<Report> reports = em.createQuery("SELECT r FROM Report r WHERE r.request.id = :id ORDER BY r.id DESC",
                Report.class).setParameter("id", requestId).setMaxResults(1).getResultList();
        return reports.isEmpty() ? null : reports.get(0);
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

    private static List<BudgetLine> costLines(Application application) {
        return application.getBudgetLines().stream().filter(l -> l.getKind() == BudgetLineKind.COST).toList();
    }

    /** The reporter of this request: its organiser, or a user of its partner. Others get "not found". */
    private Caller requireReporter(ReportRequest request) {
        Caller caller = access.requireAnyRole(Role.ORGANISER, Role.PARTNER);
        if (request.getPartner() == null) {
            return access.requireOwner(request.getApplication().getOwner().getId());
        }
        if (!caller.is(Role.PARTNER) || !request.getPartner().getId().equals(caller.partnerId())) {
            throw new AccessDeniedException("not this partner's request");
        }
        return caller;
    }

    @RolesAllowed({Role.Names.ORGANISER, Role.Names.PARTNER})
    public long submit(long requestId, ReportForm form) {
        ReportRequest request = lockedRequest(requestId);
        Caller caller = requireReporter(request);
        return store(request, form, caller, false).getId();
    }

    private ReportRequest lockedRequest(long requestId) {
        ReportRequest request = em.find(ReportRequest.class, requestId, LockModeType.PESSIMISTIC_WRITE);
        if (request == null) {
            throw new ValidationFailedException("report.requestNotFound");
        }
        em.refresh(request);
        return request;
    }

    private Report store(ReportRequest request, ReportForm form, Caller caller, boolean viaUpload) {
        if (!request.getStatus().isOutstanding()) {
            throw new ValidationFailedException("report.notOutstanding");
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
                report.addIndicator(indicator.getName().strip(), indicator.getValue().setScale(2,
                        java.math.RoundingMode.UNNECESSARY));
            }
        }
        if (request.requiresFinancialReport()) {
            for (ReportForm.Spending spending : form.getSpending()) {
                BudgetLine line = lines.get(spending.getBudgetLineId());
                // A copy of the cost line's name for the report; budget lines allow 300 characters, this column 200.
                report.addSpending(line.getId(), line.getDescription() == null ? "-"
                                : firstCodePoints(line.getDescription(), SPENDING_DESCRIPTION_MAX),
                        line.getAmount(), spending.getSpent().setScale(2, java.math.RoundingMode.UNNECESSARY));
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

    /** Adds a file (e.g. the accountant's statement) to an outstanding request. */
    @RolesAllowed({Role.Names.ORGANISER, Role.Names.PARTNER})
    public Attachment addAttachment(long requestId, String filename, byte[] content) {
        ReportRequest request = request(requestId);
        Caller caller = requireReporter(request);
        if (!request.getStatus().isOutstanding()) {
            throw new ValidationFailedException("report.notOutstanding");
        }
        Application application = em.find(Application.class, request.getApplication().getId(),
                LockModeType.PESSIMISTIC_WRITE);
        Attachment attachment = attachments.storeForReportRequest(application, requestId, filename, content,
                clock.instant(), caller.email());
        audit.record("REPORT_ATTACHMENT_ADDED", SUBJECT, application.getId(), null, "request=" + requestId
                + ", attachment=" + attachment.getId() + ", name=" + attachment.getFilename() + ", sha256="
                + attachment.getSha256());
        return attachment;
    }

    public List<Attachment> attachments(long requestId) {
        request(requestId);
        return em.createQuery("SELECT t FROM Attachment t WHERE t.reportRequestId = :id ORDER BY t.id",
                Attachment.class).setParameter("id", requestId).getResultList();
    }

    /** The officer accepts a report, or asks for more by a new date. */
    @RolesAllowed({Role.Names.OFFICER, Role.Names.DECISION_MAKER})
    public void review(long reportId, ReviewOutcome outcome, String note, LocalDate moreDueOn) {
        Caller caller = access.requireAnyRole(Role.OFFICER, Role.DECISION_MAKER);
        Report report = em.find(Report.class, reportId);
        if (report == null) {
            throw new ValidationFailedException("report.notFound");
        }
        ReportRequest request = lockedRequest(report.getRequest().getId());
        if (request.getStatus() != ReportRequestStatus.SUBMITTED || report.getReviewOutcome() != null) {
            throw new ValidationFailedException("report.notAwaitingReview");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), Amsterdam.ZONE);
        List<Problem> problems = new ArrayList<>();
        if (outcome == null) {
            problems.add(Problem.of("report.reviewOutcomeRequired"));
        }
        String cleanNote = clean(note);
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
        audit.record("REPORT_REVIEWED", SUBJECT, request.getApplication().getId(), before, request.auditSummary()
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

    /** One line of the partner's CSV template: an initiative's reference and an activity the partner carries out. */
    public record TemplateRow(String reference, String activity) implements Serializable {
    }

    /**
     * The rows a partner's bulk upload would report on now: per outstanding request (the one an upload of that
     * reference goes to, the earliest due), each activity the partner carries out. For the CSV template.
     */
    @RolesAllowed(Role.Names.PARTNER)
    public List<TemplateRow> templateRows() {
        Caller caller = access.requireAnyRole(Role.PARTNER);
        if (caller.partnerId() == null) {
            return List.of();
        }
        Map<String, ReportRequest> byReference = new LinkedHashMap<>();
        for (ReportRequest request : outstandingOfPartner(caller.partnerId())) {
            byReference.putIfAbsent(request.getApplication().getReference().toUpperCase(Locale.ROOT), request);
        }
        // The partner's activities of all these applications in one statement, not one per application.
        Map<Long, List<Activity>> activities = new HashMap<>();
        if (!byReference.isEmpty()) {
            for (Object[] row : em.createQuery("SELECT t.application.id, t FROM Activity t"
                            + " WHERE t.application.id IN :ids AND t.deliveredBy.id = :p ORDER BY t.position, t.id",
                            Object[].class)
                    .setParameter("ids", byReference.values().stream().map(r -> r.getApplication().getId()).toList())
                    .setParameter("p", caller.partnerId()).getResultList()) {
                activities.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((Activity) row[1]);
            }
        }
        List<TemplateRow> rows = new ArrayList<>();
        for (ReportRequest request : byReference.values()) {
            for (Activity activity : activities.getOrDefault(request.getApplication().getId(), List.of())) {
                String name = activity.getName() == null || activity.getName().isBlank()
                        ? String.valueOf(activity.getPosition()) : activity.getName().strip();
                rows.add(new TemplateRow(request.getApplication().getReference(), name));
            }
        }
        return rows;
    }

    private List<ReportRequest> outstandingOfPartner(long partnerId) {
        return CallFetch.withApplication(em.createQuery("SELECT r FROM ReportRequest r JOIN FETCH r.application"
                        + " WHERE r.partner.id = :p AND r.status IN :open ORDER BY r.dueOn, r.id", ReportRequest.class),
                        "r.application")
                .setParameter("p", partnerId)
                .setParameter("open", List.of(ReportRequestStatus.OPEN, ReportRequestStatus.MORE_REQUESTED))
                .getResultList();
    }

    /** The result of one row of a bulk upload; problems empty means it was submitted. */
    public record UploadResult(List<PartnerReportCsv.Row> rows, List<Problem> fileProblems, int reportsSubmitted,
                               int rowsSubmitted) implements Serializable {
        public List<PartnerReportCsv.Row> rejected() {
            return rows.stream().filter(r -> !r.valid()).toList();
        }
    }

    /**
     * A partner's bulk report: each row is one activity's realised reach in one initiative. The rows of one
     * initiative form one report, submitted only when all of them are right; a wrong row holds back its
     * initiative (said per row) and never touches another. All submitted reports are written in one transaction.
     */
    @RolesAllowed(Role.Names.PARTNER)
    public UploadResult uploadPartnerReports(byte[] csv) {
        Caller caller = access.requireAnyRole(Role.PARTNER);
        if (caller.partnerId() == null) {
            throw new AccessDeniedException("partner account without organisation");
        }
        PartnerReportCsv.Parsed parsed = PartnerReportCsv.parse(csv);
        if (!parsed.fileProblems().isEmpty()) {
            return new UploadResult(List.of(), parsed.fileProblems(), 0, 0);
        }
        // Resolve each row to an outstanding request of this partner and an activity it carries out.
        Map<String, ReportRequest> byReference = new LinkedHashMap<>();
        for (ReportRequest request : outstandingOfPartner(caller.partnerId())) {
            byReference.putIfAbsent(request.getApplication().getReference().toUpperCase(Locale.ROOT), request);
        }
        List<PartnerReportCsv.Row> rows = new ArrayList<>();
        Map<Long, List<Integer>> rowIndexesByRequest = new LinkedHashMap<>();
        Map<Long, Set<Long>> activitiesSeen = new LinkedHashMap<>();
        Map<Integer, Long> activityOfRow = new LinkedHashMap<>();
        for (PartnerReportCsv.Row row : parsed.rows()) {
            PartnerReportCsv.Row checked = row;
            ReportRequest request = row.reference() == null ? null
                    : byReference.get(row.reference().strip().toUpperCase(Locale.ROOT));
            if (row.reference() != null && request == null) {
                checked = checked.withProblem(Problem.of("csv.noOpenRequest", row.reference().strip()));
            }
            if (request != null && row.activity() != null) {
                Activity activity = matchActivity(reportableActivities(request), row.activity());
                if (activity == null) {
                    checked = checked.withProblem(Problem.of("csv.activityNotYours", row.activity().strip(),
                            request.getApplication().getReference()));
                } else if (!activitiesSeen.computeIfAbsent(request.getId(), k -> new HashSet<>())
                        .add(activity.getId())) {
                    checked = checked.withProblem(Problem.of("csv.activityTwice", row.activity().strip()));
                } else {
                    activityOfRow.put(rows.size(), activity.getId());
                }
            }
            if (request != null) {
                rowIndexesByRequest.computeIfAbsent(request.getId(), k -> new ArrayList<>()).add(rows.size());
            }
            rows.add(checked);
        }
        int reports = 0;
        int submittedRows = 0;
        for (Map.Entry<Long, List<Integer>> group : rowIndexesByRequest.entrySet()) {
            List<Integer> indexes = group.getValue();
            List<Integer> badLines = indexes.stream().filter(i -> !rows.get(i).valid()).map(i -> rows.get(i).line())
                    .toList();
            if (!badLines.isEmpty()) {
                String lines = badLines.stream().map(String::valueOf).collect(Collectors.joining(", "));
                for (Integer i : indexes) {
                    if (rows.get(i).valid()) {
                        rows.set(i, rows.get(i).withProblem(Problem.of("csv.heldBack", lines)));
                    }
                }
                continue;
            }
            ReportRequest request = lockedRequest(group.getKey());
            ReportForm form = new ReportForm();
            for (Integer i : indexes) {
                PartnerReportCsv.Row row = rows.get(i);
                ReportForm.ActivityResult result = new ReportForm.ActivityResult(activityOfRow.get(i),
                        row.participants(), row.sessions(), row.volunteers());
                result.setNote(row.note());
                form.getActivities().add(result);
                if (row.indicatorName() != null && row.indicatorValue() != null) {
                    form.getIndicators().add(new ReportForm.Indicator(row.indicatorName(), row.indicatorValue()));
                }
            }
            try {
                store(request, form, caller, true);
            } catch (ValidationFailedException e) {
                // A rule only the whole report can break: said on each of its rows, nothing stored for it.
                for (Integer i : indexes) {
                    PartnerReportCsv.Row row = rows.get(i);
                    for (Problem problem : e.getProblems()) {
                        row = row.withProblem(problem);
                    }
                    rows.set(i, row);
                }
                continue;
            }
            reports++;
            submittedRows += indexes.size();
        }
        audit.record("REPORTS_UPLOADED", "PartnerOrganisation", caller.partnerId(), null, "rows=" + rows.size()
                + ", submittedRows=" + submittedRows + ", reports=" + reports + ", rejectedRows="
                + (rows.size() - submittedRows));
        return new UploadResult(rows, List.of(), reports, submittedRows);
    }

    /** By name (case and surrounding spaces ignored) or by the activity's number in the application. */
    private static Activity matchActivity(List<Activity> activities, String text) {
        String wanted = text.strip();
        for (Activity activity : activities) {
            if (activity.getName() != null && activity.getName().strip().equalsIgnoreCase(wanted)) {
                return activity;
            }
        }
        for (Activity activity : activities) {
            if (String.valueOf(activity.getPosition()).equals(wanted)) {
                return activity;
            }
        }
        return null;
    }

    /** report_spending.description is VARCHAR(200) (characters, as MariaDB counts them: code points). */
    static final int SPENDING_DESCRIPTION_MAX = 200;

    static String firstCodePoints(String text, int max) {
        return text.codePointCount(0, text.length()) <= max ? text : text.substring(0, text.offsetByCodePoints(0, max));
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
