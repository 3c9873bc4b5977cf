package nl.preventiefonds.impact.web;

import jakarta.inject.Inject;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.Locale;
import nl.preventiefonds.application.CareDomain;
import nl.preventiefonds.call.Theme;
import nl.preventiefonds.impact.AvoidedCostScenario;
import nl.preventiefonds.impact.ImpactDashboardService;
import nl.preventiefonds.impact.ImpactReport;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * The impact dashboard's figures as JSON: GET /api/impact/dashboard?callId=&amp;theme=&amp;neighbourhood=&amp;careDomain=&amp;year=
 * (all optional; absent means all), with optional scenario parameters wmoCost, youthCareCost and debtHelpReturn.
 * The service allows officers, decision makers and fund managers; others get 403.
 */
@Path("impact")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ImpactResource {

    @Inject
    private ImpactDashboardService service;

    @GET
    @Path("dashboard")
    public ImpactDashboardService.Dashboard dashboard(@QueryParam("callId") Long callId,
            @QueryParam("theme") String theme, @QueryParam("neighbourhood") Long neighbourhood,
            @QueryParam("careDomain") String careDomain, @QueryParam("year") Integer year,
            @QueryParam("wmoCost") BigDecimal wmoCost, @QueryParam("youthCareCost") BigDecimal youthCareCost,
            @QueryParam("debtHelpReturn") BigDecimal debtHelpReturn) {
        AvoidedCostScenario.CostParameters parameters = parameters(wmoCost, youthCareCost, debtHelpReturn);
        return service.dashboard(new ImpactDashboardService.Filter(callId, parse(Theme.class, theme), neighbourhood,
                parse(CareDomain.class, careDomain), year), parameters);
    }

    /**
     * The impact report of one year as a PDF (Dutch): GET /api/impact/report?year= with the dashboard's optional
     * filters (callId, theme, neighbourhood, careDomain) and scenario parameters; "impactrapportage-&lt;jaar&gt;.pdf".
     * It renders the dashboard of the same filter. A missing or impossible year, or a call or neighbourhood the
     * caller's municipality does not have, is a 422.
     */
    @GET
    @Path("report")
    @Produces("application/pdf")
    public Response report(@QueryParam("year") Integer year, @QueryParam("callId") Long callId,
            @QueryParam("theme") String theme, @QueryParam("neighbourhood") Long neighbourhood,
            @QueryParam("careDomain") String careDomain, @QueryParam("wmoCost") BigDecimal wmoCost,
            @QueryParam("youthCareCost") BigDecimal youthCareCost,
            @QueryParam("debtHelpReturn") BigDecimal debtHelpReturn) {
        AvoidedCostScenario.CostParameters parameters = parameters(wmoCost, youthCareCost, debtHelpReturn);
        if (year == null) {
            throw ValidationFailedException.of("impact.yearInvalid");
        }
        byte[] pdf = service.report(new ImpactDashboardService.Filter(callId, parse(Theme.class, theme),
                neighbourhood, parse(CareDomain.class, careDomain), year), parameters);
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + ImpactReport.filename(year) + "\"")
                .build();
    }

    /** The municipality's settled scenario parameters (the defaults until a fund manager settles them). */
    @GET
    @Path("cost-parameters")
    public ImpactDashboardService.CostParameterView costParameters() {
        return service.costParameters();
    }

    public record CostParameterBody(BigDecimal wmoCostPerClientPerYear, BigDecimal youthCarePerYoungPersonPerYear,
            BigDecimal debtHelpReturnPerEuro) {
    }

    /** Fund managers settle the parameters: all three, in euros; a missing or impossible value is a 422. */
    @PUT
    @Path("cost-parameters")
    @Consumes(MediaType.APPLICATION_JSON)
    public ImpactDashboardService.CostParameterView saveCostParameters(CostParameterBody body) {
        CostParameterBody b = body == null ? new CostParameterBody(null, null, null) : body;
        return service.saveCostParameters(b.wmoCostPerClientPerYear(), b.youthCarePerYoungPersonPerYear(),
                b.debtHelpReturnPerEuro());
    }

    /** Parameters on the query override the settled ones one by one. */
    private AvoidedCostScenario.CostParameters parameters(BigDecimal wmoCost, BigDecimal youthCareCost,
            BigDecimal debtHelpReturn) {
        AvoidedCostScenario.CostParameters settled = service.costParameters().parameters();
        try {
            return new AvoidedCostScenario.CostParameters(
                    wmoCost == null ? settled.wmoCostPerClientPerYear() : wmoCost,
                    youthCareCost == null ? settled.youthCarePerYoungPersonPerYear() : youthCareCost,
                    debtHelpReturn == null ? settled.debtHelpReturnPerEuro() : debtHelpReturn);
        } catch (IllegalArgumentException e) {
            throw ValidationFailedException.of("impact.filterInvalid");
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ValidationFailedException.of("impact.filterInvalid");
        }
    }
}
