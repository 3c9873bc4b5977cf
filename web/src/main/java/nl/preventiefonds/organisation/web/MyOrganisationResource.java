package nl.preventiefonds.organisation.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import nl.preventiefonds.organisation.MyOrganisation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The organiser's organisations ("Mijn organisatie"): those the caller acts for, and for an administrator (the
 * broker's claim) authorising and revoking other organiser accounts. Another organisation answers 404.
 */
@Path("my-organisations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MyOrganisationResource {
    @Inject
    private MyOrganisation organisations;

    @Schema(name = "MyOrganisationList")
    public record MembershipList(List<MyOrganisation.Membership> items) {
    }

    @Schema(name = "RepresentativeAuthorisation", description = "The e-mail address of an existing organiser account.")
    public record Authorisation(String email) {
    }

    @Schema(name = "RepresentativeCreated")
    public record Created(long id) {
    }

    @GET
    public MembershipList mine() {
        return new MembershipList(organisations.mine());
    }

    @POST
    @Path("{kvk}/representatives")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The account now acts for the organisation.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Created.class)))
    public Response authorise(@PathParam("kvk") String kvk, Authorisation body) {
        long id = organisations.authorise(kvk, body == null ? null : body.email());
        return Response.created(URI.create("my-organisations/" + kvk + "/representatives/" + id))
                .entity(new Created(id)).build();
    }

    @DELETE
    @Path("{kvk}/representatives/{id}")
    @APIResponse(responseCode = "204", description = "The authorisation was revoked; access ends at once.")
    public Response revoke(@PathParam("kvk") String kvk, @PathParam("id") long id) {
        organisations.revoke(kvk, id);
        return Response.noContent().build();
    }
}
