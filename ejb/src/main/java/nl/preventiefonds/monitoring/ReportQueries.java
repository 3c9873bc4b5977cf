package nl.preventiefonds.monitoring;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.persistence.annotations.BatchFetchType;
import org.eclipse.persistence.config.QueryHints;
import nl.preventiefonds.application.Activity;
import nl.preventiefonds.application.ApplicationQueries;
import nl.preventiefonds.application.Attachment;
import nl.preventiefonds.application.BudgetLine;
import nl.preventiefonds.call.CallFetch;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.platform.RoleNames;

/**
 * Reading reports: who owes which report by when, what was submitted, and the blank form to fill in. Writes are
 * {@link ReportSubmission}, {@link ReportReview} and {@link PartnerReportUpload}. Who may see what is checked here,
 * per request: partners only their own.
 */
@Stateless
@RolesAllowed({RoleNames.ORGANISER, RoleNames.PARTNER, RoleNames.OFFICER, RoleNames.DECISION_MAKER,
        RoleNames.FUND_MANAGER})
public class ReportQueries {
    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy access;

    @Inject
    private ApplicationQueries queries;

    @Inject
    private ReportAccess reportAccess;

    /** The requests of one application as the caller may see them: partners only their own. */
    public List<ReportRequest> requestsFor(long applicationId) {
        queries.visible(applicationId);
        return requestsSeenBy(access.caller(), applicationId);
    }

    private List<ReportRequest> requestsSeenBy(Caller caller, long applicationId) {
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
        return reportsSeenBy(access.caller(), applicationId);
    }

    private List<Report> reportsSeenBy(Caller caller, long applicationId) {
        String partnerOnly = caller.is(Role.PARTNER) ? " AND r.request.partner.id = :partner" : "";
        // The rows of all reports in one statement per kind (IN on the report ids), not three per report.
        var query = em.createQuery("SELECT r FROM Report r JOIN FETCH r.request WHERE r.request.application.id = :app"
                + partnerOnly + " ORDER BY r.submittedAt DESC, r.id DESC", Report.class)
                .setParameter("app", applicationId)
                .setHint(QueryHints.BATCH_TYPE, BatchFetchType.IN)
                .setHint(QueryHints.BATCH, "r.activities")
                .setHint(QueryHints.BATCH, "r.indicators")
                .setHint(QueryHints.BATCH, "r.spending");
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

    /** What the application page shows of monitoring: requests, reports, reminders and the reports' files. */
    public record Monitoring(List<ReportRequest> requests, List<Report> reports,
                             Map<Long, List<ReportReminder>> remindersByRequest,
                             Map<Long, List<Attachment>> attachmentsByRequest) implements Serializable {
    }

    /**
     * The monitoring section of one application in one call, as the caller may see it (partners only their own):
     * one check who may see it and one query for the reminders and one for the files of all requests, where the
     * page asked once per report before.
     */
    public Monitoring monitoring(long applicationId) {
        queries.visible(applicationId);
        Caller caller = access.caller();
        List<ReportRequest> requests = requestsSeenBy(caller, applicationId);
        List<Report> reports = reportsSeenBy(caller, applicationId);
        Map<Long, List<ReportReminder>> reminders = new LinkedHashMap<>();
        if (!requests.isEmpty()) {
            em.createQuery("SELECT m FROM ReportReminder m WHERE m.request IN :requests ORDER BY m.sentAt",
                            ReportReminder.class).setParameter("requests", requests).getResultList()
                    .forEach(m -> reminders.computeIfAbsent(m.getRequest().getId(), k -> new ArrayList<>()).add(m));
        }
        Map<Long, List<Attachment>> files = new HashMap<>();
        List<Long> reported = reports.stream().map(r -> r.getRequest().getId()).distinct().toList();
        reported.forEach(id -> files.put(id, new ArrayList<>()));
        if (!reported.isEmpty()) {
            em.createQuery("SELECT t FROM Attachment t WHERE t.reportRequestId IN :ids ORDER BY t.id",
                            Attachment.class).setParameter("ids", reported).getResultList()
                    .forEach(t -> files.get(t.getReportRequestId()).add(t));
        }
        return new Monitoring(requests, reports, reminders, files);
    }

    /** A submitted report as the API lists it; partnerName is null for the organiser's own reports. */
    public record ReportSummary(long reportId, long requestId, long applicationId, String reference,
            ReportPurpose purpose, String partnerName, LocalDate dueOn, Instant submittedAt, ReviewOutcome reviewOutcome)
            implements Serializable {
    }

    public record ReportPage(long total, List<ReportSummary> items) implements Serializable {
    }

    /**
     * Submitted reports, newest first, paged in the database: staff those of their own municipality, an organiser
     * those on its own applications, a partner only its own.
     */
    public ReportPage reports(int first, int size) {
        Caller caller = access.caller();
        String scope;
        if (caller.isStaff()) {
            if (caller.municipalityId() == null) {
                return new ReportPage(0, List.of()); // staff of no municipality see nothing municipal
            }
            scope = " WHERE a.municipalityId = :municipality";
        } else if (caller.is(Role.ORGANISER)) {
            scope = " WHERE a.owner.id = :me";
        } else if (caller.is(Role.PARTNER) && caller.partnerId() != null) {
            scope = " WHERE p.id = :partner";
        } else {
            return new ReportPage(0, List.of());
        }
        String from = " FROM Report r JOIN r.request q JOIN q.application a LEFT JOIN q.partner p" + scope;
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(r)" + from, Long.class);
        TypedQuery<ReportSummary> page = em.createQuery("SELECT NEW nl.preventiefonds.monitoring.ReportQueries"
                + ".ReportSummary(r.id, q.id, a.id, a.reference, q.purpose, p.name, q.dueOn, r.submittedAt,"
                + " r.reviewOutcome)" + from + " ORDER BY r.submittedAt DESC, r.id DESC", ReportSummary.class);
        for (TypedQuery<?> query : List.of(count, page)) {
            if (scope.contains(":municipality")) {
                query.setParameter("municipality", caller.municipalityId());
            } else if (scope.contains(":me")) {
                query.setParameter("me", caller.userId());
            } else if (scope.contains(":partner")) {
                query.setParameter("partner", caller.partnerId());
            }
        }
        return new ReportPage(count.getSingleResult(), page.setFirstResult(first).setMaxResults(size).getResultList());
    }

    /** What the caller owes or has sent: the organiser's own requests, or the partner's. Newest due last. */
    @RolesAllowed({RoleNames.ORGANISER, RoleNames.PARTNER})
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
                + " r.purpose, r.dueOn, r.status, a.startDate, a.endDate) FROM ReportRequest r JOIN r.application a";
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
        return reportAccess.visibleRequest(requestId);
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
        for (Activity activity : ReportFiling.reportableActivities(request)) {
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
            for (BudgetLine line : ReportFiling.costLines(request.getApplication())) {
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

    public List<Attachment> attachments(long requestId) {
        reportAccess.visibleRequest(requestId);
        return em.createQuery("SELECT t FROM Attachment t WHERE t.reportRequestId = :id ORDER BY t.id",
                Attachment.class).setParameter("id", requestId).getResultList();
    }

}
