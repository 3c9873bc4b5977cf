package nl.preventiefonds.application.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.application.ApplicationForm;
import nl.preventiefonds.application.ApplicationQueries;
import nl.preventiefonds.application.ApplicationRow;
import nl.preventiefonds.application.ApplicationService;
import nl.preventiefonds.application.ApplicationStatus;
import nl.preventiefonds.application.IntakeService;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.platform.ValidationFailedException;
import nl.preventiefonds.platform.web.ApiPages;
import nl.preventiefonds.platform.web.NoStore;
import nl.preventiefonds.platform.web.ProblemResponses;
import nl.preventiefonds.platform.web.PagedAnswer;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Applications over JSON: the list as the caller may see it, the organiser's draft, submission and answers, the
 * officer's intake. Authorisation is the services' own, so the API can do no more than the pages. Starting a draft
 * is {@link CallApplicationResource}, the files {@link AttachmentResource}.
 */
@Path("applications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationResource {
    @Context
    private jakarta.servlet.http.HttpServletRequest servletRequest;
    /** The longest search text: longer is no search anybody types, only a heavier query. */
    static final int MAX_SEARCH_TEXT = 200;

    @Inject
    private ApplicationService applications;
    @Inject
    private ApplicationQueries queries;
    @Inject
    private IntakeService intake;
    @Inject
    private AccessPolicy access;

    @Context
    private HttpHeaders headers;

    /** One application as its steps answer it: where it stands and its legal dates. */
    @JsonbNillable
    @Schema(name = "ApplicationSummary", description = "An application: where it stands and its legal dates.")
    public record ApplicationSummary(long id, String reference, ApplicationStatus status, long callId,
                                     @Schema(nullable = true) String title,
                                     BigDecimal requestedAmount,
                                     @Schema(nullable = true, description = "When it was submitted; null for a draft.")
                                     Instant submittedAt,
                                     @Schema(nullable = true, description = "The day of receipt, from which the decision term runs.")
                                     LocalDate receivedOn,
                                     @Schema(nullable = true, description = "The day the decision is due by law.")
                                     LocalDate decisionDueOn) {
        static ApplicationSummary of(Application a) {
            return new ApplicationSummary(a.getId(), a.getReference(), a.getStatus(), a.getCall().getId(),
                    a.getTitle(), a.getRequestedAmount(), a.getSubmittedAt(), a.getReceivedOn(),
                    a.getDecisionDueOn());
        }
    }

    /** One row of the list. */
    @JsonbNillable
    @Schema(name = "ApplicationListItem", description = "An application in a list.")
    public record ApplicationListItem(long id, String reference, ApplicationStatus status, long callId,
                                      @Schema(nullable = true) String title,
                                      BigDecimal requestedAmount, @Schema(nullable = true) LocalDate decisionDueOn) {
        static ApplicationListItem of(ApplicationRow a) {
            return new ApplicationListItem(a.getId(), a.getReference(), a.getStatus(), a.getCallId(), a.getTitle(),
                    a.getRequestedAmount(), a.getDecisionDueOn());
        }
    }

    /** A page of the list, the API's page shape. */
    @Schema(name = "ApplicationPage", description = "A page of applications: total matching, the first index of"
            + " this page (0-based), the page size asked for, and the page's items.")
    public record ApplicationPage(long total, int first, int size, List<ApplicationListItem> items)
            implements PagedAnswer {
    }

    /** A rule that still stops submission. */
    @Schema(name = "EligibilityProblem", description = "A rule that still stops submission.")
    public record EligibilityProblem(@Schema(description = "The rule, stable for programs.") String key,
                                     @Schema(description = "The same in the caller's language.") String message) {
    }

    /** The organiser's answer to the officer's request for information. */
    @Schema(name = "InformationAnswer")
    public record Answer(String answer) {
    }

    /** Why the organiser withdraws (optional). */
    @Schema(name = "Withdrawal")
    public record Withdrawal(String reason) {
    }

    /** What the officer asks, and by when the organiser must answer. */
    @Schema(name = "InformationRequestBody")
    public record InformationRequestBody(String message, LocalDate answerDeadline) {
    }

    /**
     * Staff see every submitted application, an organiser its own (drafts too), a partner those that name it;
     * {@code text} searches reference, title and organisation.
     */
    @GET
    public ApplicationPage list(@QueryParam("status") ApplicationStatus status, @QueryParam("callId") Long callId,
                                @QueryParam("text") @Size(max = MAX_SEARCH_TEXT) String text,
                                @QueryParam("first") @DefaultValue("0") int first,
                                @QueryParam("size") @DefaultValue("50") int size) {
        ApiPages.check(first, size);
        Caller caller = access.caller();
        if (caller.isStaff()) {
            ApplicationQueries.Filter filter = new ApplicationQueries.Filter(status, callId, text);
            return new ApplicationPage(queries.count(filter), first, size, queries.page(filter, first, size).stream()
                    .map(ApplicationListItem::of).toList());
        }
        List<ApplicationRow> visible = caller.is(Role.PARTNER)
                ? queries.forMyPartner().stream().map(ApplicationRow::of).toList() : applications.mine(text);
        List<ApplicationRow> matching = visible.stream()
                .filter(a -> status == null || a.getStatus() == status)
                .filter(a -> callId == null || a.getCallId() == callId)
                .filter(a -> matches(text, a.getReference(), a.getTitle(), a.getOrganisationName())).toList();
        return new ApplicationPage(matching.size(), first, size, slice(matching, first, size).stream()
                .map(ApplicationListItem::of).toList());
    }

    @GET
    @Path("{id}")
    public ApplicationSummary get(@PathParam("id") long id) {
        return ApplicationSummary.of(queries.view(id));
    }

    /** The form carries the organisation's IBAN: never cached. */
    @GET
    @Path("{id}/form")
    @NoStore.Marked
    public ApplicationForm form(@PathParam("id") long id) {
        return applications.load(id);
    }

    @PUT
    @Path("{id}/form")
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
    @Path("{id}/problems")
    public List<EligibilityProblem> problems(@PathParam("id") long id) {
        Locale locale = ProblemResponses.locale(headers);
        return applications.eligibilityProblems(id).stream()
                .map(p -> new EligibilityProblem(p.key(), ProblemResponses.text(p, locale))).toList();
    }

    @POST
    @Path("{id}/submit")
    public ApplicationService.Submission submit(@PathParam("id") long id) {
        // A call with a password (or from a session without a broker login) has no level of assurance: where the
        // municipality requires one for this application, 403 problem+json (ProblemResponses).
        return applications.submit(id, nl.preventiefonds.identity.web.BrokerLoginServlet.assurance(servletRequest));
    }

    @POST
    @Path("{id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApplicationSummary answer(@PathParam("id") long id, @Valid Answer answer) {
        applications.answerInformationRequest(id, answer == null ? null : answer.answer());
        return get(id);
    }

    @POST
    @Path("{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApplicationSummary withdraw(@PathParam("id") long id, @Valid Withdrawal withdrawal) {
        applications.withdraw(id, withdrawal == null ? null : withdrawal.reason());
        return get(id);
    }

    @POST
    @Path("{id}/information-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApplicationSummary requestInformation(@PathParam("id") long id, @Valid InformationRequestBody body) {
        intake.requestInformation(id, body == null ? null : body.message(), body == null ? null : body.answerDeadline());
        return get(id);
    }

    /** The answer deadline passed without an answer: the officer continues and the term runs again. */
    @POST
    @Path("{id}/information-requests/close")
    public ApplicationSummary closeUnanswered(@PathParam("id") long id) {
        intake.closeUnansweredRequest(id);
        return get(id);
    }

    @POST
    @Path("{id}/intake-complete")
    public ApplicationSummary completeIntake(@PathParam("id") long id) {
        intake.completeIntake(id);
        return get(id);
    }

    /** The same text search as the staff list: reference, title or organisation, ignoring case. */
    private static boolean matches(String text, String... fields) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return Stream.of(fields).anyMatch(field -> field != null && field.toLowerCase(Locale.ROOT).contains(wanted));
    }

    private static <T> List<T> slice(List<T> all, int first, int size) {
        return first >= all.size() ? List.of() : all.subList(first, Math.min(all.size(), first + size));
    }
}
