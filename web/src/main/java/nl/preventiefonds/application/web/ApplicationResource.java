package nl.preventiefonds.application.web;

import jakarta.inject.Inject;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.application.ApplicationForm;
import nl.preventiefonds.application.ApplicationQueries;
import nl.preventiefonds.application.ApplicationService;
import nl.preventiefonds.application.Attachment;
import nl.preventiefonds.application.AttachmentPolicy;
import nl.preventiefonds.application.AttachmentService;
import nl.preventiefonds.application.IntakeService;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.ValidationFailedException;
import nl.preventiefonds.platform.web.NoStore;
import nl.preventiefonds.platform.web.ProblemResponses;

/**
 * Applications over JSON: the organiser's draft, submission and answers, the officer's intake.
 * Authorisation is the services' own, so the API can do no more than the pages.
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationResource {
    @Inject
    private ApplicationService applications;
    @Inject
    private ApplicationQueries queries;
    @Inject
    private AttachmentService attachments;
    @Inject
    private IntakeService intake;

    @Context
    private HttpHeaders headers;

    @POST
    @Path("calls/{callId}/applications")
    public Response start(@PathParam("callId") long callId) {
        long id = applications.startDraft(callId);
        return Response.created(URI.create("applications/" + id)).entity(summary(queries.view(id))).build();
    }

    @GET
    @Path("applications/{id}")
    public Map<String, Object> get(@PathParam("id") long id) {
        return summary(queries.view(id));
    }

    /** The form carries the organisation's IBAN: never cached. */
    @GET
    @Path("applications/{id}/form")
    @NoStore.Marked
    public ApplicationForm form(@PathParam("id") long id) {
        return applications.load(id);
    }

    @PUT
    @Path("applications/{id}/form")
    @Consumes(MediaType.APPLICATION_JSON)
    @NoStore.Marked
    public ApplicationForm save(@PathParam("id") long id, ApplicationForm form) {
        if (form == null) {
            throw new ValidationFailedException("api.bodyInvalid");
        }
        form.setId(id);
        return applications.saveDraft(form);
    }

    /** Every rule that still stops submission, as sentences in the caller's language. */
    @GET
    @Path("applications/{id}/problems")
    public List<Map<String, String>> problems(@PathParam("id") long id) {
        List<Problem> problems = applications.eligibilityProblems(id);
        return problems.stream().map(p -> Map.of("key", p.key(),
                "message", ProblemResponses.text(p, ProblemResponses.locale(headers)))).toList();
    }

    @POST
    @Path("applications/{id}/submit")
    public ApplicationService.Submission submit(@PathParam("id") long id) {
        return applications.submit(id);
    }

    @POST
    @Path("applications/{id}/attachments")
    @Consumes(MediaType.WILDCARD)
    public Response upload(@PathParam("id") long id, @QueryParam("filename") String filename, InputStream body)
            throws IOException {
        byte[] content = body.readNBytes((int) AttachmentPolicy.MAX_FILE_BYTES + 1);
        Attachment attachment = attachments.upload(id, filename, content);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", attachment.getId());
        result.put("filename", attachment.getFilename());
        result.put("mediaType", attachment.getMediaType());
        result.put("sizeBytes", attachment.getSizeBytes());
        return Response.created(URI.create("../files/attachment/" + attachment.getId())).entity(result).build();
    }

    @GET
    @Path("applications/{id}/attachments")
    public List<Map<String, Object>> attachmentList(@PathParam("id") long id) {
        return queries.attachments(id).stream().map(a -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", a.getId());
            row.put("filename", a.getFilename());
            row.put("mediaType", a.getMediaType());
            row.put("sizeBytes", a.getSizeBytes());
            return row;
        }).toList();
    }

    public record Answer(String answer) {
    }

    @POST
    @Path("applications/{id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> answer(@PathParam("id") long id, Answer answer) {
        applications.answerInformationRequest(id, answer == null ? null : answer.answer());
        return summary(queries.view(id));
    }

    public record Withdrawal(String reason) {
    }

    @POST
    @Path("applications/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> withdraw(@PathParam("id") long id, Withdrawal withdrawal) {
        applications.withdraw(id, withdrawal == null ? null : withdrawal.reason());
        return summary(queries.view(id));
    }

    public record InformationRequestBody(String message, LocalDate answerDeadline) {
    }

    @POST
    @Path("applications/{id}/information-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> requestInformation(@PathParam("id") long id, InformationRequestBody body) {
        intake.requestInformation(id, body == null ? null : body.message(), body == null ? null : body.answerDeadline());
        return summary(queries.view(id));
    }

    /** The answer deadline passed without an answer: the officer continues and the term runs again. */
    @POST
    @Path("applications/{id}/information-requests/close")
    public Map<String, Object> closeUnanswered(@PathParam("id") long id) {
        intake.closeUnansweredRequest(id);
        return summary(queries.view(id));
    }

    @POST
    @Path("applications/{id}/intake-complete")
    public Map<String, Object> completeIntake(@PathParam("id") long id) {
        intake.completeIntake(id);
        return summary(queries.view(id));
    }

    private static Map<String, Object> summary(Application application) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", application.getId());
        summary.put("reference", application.getReference());
        summary.put("status", application.getStatus().name());
        summary.put("callId", application.getCall().getId());
        summary.put("title", application.getTitle());
        summary.put("requestedAmount", application.getRequestedAmount());
        summary.put("submittedAt", application.getSubmittedAt() == null ? null : application.getSubmittedAt().toString());
        summary.put("receivedOn", application.getReceivedOn() == null ? null : application.getReceivedOn().toString());
        summary.put("decisionDueOn", application.getDecisionDueOn() == null ? null
                : application.getDecisionDueOn().toString());
        return summary;
    }
}
