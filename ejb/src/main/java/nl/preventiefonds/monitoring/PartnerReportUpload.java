package nl.preventiefonds.monitoring;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.preventiefonds.application.Activity;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.call.CallFetch;
import nl.preventiefonds.platform.AccessDeniedException;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.RoleNames;
import nl.preventiefonds.platform.ValidationFailedException;

/** A coalition partner's bulk report by CSV ({@link PartnerReportCsv}) over many initiatives, and its template. */
@Stateless
@RolesAllowed(RoleNames.PARTNER)
public class PartnerReportUpload {
    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy access;

    @Inject
    private AuditTrail audit;

    @Inject
    private ReportAccess reportAccess;

    @Inject
    private ReportFiling filing;

    @Inject
    private Clock clock;

    @Resource
    private SessionContext context;

    /**
     * One line of the partner's CSV template: an initiative's reference, the report ({@code eind} or
     * {@code voortgang N}) and an activity the partner carries out.
     */
    public record TemplateRow(String reference, String report, String activity) implements Serializable {
    }

    /**
     * The rows a partner's bulk upload can file today: per report that is owed and open, each activity the partner
     * carries out in it. For the CSV template.
     */
    @RolesAllowed(RoleNames.PARTNER)
    public List<TemplateRow> templateRows() {
        Caller caller = access.requireAnyRole(Role.PARTNER);
        if (caller.partnerId() == null) {
            return List.of();
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), Amsterdam.ZONE);
        Map<Long, List<UploadTargets.Candidate>> byApplication = new LinkedHashMap<>();
        Map<Long, ReportRequest> requests = new HashMap<>();
        for (Map.Entry<Long, List<ReportRequest>> entry : requestsOfPartner(caller.partnerId(), null).entrySet()) {
            List<UploadTargets.Candidate> open = new ArrayList<>();
            for (UploadTargets.Candidate candidate : candidates(entry.getValue())) {
                if (candidate.openOn(today)) {
                    open.add(candidate);
                }
            }
            entry.getValue().forEach(r -> requests.put(r.getId(), r));
            if (!open.isEmpty()) {
                byApplication.put(entry.getKey(), open);
            }
        }
        // The partner's activities of all these applications in one statement, not one per application.
        Map<Long, List<Activity>> activities = new HashMap<>();
        if (!byApplication.isEmpty()) {
            for (Object[] row : em.createQuery("SELECT t.application.id, t FROM Activity t"
                            + " WHERE t.application.id IN :ids AND t.deliveredBy.id = :p ORDER BY t.position, t.id",
                            Object[].class)
                    .setParameter("ids", List.copyOf(byApplication.keySet()))
                    .setParameter("p", caller.partnerId()).getResultList()) {
                activities.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((Activity) row[1]);
            }
        }
        List<TemplateRow> rows = new ArrayList<>();
        for (Map.Entry<Long, List<UploadTargets.Candidate>> entry : byApplication.entrySet()) {
            for (UploadTargets.Candidate candidate : entry.getValue()) {
                String reference = requests.get(candidate.requestId()).getApplication().getReference();
                for (Activity activity : activities.getOrDefault(entry.getKey(), List.of())) {
                    String name = activity.getName() == null || activity.getName().isBlank()
                            ? String.valueOf(activity.getPosition()) : activity.getName().strip();
                    rows.add(new TemplateRow(reference, candidate.choice().cell(), name));
                }
            }
        }
        return rows;
    }

    /**
     * Every request (any status) of the partner, per application, in the order they were planned; only the
     * applications with one of {@code references} (upper case) when given.
     */
    private Map<Long, List<ReportRequest>> requestsOfPartner(long partnerId, Set<String> references) {
        if (references != null && references.isEmpty()) {
            return Map.of();
        }
        var query = CallFetch.withApplication(em.createQuery("SELECT r FROM ReportRequest r JOIN FETCH r.application"
                        + " WHERE r.partner.id = :p" + (references == null ? " AND r.application.id IN"
                        + " (SELECT q.application.id FROM ReportRequest q WHERE q.partner.id = :p AND q.status IN :open)"
                        : " AND UPPER(r.application.reference) IN :refs")
                        + " ORDER BY r.application.id, r.id", ReportRequest.class), "r.application")
                .setParameter("p", partnerId);
        if (references == null) {
            query.setParameter("open", List.of(ReportRequestStatus.OPEN, ReportRequestStatus.MORE_REQUESTED));
        } else {
            query.setParameter("refs", List.copyOf(references));
        }
        Map<Long, List<ReportRequest>> byApplication = new LinkedHashMap<>();
        for (ReportRequest request : query.getResultList()) {
            byApplication.computeIfAbsent(request.getApplication().getId(), k -> new ArrayList<>()).add(request);
        }
        return byApplication;
    }

    /** The requests of one application as the upload rules see them: progress reports numbered in plan order. */
    private static List<UploadTargets.Candidate> candidates(List<ReportRequest> requests) {
        List<UploadTargets.Candidate> candidates = new ArrayList<>();
        int progress = 0;
        for (ReportRequest request : requests) {
            if (request.getStatus() == ReportRequestStatus.CANCELLED) {
                continue; // no longer part of the plan (determined, or replaced on objection): not counted either
            }
            int number = request.getPurpose() == ReportPurpose.PROGRESS ? ++progress : 0;
            candidates.add(new UploadTargets.Candidate(request.getId(), request.getPurpose(), number, request.opensOn(),
                    request.getStatus().isOutstanding()));
        }
        return candidates;
    }

    /**
     * The result of a bulk upload: when {@code fileProblems} is empty and every row is valid, all of it was filed
     * ({@code reportsSubmitted} reports); otherwise nothing was.
     */
    public record UploadResult(List<PartnerReportCsv.Row> rows, List<Problem> fileProblems, int reportsSubmitted,
                               int rowsSubmitted) implements Serializable {
        public List<PartnerReportCsv.Row> rejected() {
            return rows.stream().filter(r -> !r.valid()).toList();
        }

        /** Nothing was written: the file or one of its rows is wrong. */
        public boolean refused() {
            return !fileProblems.isEmpty() || rows.stream().anyMatch(r -> !r.valid());
        }
    }

    /**
     * A partner's bulk report: each row is one activity's realised reach in one report (the {@code rapportage}
     * column) of one initiative; the rows of one report form that report. All or nothing: when any row is wrong
     * (an unknown or other organisation's initiative, a report not asked, already filed or not yet open, ...)
     * nothing is written and every wrong row says why.
     */
    @RolesAllowed(RoleNames.PARTNER)
    public UploadResult uploadPartnerReports(byte[] csv) {
        Caller caller = access.requireAnyRole(Role.PARTNER);
        if (caller.partnerId() == null) {
            throw new AccessDeniedException("partner account without organisation");
        }
        PartnerReportCsv.Parsed parsed = PartnerReportCsv.parse(csv);
        if (!parsed.fileProblems().isEmpty()) {
            return new UploadResult(List.of(), parsed.fileProblems(), 0, 0);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), Amsterdam.ZONE);
        Set<String> references = new HashSet<>();
        parsed.rows().stream().filter(r -> r.reference() != null)
                .forEach(r -> references.add(r.reference().strip().toUpperCase(Locale.ROOT)));
        Map<String, List<ReportRequest>> byReference = new HashMap<>();
        for (List<ReportRequest> requests : requestsOfPartner(caller.partnerId(), references).values()) {
            byReference.put(requests.get(0).getApplication().getReference().toUpperCase(Locale.ROOT), requests);
        }
        List<PartnerReportCsv.Row> rows = new ArrayList<>();
        Map<Long, List<Integer>> rowIndexesByRequest = new LinkedHashMap<>();
        Map<Long, Set<Long>> activitiesSeen = new LinkedHashMap<>();
        Map<Integer, Long> activityOfRow = new LinkedHashMap<>();
        for (PartnerReportCsv.Row row : parsed.rows()) {
            PartnerReportCsv.Row checked = row;
            ReportRequest request = null;
            if (row.reference() != null) {
                List<ReportRequest> ofApplication = byReference.getOrDefault(
                        row.reference().strip().toUpperCase(Locale.ROOT), List.of());
                UploadTargets.Target target = UploadTargets.resolve(row.reference().strip(), row.report(),
                        candidates(ofApplication), today);
                if (target.problem() != null) {
                    // An unreadable rapportage cell already says so; no second guess about it.
                    if (row.report() != null || row.raw().getOrDefault(PartnerReportCsv.REPORT, "").isBlank()) {
                        checked = checked.withProblem(target.problem());
                    }
                } else {
                    long id = target.candidate().requestId();
                    request = ofApplication.stream().filter(r -> r.getId() == id).findFirst().orElseThrow();
                }
            }
            if (request != null && row.activity() != null) {
                Activity activity = matchActivity(ReportFiling.reportableActivities(request), row.activity());
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
        if (rows.stream().anyMatch(r -> !r.valid())) {
            return new UploadResult(rows, List.of(), 0, 0);
        }
        int reports = 0;
        boolean refused = false;
        for (Map.Entry<Long, List<Integer>> group : rowIndexesByRequest.entrySet()) {
            List<Integer> indexes = group.getValue();
            ReportRequest request = reportAccess.lockedRequest(group.getKey());
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
                filing.store(request, form, caller, true);
                reports++;
            } catch (ValidationFailedException e) {
                // A rule only the whole report can break: said on each of its rows; the others are checked too.
                refused = true;
                for (Integer i : indexes) {
                    PartnerReportCsv.Row row = rows.get(i);
                    for (Problem problem : e.getProblems()) {
                        row = row.withProblem(problem);
                    }
                    rows.set(i, row);
                }
            }
        }
        if (refused) {
            // All or nothing: the reports filed before the wrong one go too.
            context.setRollbackOnly();
            return new UploadResult(rows, List.of(), 0, 0);
        }
        audit.record("REPORTS_UPLOADED", "PartnerOrganisation", caller.partnerId(), null, "rows=" + rows.size()
                + ", reports=" + reports);
        return new UploadResult(rows, List.of(), reports, rows.size());
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
}
