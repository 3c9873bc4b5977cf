package nl.preventiefonds.monitoring;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
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
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.call.CallFetch;
import nl.preventiefonds.identity.AccessDeniedException;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.RoleNames;
import nl.preventiefonds.platform.ValidationFailedException;

/** A coalition partner's bulk report by CSV ({@link PartnerReportCsv}) over many initiatives, and its template. */
@Stateless
@RolesAllowed(RoleNames.PARTNER)
public class PartnerReportUpload {
    @PersistenceContext
    private EntityManager em;

    @EJB
    private AccessPolicy access;

    @EJB
    private AuditTrail audit;

    @Inject
    private ReportAccess reportAccess;

    @Inject
    private ReportFiling filing;

    /** One line of the partner's CSV template: an initiative's reference and an activity the partner carries out. */
    public record TemplateRow(String reference, String activity) implements Serializable {
    }

    /**
     * The rows a partner's bulk upload would report on now: per outstanding request (the one an upload of that
     * reference goes to, the earliest due), each activity the partner carries out. For the CSV template.
     */
    @RolesAllowed(RoleNames.PARTNER)
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
}
