package nl.preventiefonds.impact.web;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import nl.preventiefonds.application.CareDomain;
import nl.preventiefonds.call.Theme;
import nl.preventiefonds.impact.AvoidedCostScenario;
import nl.preventiefonds.impact.CareIndicator;
import nl.preventiefonds.impact.ImpactDashboardService;
import nl.preventiefonds.impact.ImpactDashboardService.Dashboard;
import nl.preventiefonds.impact.ImpactDashboardService.IndicatorImpact;
import nl.preventiefonds.impact.ImpactReport;
import nl.preventiefonds.platform.web.Messages;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * The impact dashboard (impact/dashboard.xhtml) for officers, decision makers and fund managers: the filter, the
 * portfolio tiles, the trend of the chosen indicator (treated against control neighbourhoods), the money per
 * neighbourhood, the difference-in-differences estimate and the avoided-cost scenario with editable parameters.
 */
@Named("impactDashboard")
@ViewScoped
public class ImpactDashboardBean implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private ImpactDashboardService service;

    private Long callId;
    private Theme theme;
    private Long neighbourhoodId;
    private CareDomain careDomain;
    private Integer year;
    /** The chosen indicator's code: one of the municipality's own. */
    private String indicator = CareIndicator.WMO_CLIENTS_PER_1000.name();
    private Long trendNeighbourhoodId;
    private BigDecimal wmoCost = AvoidedCostScenario.CostParameters.DEFAULT_WMO;
    private BigDecimal youthCost = AvoidedCostScenario.CostParameters.DEFAULT_YOUTH_CARE;
    private BigDecimal debtReturn = AvoidedCostScenario.CostParameters.DEFAULT_DEBT_HELP_RETURN;

    private List<ImpactDashboardService.Option> calls;
    private List<ImpactDashboardService.Option> neighbourhoods;
    private Dashboard dashboard;
    private Integer reportYear = java.time.LocalDate.now(nl.preventiefonds.platform.Amsterdam.ZONE).getYear();

    private ImpactDashboardService.CostParameterView settled;

    @PostConstruct
    void load() {
        calls = service.calls();
        neighbourhoods = service.neighbourhoods();
        useSettledParameters();
    }

    /** Back to the municipality's settled parameters (after trying other values on screen). */
    public void useSettledParameters() {
        settled = service.costParameters();
        wmoCost = settled.parameters().wmoCostPerClientPerYear();
        youthCost = settled.parameters().youthCarePerYoungPersonPerYear();
        debtReturn = settled.parameters().debtHelpReturnPerEuro();
        if (dashboard == null) {
            refresh();
        } else {
            recalculateScenario();
        }
    }

    /** Fund managers: the values on screen become the municipality's, for everyone and for the council report. */
    public void saveParameters() {
        settled = service.saveCostParameters(wmoCost, youthCost, debtReturn);
        Messages.info("impact.parametersSaved");
        recalculateScenario();
    }

    public ImpactDashboardService.CostParameterView getSettled() {
        return settled;
    }

    /** Whether the screen shows other values than the settled ones, so the page can say so. */
    public boolean isTryingOtherParameters() {
        AvoidedCostScenario.CostParameters s = settled.parameters();
        return !same(wmoCost, s.wmoCostPerClientPerYear()) || !same(youthCost, s.youthCarePerYoungPersonPerYear())
                || !same(debtReturn, s.debtHelpReturnPerEuro());
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a != null && b != null && a.compareTo(b) == 0;
    }

    /** Other cost parameters: only the scenarios change, so the estimates are not computed again. */
    public void recalculateScenario() {
        dashboard = dashboard.withParameters(parameters());
    }

    /** Recomputes everything for the filter and the cost parameters (empty parameters take the default). */
    public void refresh() {
        AvoidedCostScenario.CostParameters parameters = parameters();
        dashboard = service.dashboard(new ImpactDashboardService.Filter(callId, theme, neighbourhoodId, careDomain,
                year), parameters);
    }

    private AvoidedCostScenario.CostParameters parameters() {
        AvoidedCostScenario.CostParameters s = settled.parameters();
        return new AvoidedCostScenario.CostParameters(orDefault(wmoCost, s.wmoCostPerClientPerYear()),
                orDefault(youthCost, s.youthCarePerYoungPersonPerYear()),
                orDefault(debtReturn, s.debtHelpReturnPerEuro()));
    }

    private static BigDecimal orDefault(BigDecimal value, BigDecimal fallback) {
        return value == null || value.signum() < 0 ? fallback : value;
    }

    /**
     * The impact report (PDF, Dutch) of the chosen year, with the filters and the scenario parameters on the screen:
     * the report renders the dashboard the screen shows for that year.
     */
    public StreamedContent getReportFile() {
        int chosen = reportYear == null ? java.time.LocalDate.now(nl.preventiefonds.platform.Amsterdam.ZONE).getYear()
                : reportYear;
        byte[] pdf = service.report(new ImpactDashboardService.Filter(callId, theme, neighbourhoodId, careDomain,
                chosen), parameters());
        return DefaultStreamedContent.builder().name(ImpactReport.filename(chosen)).contentType("application/pdf")
                .contentLength((long) pdf.length).stream(() -> new ByteArrayInputStream(pdf)).build();
    }

    public Integer getReportYear() {
        return reportYear;
    }

    public void setReportYear(Integer reportYear) {
        this.reportYear = reportYear;
    }

    public Dashboard getDashboard() {
        return dashboard;
    }

    public IndicatorImpact getImpact() {
        // The chosen one, else (deactivated meanwhile, or a code of none) the first the municipality keeps.
        return dashboard.indicators().stream().filter(i -> i.indicator().equals(indicator)).findFirst()
                .orElseGet(() -> dashboard.indicators().get(0));
    }

    /** The indicator's own name, or for one of the six with its name unchanged, the text in the page's language. */
    public static String label(String code, String name) {
        return name != null ? name : Messages.text("careIndicator." + code);
    }

    public String impactLabel(IndicatorImpact impact) {
        return label(impact.indicator(), impact.name());
    }

    public String scenarioLabel(ImpactDashboardService.Scenario scenario) {
        return label(scenario.indicator(), scenario.name());
    }

    /** The plain-language explanation of the estimate for the chosen indicator. */
    public String getExplanation() {
        IndicatorImpact impact = getImpact();
        String name = impactLabel(impact);
        if (!impact.estimable() || impact.effect() == null) {
            return Messages.text("impact.explanationNone", name, impact.treatedUnits(), impact.controlUnits());
        }
        return Messages.text("impact.explanation", impact.treatedUnits(), impact.controlUnits(), name,
                number(impact.effect()), number(impact.ciLow()), number(impact.ciHigh()));
    }

    public String caveat(String key) {
        return Messages.text("impact.caveat." + key);
    }

    public static String number(Double value) {
        return value == null ? "-" : String.format(Locale.forLanguageTag("nl-NL"), "%.2f", value);
    }

    /** Chart.js configuration: the yearly means of treated and control neighbourhoods for the chosen indicator. */
    public String getTrendChart() {
        List<ImpactDashboardService.YearMeans> trend = getImpact().trend();
        return "{\"type\":\"line\",\"data\":{\"labels\":["
                + trend.stream().map(t -> "\"" + t.year() + "\"").collect(Collectors.joining(","))
                + "],\"datasets\":[" + dataset(Messages.text("impact.treated"), "#1f6f8b",
                trend.stream().map(t -> json(t.treated())).collect(Collectors.joining(",")))
                + "," + dataset(Messages.text("impact.control"), "#c05621",
                trend.stream().map(t -> json(t.control())).collect(Collectors.joining(",")))
                + "]},\"options\":{\"responsive\":true,\"animation\":false,\"plugins\":{\"title\":{\"display\":true,"
                + "\"text\":" + string(impactLabel(getImpact())) + "}}}}";
    }

    /** The funded neighbourhood whose own series is charted: the chosen one, else the filter's, else the first. */
    public ImpactDashboardService.NeighbourhoodTrend getNeighbourhoodTrend() {
        List<ImpactDashboardService.NeighbourhoodTrend> trends = getImpact().perNeighbourhood();
        for (Long wanted : new Long[] {trendNeighbourhoodId, neighbourhoodId}) {
            if (wanted != null) {
                for (ImpactDashboardService.NeighbourhoodTrend t : trends) {
                    if (t.neighbourhoodId() == wanted) {
                        return t;
                    }
                }
            }
        }
        return trends.isEmpty() ? null : trends.get(0);
    }

    /** Chart.js configuration: one funded neighbourhood's values beside the unfunded neighbourhoods' mean. */
    public String getNeighbourhoodChart() {
        ImpactDashboardService.NeighbourhoodTrend trend = getNeighbourhoodTrend();
        if (trend == null) {
            return "{}";
        }
        return "{\"type\":\"line\",\"data\":{\"labels\":["
                + trend.years().stream().map(y -> string(yearLabel(y.year(), trend.startYear())))
                .collect(Collectors.joining(","))
                + "],\"datasets\":[" + dataset(trend.name(), "#1f6f8b",
                trend.years().stream().map(y -> json(y.value())).collect(Collectors.joining(",")))
                + "," + dataset(Messages.text("impact.control"), "#c05621",
                trend.years().stream().map(y -> json(y.control())).collect(Collectors.joining(",")))
                + "]},\"options\":{\"responsive\":true,\"animation\":false,\"plugins\":{\"title\":{\"display\":true,"
                + "\"text\":" + string(trend.name() + " - " + impactLabel(getImpact()))
                + "}}}}";
    }

    /** The start year is marked in the axis label, so the chart says when funding began without colour. */
    public String yearLabel(int year, int startYear) {
        return year == startYear ? Messages.text("impact.startYear", String.valueOf(year)) : String.valueOf(year);
    }

    /** The 95% interval as "a tot b", or a dash when it could not be computed. */
    public String interval(Double low, Double high) {
        return low == null || high == null ? "-" : Messages.text("impact.interval", number(low), number(high));
    }

    /** Chart.js configuration: money awarded per neighbourhood. */
    public String getMoneyChart() {
        return "{\"type\":\"bar\",\"data\":{\"labels\":["
                + dashboard.neighbourhoods().stream().map(n -> string(n.name())).collect(Collectors.joining(","))
                + "],\"datasets\":[{\"label\":" + string(Messages.text("impact.awarded"))
                + ",\"backgroundColor\":\"#1f6f8b\",\"data\":["
                + dashboard.neighbourhoods().stream().map(n -> n.awarded().toPlainString())
                .collect(Collectors.joining(","))
                + "]}]},\"options\":{\"responsive\":true,\"animation\":false}}";
    }

    private static String dataset(String label, String colour, String data) {
        return "{\"label\":" + string(label) + ",\"borderColor\":\"" + colour + "\",\"backgroundColor\":\"" + colour
                + "\",\"fill\":false,\"spanGaps\":true,\"data\":[" + data + "]}";
    }

    private static String json(Double value) {
        return value == null ? "null" : value.toString();
    }

    static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    public List<ImpactDashboardService.Option> getCalls() {
        return calls;
    }

    public List<ImpactDashboardService.Option> getNeighbourhoods() {
        return neighbourhoods;
    }

    public Theme[] getThemes() {
        return Theme.values();
    }

    public CareDomain[] getCareDomains() {
        return CareDomain.values();
    }

    /** The municipality's active indicators, as the dashboard estimated them. */
    public List<IndicatorImpact> getIndicators() {
        return dashboard.indicators();
    }

    public Long getCallId() {
        return callId;
    }

    public void setCallId(Long callId) {
        this.callId = callId;
    }

    public Theme getTheme() {
        return theme;
    }

    public void setTheme(Theme theme) {
        this.theme = theme;
    }

    public Long getNeighbourhoodId() {
        return neighbourhoodId;
    }

    public void setNeighbourhoodId(Long neighbourhoodId) {
        this.neighbourhoodId = neighbourhoodId;
    }

    public CareDomain getCareDomain() {
        return careDomain;
    }

    public void setCareDomain(CareDomain careDomain) {
        this.careDomain = careDomain;
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public Long getTrendNeighbourhoodId() {
        return trendNeighbourhoodId;
    }

    public void setTrendNeighbourhoodId(Long trendNeighbourhoodId) {
        this.trendNeighbourhoodId = trendNeighbourhoodId;
    }

    public String getIndicator() {
        return indicator;
    }

    public void setIndicator(String indicator) {
        this.indicator = indicator == null || indicator.isBlank() ? CareIndicator.WMO_CLIENTS_PER_1000.name()
                : indicator;
    }

    public BigDecimal getWmoCost() {
        return wmoCost;
    }

    public void setWmoCost(BigDecimal wmoCost) {
        this.wmoCost = wmoCost;
    }

    public BigDecimal getYouthCost() {
        return youthCost;
    }

    public void setYouthCost(BigDecimal youthCost) {
        this.youthCost = youthCost;
    }

    public BigDecimal getDebtReturn() {
        return debtReturn;
    }

    public void setDebtReturn(BigDecimal debtReturn) {
        this.debtReturn = debtReturn;
    }
}
