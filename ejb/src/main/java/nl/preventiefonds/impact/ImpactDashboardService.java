package nl.preventiefonds.impact;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.preventiefonds.application.CareDomain;
import nl.preventiefonds.call.Theme;
import nl.preventiefonds.decision.DecisionOutcome;
import nl.preventiefonds.monitoring.ReviewOutcome;
import nl.preventiefonds.payment.PaymentStatus;
import nl.preventiefonds.platform.DataVersion;
import nl.preventiefonds.platform.Money;
import nl.preventiefonds.platform.RoleNames;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * The impact dashboard: portfolio figures of awarded initiatives for a filter, and per care indicator a
 * difference-in-differences estimate of funded (treated) against unfunded (control) neighbourhoods, with the
 * avoided-cost scenario. Every sum and count is aggregated in the database; only the indicator values of the
 * municipality (neighbourhoods x years x indicators, a few hundred rows) are read to estimate.
 * <p>
 * Definitions: an award is a grant decision with outcome AWARD or PARTIAL_AWARD of one of the municipality's own funds. An initiative that runs in two
 * neighbourhoods counts fully in each neighbourhood's figures (so per-neighbourhood sums can exceed the total).
 * Treated neighbourhoods are those where an awarded initiative (within the filter) runs; their start year is the
 * earliest start year (start date, else decision date) of those initiatives; controls are the municipality's other
 * neighbourhoods. The scenario's population is the treated neighbourhoods' residents as CBS counts them
 * (neighbourhood.population, imported from Kerncijfers wijken en buurten), and a fifth of them young people. Where a
 * treated neighbourhood's population is unknown it assumes {@link #ASSUMED_RESIDENTS_PER_NEIGHBOURHOOD} residents and
 * {@link #ASSUMED_YOUNG_PEOPLE_PER_NEIGHBOURHOOD} young people for it (Assen: about 68,000 residents in 11
 * neighbourhoods, about a fifth of them under 18), and the scenario carries the caveat {@link #POPULATION_ASSUMED};
 * with no population known at all it counts the estimate's treated units, as before populations were kept.
 */
@Stateless
@RolesAllowed({RoleNames.OFFICER, RoleNames.DECISION_MAKER, RoleNames.FUND_MANAGER})
public class ImpactDashboardService {
    public static final long ASSUMED_RESIDENTS_PER_NEIGHBOURHOOD = 6_000;
    public static final long ASSUMED_YOUNG_PEOPLE_PER_NEIGHBOURHOOD = 1_200;
    /** Caveat of a scenario that assumed the population of at least one treated neighbourhood. */
    public static final String POPULATION_ASSUMED = "populationAssumed";
    static final int FIRST_YEAR = 2000;
    /** The average and total of a reported indicator: measured numbers, not amounts, with two decimals. */
    private static final int INDICATOR_DECIMALS = 2;
    private static final List<DecisionOutcome> AWARDED = List.of(DecisionOutcome.AWARD, DecisionOutcome.PARTIAL_AWARD);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CareDemandService careDemand;

    @Inject
    private nl.preventiefonds.audit.AuditTrail audit;

    @Inject
    private nl.preventiefonds.identity.AccessPolicy access;

    @Inject
    private Clock clock;

    @Inject
    private DashboardCache cache;

    /** Besides the audit trail (every service change), the tables whose new rows change the figures. */
    private static final String[] FIGURE_TABLES = {"grant_decision", "payment_instruction", "report",
        "report_activity", "report_indicator", "care_indicator_value", "neighbourhood", "application"};

    /** Null means all. */
    public record Filter(Long callId, Theme theme, Long neighbourhoodId, CareDomain careDomain, Integer year)
            implements Serializable {
        public static Filter all() {
            return new Filter(null, null, null, null, null);
        }
    }

    public record Portfolio(long awards, BigDecimal awarded, BigDecimal paid, long participants,
            BigDecimal participantsPerThousandEuro) implements Serializable {
    }

    public record NeighbourhoodFigures(long neighbourhoodId, String code, String name, long awards,
            BigDecimal awarded, long participants, BigDecimal participantsPerThousandEuro) implements Serializable {
    }

    /** Means of the treated and the control neighbourhoods in one year; null when none has a value. */
    public record YearMeans(int year, Double treated, Double control) implements Serializable {
    }

    /** Non-finite numbers are null, so the JSON and the page can show "not estimable". */
    /**
     * Per indicator of the municipality, by its code: {@code name} is null where the standard text applies (one of
     * the six, its name unchanged), {@code costPerCase} null where the care domain's cost parameter applies.
     */
    public record IndicatorImpact(String indicator, String name, CareIndicator.Unit unit, BigDecimal costPerCase,
            CareDomain domain, boolean estimable, Double effect,
            Double standardError, Double ciLow, Double ciHigh, int treatedUnits, int controlUnits, int observations,
            List<String> caveats, Double treatedBefore, Double treatedAfter, Double controlBefore,
            Double controlAfter, List<YearMeans> trend, List<NeighbourhoodTrend> perNeighbourhood)
            implements Serializable {
        /** One of the six standard indicators as every municipality starts with it. */
        public IndicatorImpact(CareIndicator indicator, CareDomain domain, boolean estimable, Double effect,
                Double standardError, Double ciLow, Double ciHigh, int treatedUnits, int controlUnits,
                int observations, List<String> caveats, Double treatedBefore, Double treatedAfter,
                Double controlBefore, Double controlAfter, List<YearMeans> trend,
                List<NeighbourhoodTrend> perNeighbourhood) {
            this(indicator.name(), null, indicator.unit(), null, domain, estimable, effect, standardError, ciLow,
                    ciHigh, treatedUnits, controlUnits, observations, caveats, treatedBefore, treatedAfter,
                    controlBefore, controlAfter, trend, perNeighbourhood);
        }

        /** Shallow, see {@link Dashboard#hashCode()}. */
        @Override
        public int hashCode() {
            return java.util.Objects.hash(indicator, effect, treatedUnits);
        }
    }

    /** One year of a funded neighbourhood: its own value (null when missing or suppressed) beside the controls' mean. */
    public record YearValue(int year, Double value, Double control) implements Serializable {
    }

    /**
     * A funded neighbourhood's own series for one indicator, from the year its first funded initiative started,
     * and its own difference in differences against the unfunded neighbourhoods (one treated unit, so the interval
     * only reflects the spread among the controls and the caveats say so).
     */
    public record NeighbourhoodTrend(long neighbourhoodId, String code, String name, int startYear,
            List<YearValue> years, boolean estimable, Double before, Double after, Double effect, Double ciLow,
            Double ciHigh, List<String> caveats) implements Serializable {
        /** Shallow, see {@link Dashboard#hashCode()}. */
        @Override
        public int hashCode() {
            return java.util.Objects.hash(neighbourhoodId, startYear, effect);
        }
    }

    /** An avoided-cost scenario of one indicator (by code; {@code name} as in {@link IndicatorImpact}). */
    public record Scenario(String indicator, String name, CareDomain domain, String nature, BigDecimal low,
            BigDecimal central, BigDecimal high, long assumedPopulation, List<String> caveats)
            implements Serializable {
        public Scenario(CareIndicator indicator, CareDomain domain, String nature, BigDecimal low,
                BigDecimal central, BigDecimal high, long assumedPopulation, List<String> caveats) {
            this(indicator.name(), null, domain, nature, low, central, high, assumedPopulation, caveats);
        }
    }

    /** An outcome indicator as the accepted reports gave it: how many reports, and the mean and sum of values. */
    public record OutcomeIndicator(String name, long reports, BigDecimal mean, BigDecimal total)
            implements Serializable {
    }

    /**
     * The funded (treated) neighbourhoods of the filter and their residents as CBS counts them: how many there are,
     * how many have a known population, and the sum of those populations.
     */
    public record TreatedPopulation(int neighbourhoods, int withPopulation, long residents) implements Serializable {
        public static final TreatedPopulation NONE = new TreatedPopulation(0, 0, 0);

        /** Every treated neighbourhood has a population: the scenario assumes none. */
        public boolean complete() {
            return neighbourhoods > 0 && withPopulation == neighbourhoods;
        }

        public int withoutPopulation() {
            return neighbourhoods - withPopulation;
        }
    }

    public record Dashboard(Filter filter, Portfolio portfolio, List<NeighbourhoodFigures> neighbourhoods,
            List<IndicatorImpact> indicators, List<Scenario> scenarios, Scenario debtHelp,
            AvoidedCostScenario.CostParameters parameters, long assumedResidentsPerNeighbourhood,
            long assumedYoungPeoplePerNeighbourhood, List<OutcomeIndicator> outcomes, BigDecimal debtReliefAwarded,
            TreatedPopulation treatedPopulation)
            implements Serializable {

        /** A dashboard without known populations. */
        public Dashboard(Filter filter, Portfolio portfolio, List<NeighbourhoodFigures> neighbourhoods,
                List<IndicatorImpact> indicators, List<Scenario> scenarios, Scenario debtHelp,
                AvoidedCostScenario.CostParameters parameters, long assumedResidentsPerNeighbourhood,
                long assumedYoungPeoplePerNeighbourhood, List<OutcomeIndicator> outcomes,
                BigDecimal debtReliefAwarded) {
            this(filter, portfolio, neighbourhoods, indicators, scenarios, debtHelp, parameters,
                    assumedResidentsPerNeighbourhood, assumedYoungPeoplePerNeighbourhood, outcomes, debtReliefAwarded,
                    TreatedPopulation.NONE);
        }

        /**
         * Shallow (equal dashboards still hash alike): JSON-B's recursion check hashes every object it writes, and a
         * record's own hash walks all that it holds, so writing a national dashboard hashed its trees over and over.
         */
        @Override
        public int hashCode() {
            return java.util.Objects.hash(filter, portfolio, parameters);
        }

        /** The same figures with the scenarios recalculated for other cost parameters. */
        public Dashboard withParameters(AvoidedCostScenario.CostParameters parameters) {
            return ImpactDashboardService.withParameters(this, parameters);
        }
    }

    public record Option(long id, String label) implements Serializable {
    }

    public List<Option> calls() {
        return em.createQuery("SELECT DISTINCT c.id, c.title FROM GrantDecision d JOIN d.application a JOIN a.call c"
                        + " WHERE d.outcome IN :awarded AND d.replacedBy IS NULL AND c.fund.municipality.id = :m ORDER BY c.title", Object[].class)
                .setParameter("awarded", AWARDED).setParameter("m", careDemand.ownMunicipalityId())
                .getResultList().stream()
                .map(r -> new Option(((Number) r[0]).longValue(), String.valueOf(r[1]))).toList();
    }

    public List<Option> neighbourhoods() {
        return em.createQuery("SELECT n.id, n.name FROM Neighbourhood n WHERE n.municipality.id = :m ORDER BY n.name",
                        Object[].class).setParameter("m", careDemand.ownMunicipalityId()).getResultList().stream()
                .map(r -> new Option(((Number) r[0]).longValue(), String.valueOf(r[1]))).toList();
    }

    /** The scenario parameters as the municipality settled them, and whether they are still the defaults. */
    public record CostParameterView(AvoidedCostScenario.CostParameters parameters, boolean defaults,
            java.time.Instant updatedAt, String updatedBy) implements Serializable {
    }

    /** Far above any real cost per person per year; a typo of a few zeros is refused. */
    static final BigDecimal MAX_COST = new BigDecimal("1000000.00");
    static final BigDecimal MAX_RETURN = new BigDecimal("100.00");

    public CostParameterView costParameters() {
        CostParameterSetting stored = em.find(CostParameterSetting.class, careDemand.ownMunicipalityId());
        return stored == null ? new CostParameterView(AvoidedCostScenario.CostParameters.defaults(), true, null, null)
                : new CostParameterView(stored.parameters(), false, stored.getUpdatedAt(), stored.getUpdatedBy());
    }

    /** The fund manager settles the municipality's parameters; the change is audited with the old values. */
    @RolesAllowed(RoleNames.FUND_MANAGER)
    public CostParameterView saveCostParameters(BigDecimal wmoCost, BigDecimal youthCareCost,
            BigDecimal debtHelpReturn) {
        List<nl.preventiefonds.platform.Problem> problems = new ArrayList<>();
        check(wmoCost, MAX_COST, "wmoCost", problems);
        check(youthCareCost, MAX_COST, "youthCareCost", problems);
        check(debtHelpReturn, MAX_RETURN, "debtHelpReturn", problems);
        if (!problems.isEmpty()) {
            throw ValidationFailedException.of(problems);
        }
        AvoidedCostScenario.CostParameters parameters = new AvoidedCostScenario.CostParameters(
                Money.halfUp(wmoCost).amount(), Money.halfUp(youthCareCost).amount(),
                Money.halfUp(debtHelpReturn).amount());
        long municipality = careDemand.ownMunicipalityId();
        CostParameterSetting stored = em.find(CostParameterSetting.class, municipality,
                jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        String before = stored == null ? "defaults " + describe(AvoidedCostScenario.CostParameters.defaults())
                : describe(stored.parameters());
        if (stored == null) {
            stored = new CostParameterSetting(municipality);
            stored.change(parameters, clock.instant(), access.caller().email());
            em.persist(stored);
        } else {
            stored.change(parameters, clock.instant(), access.caller().email());
        }
        audit.record("COST_PARAMETERS_CHANGED", "Municipality", municipality, before, describe(parameters));
        return new CostParameterView(parameters, false, stored.getUpdatedAt(), stored.getUpdatedBy());
    }

    private static void check(BigDecimal value, BigDecimal max, String field,
            List<nl.preventiefonds.platform.Problem> problems) {
        if (value == null || value.signum() < 0 || value.compareTo(max) > 0 || value.stripTrailingZeros().scale() > 2) {
            problems.add(nl.preventiefonds.platform.Problem.of("impact.costInvalid." + field));
        }
    }

    private static String describe(AvoidedCostScenario.CostParameters p) {
        return "wmo " + p.wmoCostPerClientPerYear().toPlainString() + ", youth care "
                + p.youthCarePerYoungPersonPerYear().toPlainString() + ", debt help return "
                + p.debtHelpReturnPerEuro().toPlainString();
    }

    /** The dashboard for a filter; without parameters the municipality's settled ones (or the defaults). */
    public Dashboard dashboard(Filter filter, AvoidedCostScenario.CostParameters parameters) {
        Filter f = filter == null ? Filter.all() : filter;
        if (f.callId() != null || f.neighbourhoodId() != null) {
            // Another municipality's call or neighbourhood is refused here as in the report, not shown as empty.
            selection(f, careDemand.ownMunicipalityId());
        }
        AvoidedCostScenario.CostParameters p = parameters == null ? costParameters().parameters() : parameters;
        // Same transaction as the computation, so the version and the figures come from one snapshot.
        return cache.get(new DashboardCache.Key(careDemand.ownMunicipalityId(), f), DataVersion.of(em, FIGURE_TABLES),
                clock.instant(), () -> figures(f)).withParameters(p);
    }

    /** The figures without scenarios: every sum and count of the filter, and the estimates. */
    private Dashboard figures(Filter f) {
        Scope scope = new Scope(f, careDemand.ownMunicipalityId());
        Object[] awards = query("SELECT COUNT(d), SUM(d.amount) FROM GrantDecision d JOIN d.application a"
                + " WHERE d.outcome IN :awarded AND d.replacedBy IS NULL", scope, Object[].class).getSingleResult();
        long count = ((Number) awards[0]).longValue();
        BigDecimal awarded = money(awards[1]);
        BigDecimal paid = money(query("SELECT SUM(x.amount) FROM PaymentInstruction x JOIN x.application a"
                + " WHERE x.status = :paid AND EXISTS (SELECT d FROM GrantDecision d WHERE d.application = a AND"
                + " d.outcome IN :awarded AND d.replacedBy IS NULL)", scope, BigDecimal.class).setParameter("paid", PaymentStatus.PAID)
                .getSingleResult());
        Number participantsSum = query("SELECT SUM(r.participantsTotal) FROM Report r JOIN"
                + " r.request q JOIN q.application a WHERE r.reviewOutcome = :accepted AND EXISTS (SELECT d FROM"
                + " GrantDecision d WHERE d.application = a AND d.outcome IN :awarded AND d.replacedBy IS NULL)", scope, Number.class)
                .setParameter("accepted", ReviewOutcome.ACCEPTED).getSingleResult();
        long participants = participantsSum == null ? 0 : participantsSum.longValue();
        Portfolio portfolio = new Portfolio(count, awarded, paid, participants, reach(participants, awarded));

        // Per neighbourhood: awards and money, then participants, each one grouped query.
        Map<Long, Long> participantsByNeighbourhood = new HashMap<>();
        query("SELECT n.id, SUM(r.participantsTotal) FROM Report r JOIN r.request q JOIN"
                + " q.application a JOIN a.neighbourhoods n WHERE r.reviewOutcome = :accepted AND EXISTS (SELECT d"
                + " FROM GrantDecision d WHERE d.application = a AND d.outcome IN :awarded AND d.replacedBy IS NULL) GROUP BY n.id", scope,
                Object[].class).setParameter("accepted", ReviewOutcome.ACCEPTED).getResultList()
                .forEach(r -> participantsByNeighbourhood.put(((Number) r[0]).longValue(),
                        r[1] == null ? 0 : ((Number) r[1]).longValue()));
        List<NeighbourhoodFigures> perNeighbourhood = new ArrayList<>();
        Map<Long, Integer> treatedStarts = new LinkedHashMap<>();
        query("SELECT n.id, n.code, n.name, COUNT(d), SUM(d.amount), MIN(COALESCE(a.startDate, d.decidedOn))"
                + " FROM GrantDecision d JOIN d.application a JOIN a.neighbourhoods n WHERE d.outcome IN :awarded AND d.replacedBy IS NULL"
                + " GROUP BY n.id, n.code, n.name ORDER BY n.name", scope, Object[].class).getResultList().forEach(r -> {
                    long id = ((Number) r[0]).longValue();
                    BigDecimal money = money(r[4]);
                    long people = participantsByNeighbourhood.getOrDefault(id, 0L);
                    perNeighbourhood.add(new NeighbourhoodFigures(id, (String) r[1], (String) r[2],
                            ((Number) r[3]).longValue(), money, people, reach(people, money)));
                    if (r[5] instanceof LocalDate start) {
                        treatedStarts.put(id, start.getYear());
                    }
                });

        List<IndicatorImpact> impacts = indicators(treatedStarts);
        BigDecimal debtMoney = money(query("SELECT SUM(d.amount) FROM GrantDecision d JOIN d.application a"
                + " WHERE d.outcome IN :awarded AND d.replacedBy IS NULL AND a.id IN (SELECT a4.id FROM Application a4 JOIN a4.careDomains c4"
                + " WHERE c4 = :debt)", scope, BigDecimal.class).setParameter("debt", CareDomain.DEBT_RELIEF)
                .getSingleResult());
        // Outcome indicators reported in accepted reports, grouped by their name as the reporters wrote it.
        List<OutcomeIndicator> outcomes = query("SELECT i.name, COUNT(i), AVG(i.measured), SUM(i.measured) FROM"
                + " ReportIndicator i JOIN i.report r JOIN r.request q JOIN q.application a WHERE r.reviewOutcome ="
                + " :accepted AND EXISTS (SELECT d FROM GrantDecision d WHERE d.application = a AND d.outcome IN"
                + " :awarded AND d.replacedBy IS NULL) GROUP BY i.name ORDER BY COUNT(i) DESC, i.name", scope, Object[].class)
                .setParameter("accepted", ReviewOutcome.ACCEPTED).setMaxResults(50).getResultList().stream()
                .map(row -> new OutcomeIndicator((String) row[0], ((Number) row[1]).longValue(),
                        new BigDecimal(row[2].toString()).setScale(INDICATOR_DECIMALS, RoundingMode.HALF_UP),
                        new BigDecimal(row[3].toString()).setScale(INDICATOR_DECIMALS, RoundingMode.HALF_UP)))
                .toList();
        return new Dashboard(f, portfolio, List.copyOf(perNeighbourhood), List.copyOf(impacts), null, null, null,
                ASSUMED_RESIDENTS_PER_NEIGHBOURHOOD, ASSUMED_YOUNG_PEOPLE_PER_NEIGHBOURHOOD, outcomes, debtMoney,
                treatedPopulation(treatedStarts.keySet()));
    }

    /** The residents CBS counts in the treated neighbourhoods (one query, over their ids). */
    private TreatedPopulation treatedPopulation(java.util.Set<Long> treated) {
        if (treated.isEmpty()) {
            return TreatedPopulation.NONE;
        }
        Object[] row = em.createQuery("SELECT COUNT(n), COUNT(n.population), SUM(n.population) FROM Neighbourhood n"
                + " WHERE n.id IN :ids", Object[].class).setParameter("ids", List.copyOf(treated)).getSingleResult();
        return new TreatedPopulation(((Number) row[0]).intValue(), ((Number) row[1]).intValue(),
                row[2] == null ? 0 : ((Number) row[2]).longValue());
    }

    /**
     * The people a scenario multiplies the effect by: the treated neighbourhoods' residents (young people: a fifth of
     * them), with the assumed number for each one without a known population; with none known, the assumed number
     * per treated unit of the estimate.
     */
    static long scenarioPopulation(int treatedUnits, TreatedPopulation population, boolean residents) {
        if (population == null || population.withPopulation() == 0) {
            return treatedUnits * (residents ? ASSUMED_RESIDENTS_PER_NEIGHBOURHOOD
                    : ASSUMED_YOUNG_PEOPLE_PER_NEIGHBOURHOOD);
        }
        long people = population.residents() + population.withoutPopulation() * ASSUMED_RESIDENTS_PER_NEIGHBOURHOOD;
        return residents ? people : people * ASSUMED_YOUNG_PEOPLE_PER_NEIGHBOURHOOD / ASSUMED_RESIDENTS_PER_NEIGHBOURHOOD;
    }

    /** The avoided-cost scenarios of the estimates for other parameters: arithmetic only, no query, no bootstrap. */
    static Dashboard withParameters(Dashboard d, AvoidedCostScenario.CostParameters p) {
        AvoidedCostScenario scenario = new AvoidedCostScenario(p);
        List<Scenario> scenarios = new ArrayList<>();
        for (IndicatorImpact impact : d.indicators()) {
            BigDecimal cost = scenarioCost(impact, p);
            if (cost == null) {
                continue;
            }
            // Per 1,000 residents and a percentage outside youth care count residents; youth care's percentage
            // counts young people; a count ignores the population.
            boolean residents = !(impact.unit() == CareIndicator.Unit.PERCENT
                    && impact.domain() == CareDomain.YOUTH_CARE);
            long population = scenarioPopulation(impact.treatedUnits(), d.treatedPopulation(), residents);
            boolean assumed = d.treatedPopulation() == null || !d.treatedPopulation().complete();
            if (!impact.estimable() || impact.effect() == null || impact.ciLow() == null
                    || impact.ciHigh() == null) {
                scenarios.add(new Scenario(impact.indicator(), impact.name(), impact.domain(), "ESTIMATE", null, null,
                        null, population, List.of(DifferenceInDifferences.NOT_ESTIMABLE)));
                continue;
            }
            AvoidedCostScenario.AvoidedCost avoided = scenario.calculate(impact.domain(), cost, impact.effect(),
                    impact.ciLow(), impact.ciHigh(), switch (impact.unit()) {
                        case PERCENT -> AvoidedCostScenario.IndicatorScale.PERCENT;
                        case COUNT -> AvoidedCostScenario.IndicatorScale.COUNT;
                        default -> AvoidedCostScenario.IndicatorScale.PER_THOUSAND;
                    }, population);
            List<String> caveats = new ArrayList<>(avoided.caveats());
            if (assumed && impact.unit() != CareIndicator.Unit.COUNT) {
                caveats.add(POPULATION_ASSUMED);
            }
            scenarios.add(new Scenario(impact.indicator(), impact.name(), impact.domain(), avoided.nature().name(),
                    avoided.low(), avoided.central(), avoided.high(), population, List.copyOf(caveats)));
        }
        AvoidedCostScenario.AvoidedCost debt = scenario.debtHelpReturn(d.debtReliefAwarded());
        Scenario debtHelp = new Scenario(CareIndicator.DEBT_HELP_HOUSEHOLDS_PER_1000, CareDomain.DEBT_RELIEF,
                debt.nature().name(), debt.low(), debt.central(), debt.high(), 0, debt.caveats());
        return new Dashboard(d.filter(), d.portfolio(), d.neighbourhoods(), d.indicators(), scenarios, debtHelp, p,
                d.assumedResidentsPerNeighbourhood(), d.assumedYoungPeoplePerNeighbourhood(), d.outcomes(),
                d.debtReliefAwarded(), d.treatedPopulation());
    }

    /**
     * The cost of one case per year a scenario multiplies by, or null for no scenario: an indicator's own cost per
     * case; else, for the standard Wmo clients per 1,000 residents and youth-care percentage, the care domain's
     * parameter (as before indicators were configurable). Per 1,000 households has no scenario: households are not
     * counted per neighbourhood.
     */
    static BigDecimal scenarioCost(IndicatorImpact impact, AvoidedCostScenario.CostParameters p) {
        if (impact.unit() == CareIndicator.Unit.PER_1000_HOUSEHOLDS) {
            return null;
        }
        if (impact.costPerCase() != null) {
            return impact.costPerCase();
        }
        boolean standard = CareIndicator.WMO_CLIENTS_PER_1000.name().equals(impact.indicator())
                || CareIndicator.YOUTH_CARE_PERCENT.name().equals(impact.indicator());
        boolean domainCost = impact.domain() == CareDomain.WMO || impact.domain() == CareDomain.YOUTH_CARE;
        return standard && domainCost ? p.costPerPersonPerYear(impact.domain()) : null;
    }

    /**
     * The impact report (PDF, Dutch) for the awards whose initiative started in {@code year}: the dashboard's
     * figures for that year plus the determined and reclaimed amounts of those awards.
     */
    public byte[] report(int year, AvoidedCostScenario.CostParameters parameters) {
        return report(new Filter(null, null, null, null, year), parameters);
    }

    /**
     * The impact report of what the dashboard shows for the same filter (a year is required): the same result object
     * rendered, so the council reads the figures the screen and the API give, with the selection named on the
     * report. A call or neighbourhood of another municipality is refused as if it did not exist.
     */
    public byte[] report(Filter filter, AvoidedCostScenario.CostParameters parameters) {
        if (filter == null || filter.year() == null || filter.year() < FIRST_YEAR || filter.year() > 2100) {
            throw ValidationFailedException.of("impact.yearInvalid");
        }
        long municipality = careDemand.ownMunicipalityId();
        List<String> selection = selection(filter, municipality);
        Dashboard dashboard = dashboard(filter, parameters);
        Scope scope = new Scope(filter, municipality);
        BigDecimal determined = money(query("SELECT SUM(x.finalAmount) FROM Determination x JOIN x.application a"
                + " WHERE x.replacedBy IS NULL AND EXISTS (SELECT d FROM GrantDecision d WHERE d.application = a AND d.outcome IN :awarded AND d.replacedBy IS NULL)",
                scope, BigDecimal.class).getSingleResult());
        BigDecimal reclaimed = money(query("SELECT SUM(x.amount) FROM Reclaim x JOIN x.application a"
                + " WHERE EXISTS (SELECT d FROM GrantDecision d WHERE d.application = a AND d.outcome IN :awarded AND d.replacedBy IS NULL)",
                scope, BigDecimal.class).getSingleResult());
        String municipalityName = em.createQuery("SELECT m.name FROM Municipality m WHERE m.id = :m", String.class)
                .setParameter("m", municipality).getSingleResult();
        List<String> funds = em.createQuery("SELECT f.name FROM Fund f WHERE f.municipality.id = :m ORDER BY f.id",
                String.class).setParameter("m", municipality).getResultList();
        String fundName = funds.isEmpty() ? "Preventiefonds" : String.join(", ", funds);
        return ImpactReport.render(ImpactReportData.of(municipalityName, fundName, filter.year(),
                LocalDate.now(clock), dashboard, determined, reclaimed).withSelection(selection));
    }

    /** The filter in Dutch words for the report ("Oproep: …"); empty for the whole year. */
    private List<String> selection(Filter f, long municipality) {
        List<String> named = new ArrayList<>();
        if (f.callId() != null) {
            named.add("Oproep: " + single(em.createQuery("SELECT c.title FROM FundingCall c WHERE c.id = :id"
                    + " AND c.fund.municipality.id = :m", String.class).setParameter("id", f.callId())
                    .setParameter("m", municipality).getResultList()));
        }
        if (f.theme() != null) {
            named.add("Thema: " + ImpactReport.THEMES.get(f.theme()));
        }
        if (f.neighbourhoodId() != null) {
            named.add("Wijk: " + single(em.createQuery("SELECT n.name FROM Neighbourhood n WHERE n.id = :id"
                    + " AND n.municipality.id = :m", String.class).setParameter("id", f.neighbourhoodId())
                    .setParameter("m", municipality).getResultList()));
        }
        if (f.careDomain() != null) {
            named.add("Zorgdomein: " + ImpactReport.CARE_DOMAINS.get(f.careDomain()));
        }
        return named;
    }

    private static String single(List<String> found) {
        if (found.isEmpty()) {
            throw ValidationFailedException.of("impact.filterInvalid");
        }
        return found.get(0);
    }

    private List<IndicatorImpact> indicators(Map<Long, Integer> treatedStarts) {
        long municipality = careDemand.ownMunicipalityId();
        // One query for every indicator; only whole years (quarters would count twice).
        Map<String, List<CareDemandService.ValueRow>> byIndicator = new HashMap<>();
        for (CareDemandService.ValueRow row : careDemand.values(municipality, null, FIRST_YEAR,
                LocalDate.now(clock).getYear())) {
            if (!row.periodLabel().contains("-Q")) {
                byIndicator.computeIfAbsent(row.indicator(), i -> new ArrayList<>()).add(row);
            }
        }
        Map<String, Integer> starts = new HashMap<>();
        treatedStarts.forEach((id, year) -> starts.put(String.valueOf(id), year));
        DifferenceInDifferences did = new DifferenceInDifferences();
        Map<Long, String[]> names = new HashMap<>();
        byIndicator.values().forEach(rows -> rows.forEach(r -> names.putIfAbsent(r.neighbourhoodId(),
                new String[] {r.code(), r.name()})));
        List<IndicatorImpact> impacts = new ArrayList<>();
        // The municipality's own active indicators, the standard ones first.
        for (CareIndicatorDefinition definition : careDemand.activeDefinitions(municipality)) {
            List<CareDemandService.ValueRow> rows = byIndicator.getOrDefault(definition.getCode(), List.of());
            List<DifferenceInDifferences.Observation> observations = rows.stream()
                    .map(r -> DifferenceInDifferences.Observation.of(String.valueOf(r.neighbourhoodId()),
                            r.periodStart().getYear(), r.value())).toList();
            DifferenceInDifferences.Result result = did.estimate(observations, starts);
            List<YearMeans> trend = trend(rows, treatedStarts);
            DifferenceInDifferences.Estimate e = result.estimate();
            DifferenceInDifferences.GroupMeans m = result.means();
            impacts.add(new IndicatorImpact(definition.getCode(), definition.customName(), definition.getUnit(),
                    definition.getCostPerCase(), definition.getCareDomain(), e.estimable(), finite(e.effect()),
                    finite(e.standardError()), finite(e.ciLow()), finite(e.ciHigh()), e.treatedUnits(),
                    e.controlUnits(), e.observations(), e.caveats(), finite(m.treatedBefore()),
                    finite(m.treatedAfter()), finite(m.controlBefore()), finite(m.controlAfter()),
                    trend, perNeighbourhood(did, observations, rows, trend, treatedStarts, names)));
        }
        return impacts;
    }

    /** Fewer draws than the portfolio estimate: one per funded neighbourhood and indicator. */
    static final int NEIGHBOURHOOD_REPLICATES = 500;

    /**
     * Per funded neighbourhood: its yearly values beside the controls' mean, and its own estimate against the
     * controls only (the other funded neighbourhoods are left out, they are no controls).
     */
    static List<NeighbourhoodTrend> perNeighbourhood(DifferenceInDifferences did,
            List<DifferenceInDifferences.Observation> observations, List<CareDemandService.ValueRow> rows,
            List<YearMeans> trend, Map<Long, Integer> treatedStarts, Map<Long, String[]> names) {
        Map<Long, Map<Integer, Double>> own = new HashMap<>();
        for (CareDemandService.ValueRow row : rows) {
            if (treatedStarts.containsKey(row.neighbourhoodId()) && row.value() != null) {
                own.computeIfAbsent(row.neighbourhoodId(), k -> new HashMap<>())
                        .put(row.periodStart().getYear(), row.value().doubleValue());
            }
        }
        DifferenceInDifferences.Options options = new DifferenceInDifferences.Options(null, null,
                NEIGHBOURHOOD_REPLICATES, DifferenceInDifferences.DEFAULT_SEED);
        List<NeighbourhoodTrend> result = new ArrayList<>();
        for (Map.Entry<Long, Integer> treated : treatedStarts.entrySet()) {
            long id = treated.getKey();
            String[] name = names.get(id);
            if (name == null) {
                continue; // no indicator values at all for this neighbourhood
            }
            String unit = String.valueOf(id);
            List<DifferenceInDifferences.Observation> mine = observations.stream()
                    .filter(o -> o.neighbourhoodId().equals(unit) || !treatedStarts.containsKey(
                            Long.valueOf(o.neighbourhoodId()))).toList();
            DifferenceInDifferences.Result r = did.estimate(mine, Map.of(unit, treated.getValue()), options);
            Map<Integer, Double> values = own.getOrDefault(id, Map.of());
            List<YearValue> years = trend.stream().map(t -> new YearValue(t.year(),
                    values.containsKey(t.year()) ? round(values.get(t.year())) : null, t.control())).toList();
            DifferenceInDifferences.Estimate e = r.estimate();
            result.add(new NeighbourhoodTrend(id, name[0], name[1], treated.getValue(), years, e.estimable(),
                    finite(r.means().treatedBefore()), finite(r.means().treatedAfter()), finite(e.effect()),
                    finite(e.ciLow()), finite(e.ciHigh()), e.caveats()));
        }
        result.sort(java.util.Comparator.comparing(NeighbourhoodTrend::name));
        return result;
    }

    /** Per year the mean of the treated and of the control neighbourhoods' values (suppressed values left out). */
    static List<YearMeans> trend(List<CareDemandService.ValueRow> rows, Map<Long, Integer> treatedStarts) {
        Map<Integer, double[]> sums = new TreeMap<>(); // treatedSum, treatedN, controlSum, controlN
        TreeSet<Integer> years = new TreeSet<>();
        for (CareDemandService.ValueRow row : rows) {
            int year = row.periodStart().getYear();
            years.add(year);
            if (row.value() == null) {
                continue;
            }
            double[] s = sums.computeIfAbsent(year, y -> new double[4]);
            int at = treatedStarts.containsKey(row.neighbourhoodId()) ? 0 : 2;
            s[at] += row.value().doubleValue();
            s[at + 1]++;
        }
        List<YearMeans> trend = new ArrayList<>();
        for (int year : years) {
            double[] s = sums.getOrDefault(year, new double[4]);
            trend.add(new YearMeans(year, s[1] == 0 ? null : round(s[0] / s[1]), s[3] == 0 ? null : round(s[2] / s[3])));
        }
        return trend;
    }

    private static Double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    static BigDecimal reach(long participants, BigDecimal awarded) {
        if (awarded == null || awarded.signum() == 0) {
            return null;
        }
        return BigDecimal.valueOf(participants).multiply(BigDecimal.valueOf(1000)).divide(awarded, 2,
                RoundingMode.HALF_UP);
    }

    private static BigDecimal money(Object value) {
        return value == null ? Money.ZERO.amount() : Money.halfUp((BigDecimal) value).amount();
    }

    /** Appends the filter on {@code a} (the application) to a JPQL that already has a WHERE and binds it. */
    /** A filter within the municipality whose dashboard it is. */
    private record Scope(Filter filter, long municipality) {
    }

    private <T> TypedQuery<T> query(String jpql, Scope scope, Class<T> type) {
        Filter f = scope.filter();
        // The municipality's own funds: its indicators are the ones estimated, and a shared database (a service
        // centre's, the national benchmark) holds other municipalities' awards too.
        StringBuilder where = new StringBuilder(" AND a.call.fund.municipality.id = :municipality");
        if (f.callId() != null) {
            where.append(" AND a.call.id = :callId");
        }
        if (f.theme() != null) {
            where.append(" AND a.id IN (SELECT a1.id FROM Application a1 JOIN a1.themes t1 WHERE t1 = :theme)");
        }
        if (f.neighbourhoodId() != null) {
            where.append(" AND a.id IN (SELECT a2.id FROM Application a2 JOIN a2.neighbourhoods n2 WHERE n2.id = :nb)");
        }
        if (f.careDomain() != null) {
            where.append(" AND a.id IN (SELECT a3.id FROM Application a3 JOIN a3.careDomains c3 WHERE c3 = :domain)");
        }
        if (f.year() != null) {
            where.append(" AND a.startDate >= :yearFrom AND a.startDate <= :yearTo");
        }
        String full = jpql;
        int groupBy = jpql.indexOf(" GROUP BY ");
        full = groupBy < 0 ? jpql + where : jpql.substring(0, groupBy) + where + jpql.substring(groupBy);
        TypedQuery<T> query = em.createQuery(full, type);
        query.setParameter("municipality", scope.municipality());
        if (full.contains(":awarded")) {
            query.setParameter("awarded", AWARDED);
        }
        if (f.callId() != null) {
            query.setParameter("callId", f.callId());
        }
        if (f.theme() != null) {
            query.setParameter("theme", f.theme());
        }
        if (f.neighbourhoodId() != null) {
            query.setParameter("nb", f.neighbourhoodId());
        }
        if (f.careDomain() != null) {
            query.setParameter("domain", f.careDomain());
        }
        if (f.year() != null) {
            query.setParameter("yearFrom", LocalDate.of(f.year(), 1, 1));
            query.setParameter("yearTo", LocalDate.of(f.year(), 12, 31));
        }
        return query;
    }
}
