package nl.preventiefonds.impact.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import nl.preventiefonds.impact.CareDemandImport;
import nl.preventiefonds.impact.CareDemandService;
import nl.preventiefonds.impact.CareIndicator;
import nl.preventiefonds.impact.CareIndicatorDefinition;
import nl.preventiefonds.impact.CareIndicatorDefinitions;
import nl.preventiefonds.impact.CarePeriod;
import nl.preventiefonds.platform.ValidationFailedException;
import nl.preventiefonds.platform.web.ProblemResponses;
import nl.preventiefonds.platform.web.PagedAnswer;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Care-demand indicators over JSON: the import (fund managers) and the stored values, paged (all staff). */
@Path("indicators")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class IndicatorResource {
    static final int MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

    @Inject
    private CareDemandService service;

    @Inject
    private CareIndicatorDefinitions definitions;

    @Context
    private HttpHeaders headers;

    @Inject
    private Clock clock;

    /** One row of the file: whether it was valid, how many values it held, and if not valid, why. */
    @JsonbNillable
    public record IndicatorImportRowView(int line, String code, String period, int values, boolean valid,
                                List<String> problems) {
    }

    /** What the import stored, or (nothing stored) the problems of the file and its rows. */
    @JsonbNillable
    public record IndicatorImportView(boolean stored, CareDemandImport.Shape shape, List<String> fileProblems, Long importId,
                             List<String> periods, int valuesStored, int suppressedStored, int replaced,
                             long rowsRejected, List<IndicatorImportRowView> rows) {
    }

    /** One stored value; {@code value} is null when suppressed (too few people to publish). */
    @JsonbNillable
    public record IndicatorValueView(long neighbourhoodId, String code, String name, String indicator,
                                     String period, LocalDate periodStart, @Schema(nullable = true) BigDecimal value, boolean suppressed) {
        static IndicatorValueView of(CareDemandService.ValueRow v) {
            return new IndicatorValueView(v.neighbourhoodId(), v.code(), v.name(), v.indicator(), v.periodLabel(),
                    v.periodStart(), v.value(), v.suppressed());
        }
    }

    /** A page of stored values: {@code total} of all, from {@code first}, at most {@code max}. */
    public record IndicatorValuePage(long total, int first, int max, List<IndicatorValueView> items)
            implements PagedAnswer {
        @Override
        public int size() {
            return max;
        }

        @Override
        public String sizeParameter() {
            return "max";
        }
    }

    /** The CSV as the body (long or wide shape); the answer says per row what is wrong, or what was stored. */
    @POST
    @Path("import")
    @Consumes(MediaType.WILDCARD)
    public IndicatorImportView importCsv(InputStream body) throws IOException {
        byte[] content = body.readNBytes(MAX_UPLOAD_BYTES + 1);
        if (content.length > MAX_UPLOAD_BYTES) {
            throw ValidationFailedException.of("csv.tooBig", MAX_UPLOAD_BYTES / (1024 * 1024));
        }
        return view(service.importCsv(content), ProblemResponses.locale(headers));
    }

    static IndicatorImportView view(CareDemandService.ImportResult result, Locale locale) {
        return new IndicatorImportView(result.stored(), result.shape(),
                result.fileProblems().stream().map(p -> ProblemResponses.text(p, locale)).toList(),
                result.importId(), result.periods(), result.valuesStored(), result.suppressedStored(),
                result.replaced(), result.rowsRejected(), result.rows().stream().map(row -> new IndicatorImportRowView(
                        row.line(), row.code(), row.period() == null ? row.periodText() : row.period().label(),
                        row.values().size(), row.valid(),
                        row.problems().stream().map(p -> ProblemResponses.text(p, locale)).toList())).toList());
    }

    /**
     * Stored values of the municipality, by neighbourhood code and period: {@code indicator} (code or alias; all
     * when absent), {@code from} and {@code to} years (default the last ten years), {@code first} and {@code max}
     * (at most 1,000) to page.
     */
    @GET
    public IndicatorValuePage values(@QueryParam("indicator") String indicatorText, @QueryParam("from") Integer from,
                                      @QueryParam("to") Integer to, @QueryParam("first") @DefaultValue("0") int first,
                                      @QueryParam("max") @DefaultValue("100") int max) {
        long municipality = service.ownMunicipalityId();
        String indicator = null;
        if (indicatorText != null && !indicatorText.isBlank()) {
            // Any of the municipality's indicators (deactivated ones keep their values), by code, heading or alias.
            String key = CareIndicator.key(indicatorText);
            indicator = definitions.definitions(municipality).stream().filter(d -> d.keys().contains(key))
                    .map(CareIndicatorDefinition::getCode).findFirst()
                    .orElseThrow(() -> ValidationFailedException.of("indicators.indicatorUnknown", indicatorText));
        }
        int toYear = to == null ? LocalDate.ofInstant(clock.instant(), nl.preventiefonds.platform.Amsterdam.ZONE).getYear() : to;
        int fromYear = from == null ? toYear - 9 : from;
        if (fromYear < CarePeriod.MIN_YEAR || toYear > CarePeriod.MAX_YEAR || fromYear > toYear || first < 0
                || max < 1) {
            throw ValidationFailedException.of("indicators.paramInvalid");
        }
        int size = Math.min(max, CareDemandService.MAX_PAGE);
        return new IndicatorValuePage(service.countValues(municipality, indicator, fromYear, toYear), first, size,
                service.values(municipality, indicator, fromYear, toYear, first, size).stream()
                        .map(IndicatorValueView::of).toList());
    }

}
