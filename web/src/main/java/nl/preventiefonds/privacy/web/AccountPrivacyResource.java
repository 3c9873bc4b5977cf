package nl.preventiefonds.privacy.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import nl.preventiefonds.privacy.Anonymisation;
import nl.preventiefonds.privacy.PersonalDataExport;
import nl.preventiefonds.privacy.RetentionRule;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A fund manager's privacy work on one account: its personal data on request (AVG art. 15/20), where its retention
 * term stands, and anonymising it after the term (art. 17).
 */
@Path("accounts/{id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccountPrivacyResource {
    @Inject
    private PersonalDataExport export;

    @Inject
    private Anonymisation anonymisation;

    @Inject
    private Clock clock;

    /** Where the account's retention term stands; the dates are null while there is no fact to count from. */
    @JsonbNillable
    public record RetentionView(long userId, RetentionRule.Verdict verdict, @Schema(nullable = true) LocalDate lastFact,
                                @Schema(nullable = true) LocalDate retentionEndsAfter, boolean mayAnonymise) {
    }

    /** What anonymising the account changed. */
    public record AnonymisationResult(long userId, int applications, int attachmentsRemoved, int documentsReplaced,
                                      int mailsRemoved, int auditChanges) {
    }

    @GET
    @Path("personal-data")
    @Produces(PersonalDataResource.ZIP)
    public Response onRequest(@PathParam("id") long userId) {
        return PersonalDataResource.zip(export.onRequest(userId), clock);
    }

    @GET
    @Path("retention")
    public RetentionView retention(@PathParam("id") long userId) {
        RetentionRule.Standing standing = anonymisation.standing(userId);
        return new RetentionView(userId, standing.verdict(), standing.lastFact(), standing.endsAfter(),
                standing.mayAnonymise());
    }

    @POST
    @Path("anonymise")
    public AnonymisationResult anonymise(@PathParam("id") long userId) {
        Anonymisation.Result r = anonymisation.anonymise(userId);
        return new AnonymisationResult(r.userId(), r.applications(), r.attachmentsRemoved(), r.documentsReplaced(),
                r.mailsRemoved(), r.auditChanges());
    }
}
