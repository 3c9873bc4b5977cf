package nl.preventiefonds.impact;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.preventiefonds.application.CareDomain;
import nl.preventiefonds.platform.Money;

/**
 * Turns a difference-in-differences effect on a care indicator into an avoided-cost scenario.
 *
 * <p>Sign convention: the effect is "change in treated minus change in controls" of a care-demand
 * indicator, so a NEGATIVE effect means less care demand and gives a POSITIVE avoided cost.
 * Avoided people = -effect x population / indicator scale; avoided cost = avoided people x the
 * editable cost per person per year. The low amount comes from the upper CI bound of the effect
 * and the high amount from the lower bound. Amounts are euros per year, rounded to cents HALF_UP
 * only at the end. Always a scenario, never a booked saving.
 */
public final class AvoidedCostScenario {

    /** The CI of the effect contains zero: the data are also consistent with no avoided cost. */
    public static final String EFFECT_NOT_DISTINGUISHABLE_FROM_ZERO = "effectNotDistinguishableFromZero";
    /** The central effect points to more care demand, so the central avoided cost is negative. */
    public static final String CARE_DEMAND_INCREASED = "careDemandIncreased";
    /** The debt-help figure is a reference ratio from literature, not measured in this municipality. */
    public static final String REFERENCE_RATIO_NOT_MEASURED = "referenceRatioNotMeasured";

    /** Marks every result as an estimate so no screen can show it as a realised saving. */
    public enum Nature { ESTIMATE }

    /** How the indicator is expressed, to convert an effect into a number of people. */
    public enum IndicatorScale {
        /** e.g. CBS "Wmo-cliënten relatief (per 1 000 inwoners)"; population = inhabitants. */
        PER_THOUSAND(new BigDecimal("1000")),
        /** e.g. CBS "Percentage jongeren met jeugdzorg"; population = young people. */
        PERCENT(new BigDecimal("100")),
        /** An absolute count of people or trajectories; population is ignored. */
        COUNT(BigDecimal.ONE);

        private final BigDecimal divisor;

        IndicatorScale(BigDecimal divisor) {
            this.divisor = divisor;
        }
    }

    /** Editable scenario parameters; defaults from the reference figures in the domain notes. */
    public record CostParameters(BigDecimal wmoCostPerClientPerYear, BigDecimal youthCarePerYoungPersonPerYear,
            BigDecimal debtHelpReturnPerEuro) {
        public static final BigDecimal DEFAULT_WMO = new BigDecimal("4600.00");
        public static final BigDecimal DEFAULT_YOUTH_CARE = new BigDecimal("12000.00");
        public static final BigDecimal DEFAULT_DEBT_HELP_RETURN = new BigDecimal("2.00");

        public CostParameters {
            requireNonNegative(wmoCostPerClientPerYear, "wmoCostPerClientPerYear");
            requireNonNegative(youthCarePerYoungPersonPerYear, "youthCarePerYoungPersonPerYear");
            requireNonNegative(debtHelpReturnPerEuro, "debtHelpReturnPerEuro");
        }

        public static CostParameters defaults() {
            return new CostParameters(DEFAULT_WMO, DEFAULT_YOUTH_CARE, DEFAULT_DEBT_HELP_RETURN);
        }

        /** Cost per person per year for domains with a reference figure. */
        public BigDecimal costPerPersonPerYear(CareDomain domain) {
            return switch (domain) {
                case WMO -> wmoCostPerClientPerYear;
                case YOUTH_CARE -> youthCarePerYoungPersonPerYear;
                // No reference figure in the domain notes; inventing one would look like a fact.
                default -> throw new IllegalArgumentException("No cost per person configured for " + domain);
            };
        }

        private static void requireNonNegative(BigDecimal value, String name) {
            Objects.requireNonNull(value, name);
            if (value.signum() < 0) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
        }
    }

    /** Euros per year; low <= central <= high. */
    public record AvoidedCost(CareDomain domain, Nature nature, BigDecimal low, BigDecimal central,
            BigDecimal high, List<String> caveats) {
        public AvoidedCost {
            caveats = List.copyOf(caveats);
        }
    }

    private static final int CENTS = Money.SCALE;

    private final CostParameters parameters;

    public AvoidedCostScenario(CostParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    public AvoidedCostScenario() {
        this(CostParameters.defaults());
    }

    public CostParameters parameters() {
        return parameters;
    }

    /** From a DiD estimate; callers must not pass a not-estimable one. */
    public AvoidedCost fromEstimate(CareDomain domain, DifferenceInDifferences.Estimate estimate,
            IndicatorScale scale, long population) {
        return calculate(domain, estimate.effect(), estimate.ciLow(), estimate.ciHigh(), scale, population);
    }

    /**
     * @param effect     DiD effect on the indicator (negative = less care demand)
     * @param population inhabitants (or young people for PERCENT) of the treated neighbourhoods
     */
    public AvoidedCost calculate(CareDomain domain, double effect, double ciLow, double ciHigh,
            IndicatorScale scale, long population) {
        Objects.requireNonNull(domain, "domain");
        return calculate(domain, parameters.costPerPersonPerYear(domain), effect, ciLow, ciHigh, scale, population);
    }

    /** With the cost of one case per year given (a municipality's own indicator), not the care domain's parameter. */
    public AvoidedCost calculate(CareDomain domain, BigDecimal costPerPerson, double effect, double ciLow,
            double ciHigh, IndicatorScale scale, long population) {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(costPerPerson, "costPerPerson");
        Objects.requireNonNull(scale, "scale");
        if (!Double.isFinite(effect) || !Double.isFinite(ciLow) || !Double.isFinite(ciHigh)) {
            throw new IllegalArgumentException("Effect is not estimable");
        }
        if (ciLow > ciHigh) {
            throw new IllegalArgumentException("Interval bounds are reversed");
        }
        // A bootstrap percentile interval need not contain the point estimate; widen it rather than fail.
        ciLow = Math.min(ciLow, effect);
        ciHigh = Math.max(ciHigh, effect);
        if (population < 0) {
            throw new IllegalArgumentException("population must not be negative");
        }
        BigDecimal people = scale == IndicatorScale.COUNT ? BigDecimal.ONE : BigDecimal.valueOf(population);

        List<String> caveats = new ArrayList<>();
        if (ciLow <= 0 && ciHigh >= 0) {
            caveats.add(EFFECT_NOT_DISTINGUISHABLE_FROM_ZERO);
        }
        if (effect > 0) {
            caveats.add(CARE_DEMAND_INCREASED);
        }
        // Upper bound of the effect = least reduction = lowest avoided cost.
        return new AvoidedCost(domain, Nature.ESTIMATE,
                avoided(ciHigh, people, scale, costPerPerson),
                avoided(effect, people, scale, costPerPerson),
                avoided(ciLow, people, scale, costPerPerson),
                caveats);
    }

    /**
     * Gross return of debt help for an amount spent, from the reference ratio (about €2 per €1).
     * Not measured locally, so low, central and high are equal and the result says so.
     */
    public AvoidedCost debtHelpReturn(BigDecimal spentPerYear) {
        Objects.requireNonNull(spentPerYear, "spentPerYear");
        BigDecimal amount = Money.halfUp(spentPerYear.multiply(parameters.debtHelpReturnPerEuro())).amount();
        return new AvoidedCost(CareDomain.DEBT_RELIEF, Nature.ESTIMATE, amount, amount, amount,
                List.of(REFERENCE_RATIO_NOT_MEASURED));
    }

    private static BigDecimal avoided(double effect, BigDecimal people, IndicatorScale scale, BigDecimal cost) {
        // valueOf keeps the shortest decimal form of the double, so -0.125 stays exactly -0.125.
        BigDecimal exact = BigDecimal.valueOf(effect).negate().multiply(people).multiply(cost);
        return exact.divide(scale.divisor, CENTS, RoundingMode.HALF_UP);
    }
}
