package nl.preventiefonds.fund.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import nl.preventiefonds.fund.Neighbourhood;
import nl.preventiefonds.fund.NeighbourhoodAdministration;
import nl.preventiefonds.fund.NeighbourhoodForm;
import nl.preventiefonds.platform.ValidationFailedException;
import nl.preventiefonds.platform.web.ProblemResponses;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The neighbourhoods (wijken, buurten) of the caller's own municipality, as on the neighbourhoods page: staff read
 * them, the fund manager adds, changes and removes them and imports the CBS Kerncijfers file.
 */
@Path("neighbourhoods")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NeighbourhoodResource {
    static final int MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

    @Inject
    private NeighbourhoodAdministration administration;

    @Context
    private HttpHeaders headers;

    /** A neighbourhood by its CBS code; {@code population} is null when unknown. */
    @JsonbNillable
    @Schema(name = "Neighbourhood", description = "A wijk or buurt of the municipality, by its CBS code.")
    public record NeighbourhoodView(long id, String code, String name,
                                   @Schema(nullable = true) Integer population) {
        static NeighbourhoodView of(Neighbourhood n) {
            return new NeighbourhoodView(n.getId(), n.getCode(), n.getName(), n.getPopulation());
        }
    }

    @Schema(name = "NeighbourhoodList", description = "The municipality's neighbourhoods, by name.")
    public record NeighbourhoodList(String municipalityCode, String municipalityName, List<NeighbourhoodView> items) {
    }

    /** What a neighbourhood is to be: its CBS code (WKggggnn or BUggggnnnn of this municipality), name, population. */
    @Schema(name = "NeighbourhoodChange")
    public record NeighbourhoodChange(String code, String name, @Schema(nullable = true) Integer population) {
        NeighbourhoodForm form(Long id) {
            return new NeighbourhoodForm(id, code, name, population);
        }
    }

    /** One line of the file and what the import does (or did) with it. */
    @JsonbNillable
    @Schema(name = "NeighbourhoodImportLine")
    public record ImportLineView(int line, String code, String name, @Schema(nullable = true) Integer population,
                                 NeighbourhoodAdministration.Action action, List<String> problems) {
    }

    /** What the import stored, or (preview, or a refused file: nothing stored) would do. */
    @Schema(name = "NeighbourhoodImport")
    public record ImportView(boolean stored, int created, int updated, int unchanged, int skipped, int refused,
                             List<String> fileProblems, List<ImportLineView> lines) {
        static ImportView of(NeighbourhoodAdministration.ImportResult result, Locale locale) {
            return new ImportView(result.stored(), result.created(), result.updated(), result.unchanged(),
                    result.skipped(), result.refused(),
                    result.fileProblems().stream().map(p -> ProblemResponses.text(p, locale)).toList(),
                    result.rows().stream().map(r -> new ImportLineView(r.row().line(), r.row().code(),
                            r.row().name(), r.row().population(), r.action(),
                            r.row().problems().stream().map(p -> ProblemResponses.text(p, locale)).toList()))
                            .toList());
        }
    }

    @GET
    public NeighbourhoodList list() {
        var municipality = administration.municipality();
        return new NeighbourhoodList(municipality.getCode(), municipality.getName(),
                administration.neighbourhoods().stream().map(NeighbourhoodView::of).toList());
    }

    /** Adds a neighbourhood (201); a code of another municipality or one already taken is refused (422). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The neighbourhood was added.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NeighbourhoodView.class)))
    public Response create(NeighbourhoodChange body) {
        long id = administration.save(required(body).form(null));
        return Response.created(URI.create("neighbourhoods/" + id)).entity(view(id)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public NeighbourhoodView change(@PathParam("id") long id, NeighbourhoodChange body) {
        administration.load(id); // another municipality's answers 404 before the body is judged
        administration.save(required(body).form(id));
        return view(id);
    }

    /** Removes a neighbourhood nothing refers to (204); applications, calls or care figures keep it (422). */
    @DELETE
    @Path("{id}")
    public void remove(@PathParam("id") long id) {
        administration.remove(id);
    }

    /**
     * The CBS Kerncijfers wijken en buurten CSV as the body: all lines or none. {@code preview=true} stores nothing;
     * {@code buurten=true} also takes the buurten, not only the wijken.
     */
    @POST
    @Path("import")
    @Consumes(MediaType.WILDCARD)
    public ImportView importCsv(InputStream body, @QueryParam("preview") @DefaultValue("false") boolean preview,
                                @QueryParam("buurten") @DefaultValue("false") boolean buurten) throws IOException {
        byte[] content = body.readNBytes(MAX_UPLOAD_BYTES + 1);
        if (content.length > MAX_UPLOAD_BYTES) {
            throw ValidationFailedException.of("csv.tooBig", MAX_UPLOAD_BYTES / (1024 * 1024));
        }
        return ImportView.of(preview ? administration.preview(content, buurten)
                : administration.importCsv(content, buurten), ProblemResponses.locale(headers));
    }

    private NeighbourhoodView view(long id) {
        NeighbourhoodForm form = administration.load(id);
        return new NeighbourhoodView(id, form.getCode(), form.getName(), form.getPopulation());
    }

    private static NeighbourhoodChange required(NeighbourhoodChange body) {
        if (body == null) {
            throw new ValidationFailedException(List.of("neighbourhood.codeRequired", "neighbourhood.nameRequired"));
        }
        return body;
    }
}
