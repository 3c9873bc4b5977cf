package nl.preventiefonds.privacy.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.web.ApiPages;
import nl.preventiefonds.privacy.Anonymisation;
import nl.preventiefonds.privacy.PersonalDataExport;
import nl.preventiefonds.privacy.RetainedOrganiser;
import nl.preventiefonds.privacy.RetentionRule;

/**
 * AVG: the caller's own personal data as a ZIP (organisers and partner users), the same for a fund
 * manager answering a request, and anonymisation after the retention term (fund managers).
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PrivacyResource {
    static final String ZIP = "application/zip";

    @Inject
    private PersonalDataExport export;

    @Inject
    private Anonymisation anonymisation;

    @Inject
    private Clock clock;

    @GET
    @Path("personal-data")
    @Produces(ZIP)
    public Response mine() {
        return zip(export.mine());
    }

    @GET
    @Path("accounts/{id}/personal-data")
    @Produces(ZIP)
    public Response onRequest(@PathParam("id") long userId) {
        return zip(export.onRequest(userId));
    }

    private Response zip(byte[] content) {
        String filename = "persoonsgegevens-" + LocalDate.ofInstant(clock.instant(), Amsterdam.ZONE) + ".zip";
        return Response.ok(content, ZIP).header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .header("Cache-Control", "no-store").build();
    }

    /** Organisers whose retention term has ended, longest ago first: {total, first, size, items}. */
    @GET
    @Path("anonymisation/candidates")
    public Map<String, Object> candidates(@QueryParam("first") @DefaultValue("0") int first,
                                          @QueryParam("size") @DefaultValue("50") int size) {
        ApiPages.check(first, size);
        return ApiPages.of(anonymisation.countPastRetention(), first, size,
                anonymisation.pastRetention(first, size).stream().map(PrivacyResource::view).toList());
    }

    @GET
    @Path("accounts/{id}/retention")
    public Map<String, Object> retention(@PathParam("id") long userId) {
        RetentionRule.Standing standing = anonymisation.standing(userId);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("userId", userId);
        view.put("verdict", standing.verdict().name());
        view.put("lastFact", standing.lastFact() == null ? null : standing.lastFact().toString());
        view.put("retentionEndsAfter", standing.endsAfter() == null ? null : standing.endsAfter().toString());
        view.put("mayAnonymise", standing.mayAnonymise());
        return view;
    }

    @POST
    @Path("accounts/{id}/anonymise")
    public Map<String, Object> anonymise(@PathParam("id") long userId) {
        Anonymisation.Result result = anonymisation.anonymise(userId);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("userId", result.userId());
        view.put("applications", result.applications());
        view.put("attachmentsRemoved", result.attachmentsRemoved());
        view.put("documentsReplaced", result.documentsReplaced());
        view.put("mailsRemoved", result.mailsRemoved());
        view.put("auditChanges", result.auditChanges());
        return view;
    }

    private static Map<String, Object> view(RetainedOrganiser o) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", o.getId());
        row.put("name", o.getDisplayName());
        row.put("email", o.getEmail());
        row.put("lastFact", o.getLastFact().toString());
        row.put("retentionEndsAfter", o.getRetentionEndedAfter().toString());
        return row;
    }
}
