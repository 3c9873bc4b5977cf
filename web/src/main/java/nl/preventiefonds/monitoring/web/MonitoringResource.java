package nl.preventiefonds.monitoring.web;

import jakarta.inject.Inject;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.preventiefonds.application.Attachment;
import nl.preventiefonds.application.AttachmentPolicy;
import nl.preventiefonds.monitoring.DeadlineService;
import nl.preventiefonds.monitoring.PartnerReportCsv;
import nl.preventiefonds.monitoring.PartnerReportUpload;
import nl.preventiefonds.monitoring.ReminderService;
import nl.preventiefonds.monitoring.Report;
import nl.preventiefonds.monitoring.ReportForm;
import nl.preventiefonds.monitoring.ReportRequest;
import nl.preventiefonds.monitoring.ReportQueries;
import nl.preventiefonds.monitoring.ReportReview;
import nl.preventiefonds.monitoring.ReportSubmission;
import nl.preventiefonds.monitoring.ReviewOutcome;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.ValidationFailedException;
import nl.preventiefonds.platform.web.ApiPages;
import nl.preventiefonds.platform.web.ProblemResponses;

/** Reports, reminders and the deadlines overview over JSON; the services decide who may. */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MonitoringResource {
    /** A CSV of 5,000 rows is far below this; more is refused before parsing. */
    static final int MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

    @Inject
    private ReportQueries reports;

    @Inject
    private ReportSubmission submission;

    @Inject
    private ReportReview review;

    @Inject
    private PartnerReportUpload uploads;

    @Inject
    private ReminderService reminders;

    @Inject
    private DeadlineService deadlines;

    @Context
    private HttpHeaders headers;

    @GET
    @Path("applications/{id}/reports")
    public Map<String, Object> forApplication(@PathParam("id") long id) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("requests", reports.requestsFor(id).stream().map(MonitoringResource::request).toList());
        view.put("reports", reports.reportsFor(id).stream().map(MonitoringResource::report).toList());
        view.put("reminders", reminders.forApplication(id).stream().map(m -> Map.of("requestId",
                m.getRequest().getId(), "kind", m.getKind().name(), "forDueOn", m.getForDueOn().toString(),
                "recipients", m.getRecipients())).toList());
        return view;
    }

    /** Submitted reports as the caller may see them, newest first: {total, first, size, items}. */
    @GET
    @Path("reports")
    public Map<String, Object> reports(@QueryParam("first") @DefaultValue("0") int first,
                                       @QueryParam("size") @DefaultValue("50") int size) {
        ApiPages.check(first, size);
        ReportQueries.ReportPage page = reports.reports(first, size);
        return ApiPages.of(page.total(), first, size, page.items());
    }

    @GET
    @Path("report-requests/mine")
    public List<Map<String, Object>> mine() {
        return reports.mine().stream().map(MonitoringResource::request).toList();
    }

    @GET
    @Path("report-requests/{id}/form")
    public ReportForm form(@PathParam("id") long id) {
        return reports.blankForm(id);
    }

    @POST
    @Path("report-requests/{id}/report")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(@PathParam("id") long id, ReportForm form) {
        long reportId = submission.submit(id, form == null ? new ReportForm() : form);
        return Response.status(Response.Status.CREATED).entity(Map.of("id", reportId)).build();
    }

    @POST
    @Path("report-requests/{id}/attachments")
    @Consumes(MediaType.WILDCARD)
    public Response attach(@PathParam("id") long id, @QueryParam("filename") String filename, InputStream body)
            throws IOException {
        byte[] content = body.readNBytes((int) AttachmentPolicy.MAX_FILE_BYTES + 1);
        Attachment attachment = submission.addAttachment(id, filename, content);
        return Response.created(URI.create("../files/attachment/" + attachment.getId()))
                .entity(Map.of("id", attachment.getId(), "filename", attachment.getFilename())).build();
    }

    public record ReportReviewRequest(ReviewOutcome outcome, String note, LocalDate moreDueOn) {
    }

    @POST
    @Path("reports/{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> review(@PathParam("id") long id, ReportReviewRequest body) {
        review.review(id, body == null ? null : body.outcome(), body == null ? null : body.note(),
                body == null ? null : body.moreDueOn());
        return Map.of("id", id, "outcome", body.outcome().name());
    }

    /**
     * A partner's bulk report, all or nothing: 200 with the rows filed, or 422 problem+json with every problem of
     * the file or of a row (its {@code line}), in the caller's language, and nothing filed.
     */
    @POST
    @Path("partner/report-upload")
    @Consumes(MediaType.WILDCARD)
    public Response upload(InputStream body) throws IOException {
        byte[] content = body.readNBytes(MAX_UPLOAD_BYTES + 1);
        if (content.length > MAX_UPLOAD_BYTES) {
            throw ValidationFailedException.of("csv.tooBig", MAX_UPLOAD_BYTES / (1024 * 1024));
        }
        PartnerReportUpload.UploadResult result = uploads.uploadPartnerReports(content);
        Locale locale = ProblemResponses.locale(headers);
        if (result.refused()) {
            return UploadView.refused(result, locale);
        }
        return Response.ok(UploadView.of(result, locale)).build();
    }

    @POST
    @Path("monitoring/reminders")
    public ReminderService.Run runReminders() {
        return reminders.runNow();
    }

    @GET
    @Path("deadlines")
    public DeadlineService.Overview deadlines() {
        return deadlines.overview();
    }

    static Map<String, Object> request(ReportRequest r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", r.getId());
        row.put("applicationId", r.getApplication().getId());
        row.put("reference", r.getApplication().getReference());
        row.put("purpose", r.getPurpose().name());
        row.put("partner", r.getPartner() == null ? null : r.getPartner().getName());
        row.put("requiredKind", r.getRequiredKind().name());
        row.put("financial", r.requiresFinancialReport());
        row.put("accountantStatement", r.requiresAccountantStatement());
        row.put("dueOn", r.getDueOn().toString());
        row.put("status", r.getStatus().name());
        return row;
    }

    static Map<String, Object> report(Report r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", r.getId());
        row.put("requestId", r.getRequest().getId());
        row.put("submittedAt", r.getSubmittedAt().toString());
        row.put("submittedBy", r.getSubmittedBy());
        row.put("viaUpload", r.isViaUpload());
        row.put("narrative", r.getNarrative());
        row.put("participants", r.totalParticipants());
        row.put("sessions", r.totalSessions());
        row.put("volunteers", r.totalVolunteers());
        row.put("activities", r.getActivities().stream().map(a -> {
            Map<String, Object> activity = new LinkedHashMap<>();
            activity.put("activityId", a.getActivity().getId());
            activity.put("name", a.getActivity().getName());
            activity.put("participants", a.getParticipants());
            activity.put("sessions", a.getSessions());
            activity.put("volunteers", a.getVolunteers());
            activity.put("note", a.getNote());
            return activity;
        }).toList());
        row.put("indicators", r.getIndicators().stream().map(i -> Map.of("name", i.getName(), "value",
                i.getValue())).toList());
        row.put("spending", r.getSpending().stream().map(s -> Map.of("description", s.getDescription(),
                "budgeted", s.getBudgeted(), "spent", s.getSpent())).toList());
        row.put("totalSpent", r.totalSpent());
        row.put("reviewOutcome", r.getReviewOutcome() == null ? null : r.getReviewOutcome().name());
        row.put("reviewNote", r.getReviewNote());
        return row;
    }

    /** The upload result as JSON, messages in the caller's language. */
    static final class UploadView {
        private UploadView() {
        }

        /** 422 problem+json: the file's problems, then each row's with its line ("Regel 3: ..."); nothing was filed. */
        static Response refused(PartnerReportUpload.UploadResult result, Locale locale) {
            List<Problem> problems = new ArrayList<>(result.fileProblems());
            List<Integer> lines = new ArrayList<>(Collections.nCopies(problems.size(), (Integer) null));
            for (PartnerReportCsv.Row row : result.rejected()) {
                for (Problem problem : row.problems()) {
                    problems.add(problem);
                    lines.add(row.line());
                }
            }
            Response response = ProblemResponses.of(422, problems, locale);
            @SuppressWarnings("unchecked")
            Map<String, Object> body = (Map<String, Object>) response.getEntity();
            List<Map<String, Object>> items = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < problems.size(); i++) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("key", problems.get(i).key());
                String text = ProblemResponses.text(problems.get(i), locale);
                if (lines.get(i) != null) {
                    item.put("line", lines.get(i));
                    text = ProblemResponses.text(Problem.of("csv.rowProblem", lines.get(i), text), locale);
                }
                item.put("message", text);
                items.add(item);
                texts.add(text);
            }
            body.put("detail", String.join(" ", texts));
            body.put("problems", items);
            return response;
        }

        static Map<String, Object> of(PartnerReportUpload.UploadResult result, Locale locale) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("fileProblems", result.fileProblems().stream().map(p -> ProblemResponses.text(p, locale))
                    .toList());
            view.put("reportsSubmitted", result.reportsSubmitted());
            view.put("rowsSubmitted", result.rowsSubmitted());
            view.put("rowsRejected", result.rejected().size());
            view.put("rows", result.rows().stream().map(row -> {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("line", row.line());
                line.put("reference", row.reference());
                line.put("activity", row.activity());
                line.put("submitted", row.valid());
                line.put("problems", row.problems().stream().map(p -> ProblemResponses.text(p, locale)).toList());
                return line;
            }).toList());
            return view;
        }
    }

    /** The rows to fix, as a CSV the partner can correct and upload again. */
    static byte[] rejectedCsv(List<PartnerReportCsv.Row> rows, Locale locale) {
        return PartnerReportCsv.rejectedRowsReport(rows, p -> ProblemResponses.text(p, locale));
    }
}
