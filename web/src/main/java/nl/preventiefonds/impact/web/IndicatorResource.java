package nl.preventiefonds.impact.web;

import jakarta.inject.Inject;
import jakarta.enterprise.context.RequestScoped;
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
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.preventiefonds.impact.CareDemandService;
import nl.preventiefonds.impact.CareIndicator;
import nl.preventiefonds.impact.CarePeriod;
import nl.preventiefonds.platform.ValidationFailedException;
import nl.preventiefonds.platform.web.ProblemResponses;

/** Care-demand indicators over JSON: the import (fund managers) and the stored values, paged (all staff). */
@Path("indicators")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class IndicatorResource {
    static final int MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

    @Inject
    private CareDemandService service;

    @Context
    private HttpHeaders headers;

    @jakarta.inject.Inject
    private java.time.Clock clock;

    /** The CSV as the body (long or wide shape); the answer says per row what is wrong, or what was stored. */
    @POST
    @Path("import")
    @Consumes(MediaType.WILDCARD)
    public Map<String, Object> importCsv(InputStream body) throws IOException {
        byte[] content = body.readNBytes(MAX_UPLOAD_BYTES + 1);
        if (content.length > MAX_UPLOAD_BYTES) {
            throw ValidationFailedException.of("csv.tooBig", MAX_UPLOAD_BYTES / (1024 * 1024));
        }
        return view(service.importCsv(content), ProblemResponses.locale(headers));
    }

    static Map<String, Object> view(CareDemandService.ImportResult result, Locale locale) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("stored", result.stored());
        view.put("shape", result.shape() == null ? null : result.shape().name());
        view.put("fileProblems", result.fileProblems().stream().map(p -> ProblemResponses.text(p, locale)).toList());
        view.put("importId", result.importId());
        view.put("periods", result.periods());
        view.put("valuesStored", result.valuesStored());
        view.put("suppressedStored", result.suppressedStored());
        view.put("replaced", result.replaced());
        view.put("rowsRejected", result.rowsRejected());
        view.put("rows", result.rows().stream().map(row -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("line", row.line());
            line.put("code", row.code());
            line.put("period", row.period() == null ? row.periodText() : row.period().label());
            line.put("values", row.values().size());
            line.put("valid", row.valid());
            line.put("problems", row.problems().stream().map(p -> ProblemResponses.text(p, locale)).toList());
            return line;
        }).toList());
        return view;
    }

    /**
     * Stored values of the municipality, by neighbourhood code and period: {@code indicator} (code or alias; all
     * when absent), {@code from} and {@code to} years (default the last ten years), {@code first} and {@code max}
     * (at most 1,000) to page.
     */
    @GET
    public Map<String, Object> values(@QueryParam("indicator") String indicatorText, @QueryParam("from") Integer from,
                                      @QueryParam("to") Integer to, @QueryParam("first") @DefaultValue("0") int first,
                                      @QueryParam("max") @DefaultValue("100") int max) {
        CareIndicator indicator = null;
        if (indicatorText != null && !indicatorText.isBlank()) {
            indicator = CareIndicator.fromText(indicatorText)
                    .orElseThrow(() -> ValidationFailedException.of("indicators.indicatorUnknown", indicatorText));
        }
        int toYear = to == null ? LocalDate.ofInstant(clock.instant(), nl.preventiefonds.platform.Amsterdam.ZONE).getYear() : to;
        int fromYear = from == null ? toYear - 9 : from;
        if (fromYear < CarePeriod.MIN_YEAR || toYear > CarePeriod.MAX_YEAR || fromYear > toYear || first < 0
                || max < 1) {
            throw ValidationFailedException.of("indicators.paramInvalid");
        }
        int size = Math.min(max, CareDemandService.MAX_PAGE);
        long municipality = service.defaultMunicipalityId();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("total", service.countValues(municipality, indicator, fromYear, toYear));
        page.put("first", first);
        page.put("max", size);
        List<Map<String, Object>> items = service.values(municipality, indicator, fromYear, toYear, first, size)
                .stream().map(v -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("neighbourhoodId", v.neighbourhoodId());
                    item.put("code", v.code());
                    item.put("name", v.name());
                    item.put("indicator", v.indicator().name());
                    item.put("period", v.periodLabel());
                    item.put("periodStart", v.periodStart().toString());
                    item.put("value", v.value());
                    item.put("suppressed", v.suppressed());
                    return item;
                }).toList();
        page.put("items", items);
        return page;
    }

}
