package nl.preventiefonds.opendata.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import nl.preventiefonds.call.Theme;
import nl.preventiefonds.opendata.OpenFilter;
import nl.preventiefonds.opendata.OpenGrant;
import nl.preventiefonds.opendata.OpenRegister;
import nl.preventiefonds.opendata.ThreeSixtyGivingExport;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.web.ProblemResponses;
import nl.preventiefonds.platform.web.PagedAnswer;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Open data for anyone, without login, read-only: the register of awarded initiatives (paged JSON) and the 360Giving
 * data (one resource, JSON or CSV by Accept; the same as two files for the page's download links).
 * {@code ApiAuthenticationFilter} lets anonymous GET and HEAD through to this resource only.
 *
 * <p>Of all municipalities of the installation, or of one by {@code ?municipality=GM0106} (its CBS code, any case);
 * a malformed or unknown code is a 400 problem in the caller's language, never all municipalities' data.
 */
@Path("open")
@RequestScoped
public class OpenDataResource {
    static final int MAX_SIZE = 100;
    static final String JSON_UTF8 = "application/json; charset=UTF-8";
    static final String CSV_UTF8 = "text/csv; charset=UTF-8";
    static final String MUNICIPALITY = "CBS code of one municipality (e.g. GM0106); without it, all municipalities";

    @Inject
    private OpenRegister register;

    @Context
    private Request request;

    @Context
    private HttpHeaders headers;

    /** A neighbourhood by CBS code (WKxxxxxx) and name. */
    public record OpenPlace(String code, String name) {
    }

    /**
     * Who funds the grant (360Giving's funding organisation): the grant's own municipality, by its identifier and
     * name, and the municipality's CBS code.
     */
    public record OpenFunder(String id, String name, String municipality) {
    }

    /** The realised reach from the latest accepted report; {@code source} says which kind of report. */
    public record OpenResults(int participants, int sessions, int volunteers, String source) {
    }

    /**
     * One awarded initiative as the public may see it; {@code organisationName} is null when withheld,
     * {@code finalAmount} until determined, {@code results} while no accepted report has figures.
     */
    @JsonbNillable
    public record OpenGrantView(String id, String reference, String title, String summary,
                                @Schema(nullable = true) String organisationName,
                                boolean organisationWithheld, String organisationId, List<OpenPlace> neighbourhoods,
                                List<String> themes, BigDecimal amountAppliedFor, BigDecimal amountAwarded,
                                @Schema(nullable = true) BigDecimal finalAmount, BigDecimal amountPaid, LocalDate decisionDate,
                                LocalDate plannedStart, LocalDate plannedEnd,
                                @Schema(description = "lopend or vastgesteld") String status, String programme,
                                String fund, OpenFunder funder, @Schema(nullable = true) OpenResults results) {
    }

    /** The 360Giving downloads of the municipality asked for (else of all), relative to this address. */
    public record OpenDownloads(String json, String csv) {
    }

    /** A page of the register: {@code total} of all, from {@code first}, at most {@code size} (100). */
    public record OpenRegisterPage(long total, int first, int size, List<OpenGrantView> items,
                                   OpenDownloads downloads) implements PagedAnswer {
    }

    /** 360Giving: when the initiative runs. */
    public record ThreeSixtyGivingDates(LocalDate startDate, LocalDate endDate) {
    }

    /** 360Giving: the recipient ({@code companyNumber}: KvK) or the funder ({@code department}: the fund). */
    public record ThreeSixtyGivingOrganisation(String id, String name, String companyNumber, String department) {
    }

    /** 360Giving: a neighbourhood by its CBS code. */
    public record ThreeSixtyGivingLocation(String name, String geoCode, String geoCodeType, String countryCode) {
    }

    public record ThreeSixtyGivingProgramme(String title) {
    }

    /** 360Giving: a theme of the call. */
    public record ThreeSixtyGivingClassification(String vocabulary, String code, String title) {
    }

    /** A 360Giving grant (standard 1.4): the fields this register fills; see threesixtygiving.org. */
    public record ThreeSixtyGivingGrant(String id, String title, String description, String currency,
                                        BigDecimal amountAwarded, LocalDate awardDate, BigDecimal amountAppliedFor,
                                        BigDecimal amountDisbursed, List<ThreeSixtyGivingDates> plannedDates,
                                        List<ThreeSixtyGivingOrganisation> recipientOrganization,
                                        List<ThreeSixtyGivingOrganisation> fundingOrganization,
                                        List<ThreeSixtyGivingLocation> beneficiaryLocation,
                                        List<ThreeSixtyGivingProgramme> grantProgramme,
                                        List<ThreeSixtyGivingClassification> classifications) {
    }

    /** The 360Giving data package: the standard's version and every published grant. */
    public record ThreeSixtyGivingPackage(String version, List<ThreeSixtyGivingGrant> grants) {
    }

    @GET
    @Path("register")
    @Produces(JSON_UTF8)
    @APIResponse(responseCode = "200", description = "A page of the register.", content = @Content(
            mediaType = JSON_UTF8, schema = @Schema(implementation = OpenRegisterPage.class)))
    public Response register(@Parameter(description = MUNICIPALITY) @QueryParam("municipality") String municipality,
            @QueryParam("year") Integer year, @QueryParam("theme") String theme,
            @QueryParam("neighbourhood") String neighbourhood, @QueryParam("q") String text,
            @QueryParam("first") @DefaultValue("0") int first, @QueryParam("size") @DefaultValue("25") int size) {
        Theme chosen;
        try {
            chosen = theme == null || theme.isBlank() ? null : Theme.valueOf(theme.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ProblemResponses.of(400, "Bad Request", List.of(Problem.of("open.themeUnknown")),
                    ProblemResponses.locale(headers));
        }
        if (year != null && (year < 1900 || year > 9999)) {
            return ProblemResponses.of(400, "Bad Request", List.of(Problem.of("open.yearInvalid")),
                    ProblemResponses.locale(headers));
        }
        String code = municipality(municipality);
        OpenFilter filter = new OpenFilter(code, year, chosen, neighbourhood, text);
        int from = Math.max(0, first);
        int pageSize = Math.max(1, Math.min(MAX_SIZE, size));
        OpenRegisterPage page = new OpenRegisterPage(register.count(filter), from, pageSize,
                register.page(filter, from, pageSize).stream().map(OpenDataResource::item).toList(),
                new OpenDownloads("360giving.json" + query(code), "360giving.csv" + query(code)));
        return Response.ok(page, JSON_UTF8).cacheControl(cache()).header("Access-Control-Allow-Origin", "*").build();
    }

    /**
     * The whole register as 360Giving data: one resource, JSON or CSV as the Accept header asks (JSON for any type).
     * NLGov API Design Rule /core/path-segments-kebab-case: the API's addresses carry no file extension.
     */
    @GET
    @Path("360giving")
    @Produces({JSON_UTF8, CSV_UTF8})
    @APIResponse(responseCode = "200", description = "The whole register as 360Giving data: a data package as "
            + "JSON, or the standard's flat CSV (Accept: text/csv).", content = {
                @Content(mediaType = JSON_UTF8, schema = @Schema(implementation = ThreeSixtyGivingPackage.class)),
                @Content(mediaType = CSV_UTF8, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response threeSixtyGiving(@Parameter(description = MUNICIPALITY) @QueryParam("municipality")
            String municipality) {
        String code = municipality(municipality);
        Variant chosen = request.selectVariant(Variant.mediaTypes(MediaType.valueOf(JSON_UTF8),
                MediaType.valueOf(CSV_UTF8)).build());
        boolean csv = chosen != null && chosen.getMediaType().isCompatible(MediaType.valueOf(CSV_UTF8));
        return csv ? download(register.threeSixtyGivingCsv(code), CSV_UTF8, fileName(code, "csv"), true)
                : download(register.threeSixtyGivingJson(code), JSON_UTF8, fileName(code, "json"), true);
    }

    /** The same JSON as a file for a browser's download link (which cannot ask by Accept); not in the API document. */
    @GET
    @Path("360giving.json")
    @Produces(JSON_UTF8)
    @Operation(hidden = true)
    public Response threeSixtyGivingJson(@QueryParam("municipality") String municipality) {
        String code = municipality(municipality);
        return download(register.threeSixtyGivingJson(code), JSON_UTF8, fileName(code, "json"), false);
    }

    /** The same CSV as a file for a browser's download link; not in the API document. */
    @GET
    @Path("360giving.csv")
    @Produces(CSV_UTF8)
    @Operation(hidden = true)
    public Response threeSixtyGivingCsv(@QueryParam("municipality") String municipality) {
        String code = municipality(municipality);
        return download(register.threeSixtyGivingCsv(code), CSV_UTF8, fileName(code, "csv"), false);
    }

    /**
     * The CBS code of the municipality asked for, null for all; a 400 problem when it is no CBS code or no
     * municipality of this installation has it (a municipality without published awards has an empty register).
     */
    private String municipality(String asked) {
        if (asked == null || asked.isBlank()) {
            return null;
        }
        String code = OpenFilter.municipalityCode(asked);
        Problem problem = code == null ? Problem.of("open.municipalityInvalid")
                : register.municipality(code).isEmpty() ? Problem.of("open.municipalityUnknown", code) : null;
        if (problem != null) {
            throw new WebApplicationException(ProblemResponses.of(400, "Bad Request", List.of(problem),
                    ProblemResponses.locale(headers)));
        }
        return code;
    }

    private static String query(String municipality) {
        return municipality == null ? "" : "?municipality=" + municipality;
    }

    /** e.g. 360giving-GM0106.csv, so that downloads of two municipalities do not overwrite each other. */
    private static String fileName(String municipality, String extension) {
        return "360giving" + (municipality == null ? "" : "-" + municipality) + "." + extension;
    }

    private Response download(String body, String type, String fileName, boolean negotiated) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        EntityTag tag = new EntityTag(sha256(bytes));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        Response.ResponseBuilder answer = notModified != null ? notModified.tag(tag)
                : Response.ok(bytes, type).tag(tag)
                        .header("Content-Disposition", "inline; filename=\"" + fileName + "\"")
                        .header("Access-Control-Allow-Origin", "*");
        if (negotiated) {
            answer.header("Vary", "Accept"); // caches keep the JSON and the CSV apart
        }
        return answer.cacheControl(cache()).build();
    }

    /** Public data that changes a few times a day at most: caches may keep it for five minutes. */
    private static CacheControl cache() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        cache.setNoTransform(false);
        cache.setPrivate(false);
        return cache;
    }

    static OpenGrantView item(OpenGrant g) {
        OpenResults results = g.results() == null ? null : new OpenResults(g.results().participants(),
                g.results().sessions(), g.results().volunteers(), g.results().fromFinalReport()
                ? "final report (accepted)" : "progress report (accepted)");
        return new OpenGrantView(ThreeSixtyGivingExport.grantId(g), g.reference(), g.title(), g.summary(),
                g.organisationWithheld() ? null : g.organisationName(), g.organisationWithheld(),
                ThreeSixtyGivingExport.recipientId(g),
                g.neighbourhoods().stream().map(p -> new OpenPlace(p.code(), p.name())).toList(), g.themes(),
                g.amountAppliedFor(), g.amountAwarded(), g.finalAmount(), g.amountPaid(), g.decisionDate(),
                g.plannedStart(), g.plannedEnd(), g.state().dutch(), g.programme(), g.fundName(),
                new OpenFunder(ThreeSixtyGivingExport.funderId(g), ThreeSixtyGivingExport.funderName(g),
                        g.municipalityCode()), results);
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
