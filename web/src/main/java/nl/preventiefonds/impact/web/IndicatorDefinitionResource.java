package nl.preventiefonds.impact.web;

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
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import nl.preventiefonds.impact.CareDemandService;
import nl.preventiefonds.impact.CareIndicatorDefinition;
import nl.preventiefonds.impact.CareIndicatorDefinitions;
import nl.preventiefonds.platform.ValidationFailedException;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The care indicators of the caller's municipality: staff read them, the fund manager adds, changes, deactivates and
 * activates them. The import reads the columns of the active ones; the dashboard estimates them.
 */
@Path("indicators/definitions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class IndicatorDefinitionResource {

    @Inject
    private CareIndicatorDefinitions definitions;

    @Inject
    private CareDemandService careDemand;

    /**
     * One indicator: {@code code} is what stored values and a long file's indicator cell name, {@code sourceColumn}
     * the heading of its column in a wide (CBS) file; {@code costPerCase} (euros per case per year) is null when the
     * care domain's cost parameter applies; {@code standard} is true for the six every municipality starts with.
     */
    @JsonbNillable
    public record IndicatorDefinitionView(long id, String code, String name, String unit, String sourceColumn,
            String careDomain, @Schema(nullable = true) BigDecimal costPerCase, boolean active, boolean standard) {
        static IndicatorDefinitionView of(CareIndicatorDefinition d) {
            return new IndicatorDefinitionView(d.getId(), d.getCode(), d.getName(), d.getUnit().name(),
                    d.getSourceColumn(), d.getCareDomain().name(), d.getCostPerCase(), d.isActive(),
                    d.standardIndicator().isPresent());
        }
    }

    public record IndicatorDefinitionList(List<IndicatorDefinitionView> items) {
    }

    /**
     * What the fund manager sends: {@code unit} one of COUNT, PERCENT, PER_1000_RESIDENTS, PER_1000_HOUSEHOLDS;
     * {@code careDomain} one of WMO, YOUTH_CARE, SHELTERED_HOUSING, DEBT_RELIEF, INFORMAL_CARE; {@code costPerCase}
     * optional.
     */
    public record IndicatorDefinitionChange(String code, String name, String unit, String sourceColumn,
            String careDomain, @Schema(nullable = true) BigDecimal costPerCase) {
        CareIndicatorDefinitions.Draft draft() {
            return new CareIndicatorDefinitions.Draft(code, name, unit, sourceColumn, careDomain, costPerCase);
        }
    }

    @GET
    public IndicatorDefinitionList list() {
        return new IndicatorDefinitionList(definitions.definitions(careDemand.ownMunicipalityId()).stream()
                .map(IndicatorDefinitionView::of).toList());
    }

    /** Adds an indicator (201); a code or column the municipality already has, or a wrong field, is refused (422). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The indicator was added.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndicatorDefinitionView.class)))
    public Response create(IndicatorDefinitionChange body) {
        CareIndicatorDefinition created = definitions.create(careDemand.ownMunicipalityId(), required(body).draft());
        return Response.created(URI.create("definitions/" + created.getId()))
                .entity(IndicatorDefinitionView.of(created)).build();
    }

    /** Changes an indicator; its code only while no stored value carries it. */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public IndicatorDefinitionView update(@PathParam("id") long id, IndicatorDefinitionChange body) {
        return IndicatorDefinitionView.of(definitions.update(id, required(body).draft()));
    }

    /** No longer imported or shown; its stored values stay. */
    @POST
    @Path("{id}/deactivate")
    public IndicatorDefinitionView deactivate(@PathParam("id") long id) {
        return IndicatorDefinitionView.of(definitions.setActive(id, false));
    }

    @POST
    @Path("{id}/activate")
    public IndicatorDefinitionView activate(@PathParam("id") long id) {
        return IndicatorDefinitionView.of(definitions.setActive(id, true));
    }

    private static IndicatorDefinitionChange required(IndicatorDefinitionChange body) {
        if (body == null) {
            throw new ValidationFailedException("indicatorDefinition.bodyRequired");
        }
        return body;
    }
}
