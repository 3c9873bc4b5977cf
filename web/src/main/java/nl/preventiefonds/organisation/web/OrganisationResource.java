package nl.preventiefonds.organisation.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nl.preventiefonds.organisation.OrganisationRegistry;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The organisation registry for the municipality's staff: organisations by KvK number with their applications,
 * awards and de-minimis total, of the caller's municipality only. An organisation without a submitted application in
 * the caller's municipality answers 404, whatever it did elsewhere.
 */
@Path("organisations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OrganisationResource {
    @Inject
    private OrganisationRegistry registry;

    @Schema(name = "OrganisationList")
    public record OrganisationList(List<OrganisationRegistry.Summary> items) {
    }

    /** The municipality's organisations; {@code q}: KvK digits (prefix) or part of the name. */
    @GET
    public OrganisationList list(@QueryParam("q") String q) {
        return new OrganisationList(registry.organisations(q));
    }

    @GET
    @Path("{kvk}")
    public OrganisationRegistry.Detail one(@PathParam("kvk") String kvk) {
        return registry.organisation(kvk);
    }
}
