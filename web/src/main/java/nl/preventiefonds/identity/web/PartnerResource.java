package nl.preventiefonds.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import nl.preventiefonds.identity.PartnerAdministration;
import nl.preventiefonds.identity.PartnerForm;
import nl.preventiefonds.partner.PartnerOrganisation;
import nl.preventiefonds.platform.ValidationFailedException;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The partner organisations of the fund manager's own municipality, as on the partners page. */
@Path("partners")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PartnerResource {
    @Inject
    private PartnerAdministration administration;

    @JsonbNillable
    @Schema(name = "PartnerOrganisation", description = "A partner organisation of the municipality: welfare,"
            + " library, social work; coalition members plan and report together.")
    public record PartnerView(long id, String name, @Schema(nullable = true) String kvkNumber, String kind,
                              @Schema(nullable = true) String contactName,
                              @Schema(nullable = true) String contactEmail,
                              @Schema(nullable = true) String contactPhone, boolean coalitionMember) {
        static PartnerView of(PartnerOrganisation p) {
            return new PartnerView(p.getId(), p.getName(), p.getKvkNumber(), p.getKind(), p.getContactName(),
                    p.getContactEmail(), p.getContactPhone(), p.isCoalitionMember());
        }

        static PartnerView of(PartnerForm f) {
            return new PartnerView(f.getId(), f.getName(), f.getKvkNumber(), f.getKind(), f.getContactName(),
                    f.getContactEmail(), f.getContactPhone(), f.isCoalitionMember());
        }
    }

    @Schema(name = "PartnerOrganisationList")
    public record PartnerList(List<PartnerView> items) {
    }

    /** What the partner is to be; {@code kind}: library, social-work, volunteer-help, welfare, youth-work, health or other. */
    @Schema(name = "PartnerOrganisationChange")
    public record PartnerChange(String name, String kvkNumber, String kind, String contactName, String contactEmail,
                                String contactPhone, boolean coalitionMember) {
        PartnerForm form(Long id) {
            PartnerForm form = new PartnerForm();
            form.setId(id);
            form.setName(name);
            form.setKvkNumber(kvkNumber);
            form.setKind(kind);
            form.setContactName(contactName);
            form.setContactEmail(contactEmail);
            form.setContactPhone(contactPhone);
            form.setCoalitionMember(coalitionMember);
            return form;
        }
    }

    @GET
    public PartnerList list() {
        return new PartnerList(administration.partners().stream().map(PartnerView::of).toList());
    }

    /** Adds a partner (201); a name the municipality already has, or a KvK number that is no number, is refused. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The partner organisation was added.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PartnerView.class)))
    public Response create(PartnerChange body) {
        long id = administration.save(required(body).form(null));
        return Response.created(URI.create("partners/" + id)).entity(PartnerView.of(administration.load(id))).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public PartnerView change(@PathParam("id") long id, PartnerChange body) {
        administration.load(id); // another municipality's answers 404 before the body is judged
        administration.save(required(body).form(id));
        return PartnerView.of(administration.load(id));
    }

    private static PartnerChange required(PartnerChange body) {
        if (body == null) {
            throw new ValidationFailedException(List.of("partner.nameRequired", "partner.kindRequired"));
        }
        return body;
    }
}
