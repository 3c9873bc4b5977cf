package nl.preventiefonds.impact;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the yearly impact report prints, without entities: the dashboard's figures for the awards that started
 * in {@code year}, the determined and reclaimed amounts of those awards (null when not known), who reports, and the
 * selection within the year when the dashboard was filtered (empty: every award of the year).
 */
public record ImpactReportData(String municipalityName, String fundName, int year, LocalDate reportDate,
        ImpactDashboardService.Portfolio portfolio, BigDecimal determined, BigDecimal reclaimed,
        List<ImpactDashboardService.NeighbourhoodFigures> neighbourhoods,
        List<ImpactDashboardService.IndicatorImpact> indicators, List<ImpactDashboardService.Scenario> scenarios,
        ImpactDashboardService.Scenario debtHelp, AvoidedCostScenario.CostParameters parameters,
        long assumedResidentsPerNeighbourhood, long assumedYoungPeoplePerNeighbourhood, List<String> selection) {

    public ImpactReportData {
        selection = selection == null ? List.of() : List.copyOf(selection);
        neighbourhoods = neighbourhoods == null ? List.of() : List.copyOf(neighbourhoods);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
    }

    /** The report of a dashboard computed for one year. */
    public static ImpactReportData of(String municipalityName, String fundName, int year, LocalDate reportDate,
            ImpactDashboardService.Dashboard dashboard, BigDecimal determined, BigDecimal reclaimed) {
        return new ImpactReportData(municipalityName, fundName, year, reportDate, dashboard.portfolio(), determined,
                reclaimed, dashboard.neighbourhoods(), dashboard.indicators(), dashboard.scenarios(),
                dashboard.debtHelp(), dashboard.parameters(), dashboard.assumedResidentsPerNeighbourhood(),
                dashboard.assumedYoungPeoplePerNeighbourhood(), List.of());
    }

    /** The same report for a part of the year's awards, named in words ("Wijk: Kloosterveen"). */
    public ImpactReportData withSelection(List<String> named) {
        return new ImpactReportData(municipalityName, fundName, year, reportDate, portfolio, determined, reclaimed,
                neighbourhoods, indicators, scenarios, debtHelp, parameters, assumedResidentsPerNeighbourhood,
                assumedYoungPeoplePerNeighbourhood, named);
    }
}
