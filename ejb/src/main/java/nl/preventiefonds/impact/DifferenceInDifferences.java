package nl.preventiefonds.impact;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Difference in differences for neighbourhood care-demand indicators, with staggered starts.
 *
 * <p>Method (cohort-wise 2x2, then averaged):
 * <ol>
 *   <li>Treated neighbourhoods are grouped into cohorts by the period their funded initiatives
 *       started. The start period itself counts as "after".</li>
 *   <li>For each cohort, the "before" window is the {@code yearsBefore} periods before the start
 *       (all earlier periods when not given) and the "after" window the start period plus the next
 *       {@code yearsAfter - 1} periods (all later periods when not given).</li>
 *   <li>Every unit gets one change: its mean over the observed "after" periods minus its mean over
 *       the observed "before" periods. Units lacking either window are left out of that cohort.</li>
 *   <li>The cohort effect is the mean change of its treated units minus the mean change of the
 *       never-treated neighbourhoods over the same windows. Neighbourhoods treated later are never
 *       used as controls, which avoids the known bias of comparing against already-treated units.</li>
 *   <li>The overall effect is the average of the cohort effects weighted by their number of
 *       treated units.</li>
 * </ol>
 * Uncertainty comes from a cluster bootstrap: whole neighbourhoods are resampled with replacement,
 * separately within the treated and within the control group, and the estimate is recomputed.
 * The 95% interval is the 2.5th-97.5th percentile of the replicates; the standard error is their
 * standard deviation. A fixed seed makes the numbers reproducible between runs and screens.
 *
 * <p>Missing or suppressed values (CBS ".") must be left out of the observations or carry a
 * non-finite value; they are never read as zero. The result is an association under the
 * parallel-trends assumption, not proof that the funding caused it.
 */
public final class DifferenceInDifferences {

    // Caveat keys; the UI translates them.
    /** Fewer than 3 treated or 3 control neighbourhoods: the interval is unreliable. */
    public static final String FEW_UNITS = "fewUnits";
    /** A cohort has fewer than two periods before its start, so parallel trends cannot be checked. */
    public static final String NO_PRE_TREND = "noPreTrend";
    /** Some values in the windows were absent or suppressed; means use only the observed ones. */
    public static final String MISSING_VALUES = "missingValues";
    /** No effect could be computed; all numbers are NaN. */
    public static final String NOT_ESTIMABLE = "notEstimable";
    /** A treated neighbourhood lacked data before or after its start and was left out. */
    public static final String UNITS_WITHOUT_DATA = "unitsWithoutData";
    /** More than 10% of bootstrap draws could not be computed. */
    public static final String UNSTABLE_BOOTSTRAP = "unstableBootstrap";

    public static final int DEFAULT_REPLICATES = 2000;
    public static final long DEFAULT_SEED = 20_240_601L;
    private static final int MIN_UNITS = 3;

    /** One indicator value for one neighbourhood and period; NaN means suppressed/missing. */
    public record Observation(String neighbourhoodId, int period, double value) {
        public Observation {
            Objects.requireNonNull(neighbourhoodId, "neighbourhoodId");
        }

        /** A null value (suppressed in the source) becomes NaN so it is counted as missing. */
        public static Observation of(String neighbourhoodId, int period, BigDecimal value) {
            return new Observation(neighbourhoodId, period, value == null ? Double.NaN : value.doubleValue());
        }

        boolean present() {
            return Double.isFinite(value);
        }
    }

    /**
     * Windows are counted in periods; null means "use all available". The start period is the
     * first "after" period.
     */
    public record Options(Integer yearsBefore, Integer yearsAfter, int replicates, long seed) {
        public Options {
            if (yearsBefore != null && yearsBefore < 1) {
                throw new IllegalArgumentException("yearsBefore must be at least 1");
            }
            if (yearsAfter != null && yearsAfter < 1) {
                throw new IllegalArgumentException("yearsAfter must be at least 1");
            }
            if (replicates < 0) {
                throw new IllegalArgumentException("replicates must not be negative");
            }
        }

        public static Options defaults() {
            return new Options(null, null, DEFAULT_REPLICATES, DEFAULT_SEED);
        }

        public Options withWindows(Integer before, Integer after) {
            return new Options(before, after, replicates, seed);
        }

        public Options withSeed(long newSeed) {
            return new Options(yearsBefore, yearsAfter, replicates, newSeed);
        }
    }

    public record Estimate(double effect, double standardError, double ciLow, double ciHigh,
            int treatedUnits, int controlUnits, int observations, List<String> caveats) {
        public Estimate {
            caveats = List.copyOf(caveats);
        }

        public boolean estimable() {
            return !caveats.contains(NOT_ESTIMABLE);
        }
    }

    /**
     * Means of the per-neighbourhood window means, for display. Control means are weighted across
     * cohorts like the effect, so (treatedAfter - treatedBefore) - (controlAfter - controlBefore)
     * equals the effect.
     */
    public record GroupMeans(double treatedBefore, double treatedAfter, double controlBefore, double controlAfter) {
        static final GroupMeans NONE = new GroupMeans(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    public record CohortEstimate(int startPeriod, int treatedUnits, int controlUnits, double effect) {
    }

    public record Result(Estimate estimate, GroupMeans means, List<CohortEstimate> cohorts) {
        public Result {
            cohorts = List.copyOf(cohorts);
        }
    }

    public Result estimate(List<Observation> observations, Map<String, Integer> treatedStarts) {
        return estimate(observations, treatedStarts, Options.defaults());
    }

    public Result estimate(List<Observation> observations, Map<String, Integer> treatedStarts, Options options) {
        Objects.requireNonNull(observations, "observations");
        Objects.requireNonNull(treatedStarts, "treatedStarts");
        Objects.requireNonNull(options, "options");

        Set<String> caveats = new LinkedHashSet<>();
        Map<String, Map<Integer, Double>> byUnit = new HashMap<>();
        Set<Integer> allPeriods = new TreeSet<>();
        Set<String> seen = new HashSet<>();
        for (Observation o : observations) {
            if (!seen.add(o.neighbourhoodId() + "\u0000" + o.period())) {
                throw new IllegalArgumentException("Duplicate observation for " + o.neighbourhoodId() + " in " + o.period());
            }
            allPeriods.add(o.period());
            byUnit.computeIfAbsent(o.neighbourhoodId(), k -> new HashMap<>());
            if (o.present()) {
                byUnit.get(o.neighbourhoodId()).put(o.period(), o.value());
            } else {
                caveats.add(MISSING_VALUES);
            }
        }

        List<String> controls = byUnit.keySet().stream()
                .filter(id -> !treatedStarts.containsKey(id)).sorted().toList();
        Map<Integer, List<String>> cohortsByStart = new TreeMap<>();
        treatedStarts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> cohortsByStart.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(e.getKey()));

        // Per-unit changes per cohort; the bootstrap reuses them so it only has to average.
        List<TreatedChange> treated = new ArrayList<>();
        Map<String, Map<Integer, WindowMeans>> controlChanges = new HashMap<>();
        Set<String> usedCells = new HashSet<>();
        for (Map.Entry<Integer, List<String>> cohort : cohortsByStart.entrySet()) {
            int start = cohort.getKey();
            Window window = Window.of(start, options, allPeriods);
            if (window.before().size() < 2) {
                caveats.add(NO_PRE_TREND);
            }
            for (String id : cohort.getValue()) {
                WindowMeans means = window.means(id, byUnit.get(id), usedCells, caveats);
                if (means == null) {
                    caveats.add(UNITS_WITHOUT_DATA);
                } else {
                    treated.add(new TreatedChange(id, start, means));
                }
            }
            for (String id : controls) {
                WindowMeans means = window.means(id, byUnit.get(id), usedCells, caveats);
                if (means != null) {
                    controlChanges.computeIfAbsent(id, k -> new HashMap<>()).put(start, means);
                }
            }
        }
        List<String> usedControls = controls.stream().filter(controlChanges::containsKey).toList();

        Point point = combine(treated, usedControls, controlChanges);
        if (point == null) {
            caveats.add(NOT_ESTIMABLE);
            Estimate e = new Estimate(Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    treated.size(), usedControls.size(), usedCells.size(), new ArrayList<>(caveats));
            return new Result(e, GroupMeans.NONE, List.of());
        }
        if (treated.size() < MIN_UNITS || usedControls.size() < MIN_UNITS) {
            caveats.add(FEW_UNITS);
        }

        double[] replicates = bootstrap(treated, usedControls, controlChanges, options);
        if (replicates.length < options.replicates() * 0.9) {
            caveats.add(UNSTABLE_BOOTSTRAP);
        }
        double se = standardDeviation(replicates);
        double low = replicates.length == 0 ? Double.NaN : quantile(replicates, 0.025);
        double high = replicates.length == 0 ? Double.NaN : quantile(replicates, 0.975);
        Estimate e = new Estimate(point.effect(), se, low, high, treated.size(), usedControls.size(),
                usedCells.size(), new ArrayList<>(caveats));
        return new Result(e, point.means(), point.cohorts());
    }

    private record TreatedChange(String id, int start, WindowMeans means) {
    }

    private record WindowMeans(double before, double after) {
        double change() {
            return after - before;
        }
    }

    private record Point(double effect, GroupMeans means, List<CohortEstimate> cohorts) {
    }

    /** Periods of one cohort's windows, restricted to periods that occur in the data. */
    private record Window(List<Integer> before, List<Integer> after) {
        static Window of(int start, Options options, Set<Integer> allPeriods) {
            List<Integer> before = new ArrayList<>();
            List<Integer> after = new ArrayList<>();
            for (int p : allPeriods) {
                if (p < start && (options.yearsBefore() == null || p >= start - options.yearsBefore())) {
                    before.add(p);
                } else if (p >= start && (options.yearsAfter() == null || p < start + options.yearsAfter())) {
                    after.add(p);
                }
            }
            return new Window(before, after);
        }

        /** Null when the unit lacks data before or after; flags gaps inside the windows. */
        WindowMeans means(String id, Map<Integer, Double> values, Set<String> usedCells, Set<String> caveats) {
            if (values == null) {
                return null;
            }
            double before = mean(id, before(), values, usedCells, caveats);
            double after = mean(id, after(), values, usedCells, caveats);
            return Double.isNaN(before) || Double.isNaN(after) ? null : new WindowMeans(before, after);
        }

        private static double mean(String id, List<Integer> periods, Map<Integer, Double> values,
                Set<String> usedCells, Set<String> caveats) {
            double sum = 0;
            int n = 0;
            for (int p : periods) {
                Double v = values.get(p);
                if (v == null) {
                    caveats.add(MISSING_VALUES);
                } else {
                    sum += v;
                    n++;
                    usedCells.add(id + "\u0000" + p);
                }
            }
            return n == 0 ? Double.NaN : sum / n;
        }
    }

    /** Point estimate from (possibly resampled, possibly repeated) treated and control units. */
    private static Point combine(List<TreatedChange> treated, List<String> controls,
            Map<String, Map<Integer, WindowMeans>> controlChanges) {
        Map<Integer, List<WindowMeans>> treatedByStart = new TreeMap<>();
        for (TreatedChange t : treated) {
            treatedByStart.computeIfAbsent(t.start(), k -> new ArrayList<>()).add(t.means());
        }
        double effectSum = 0;
        double tb = 0, ta = 0, cb = 0, ca = 0;
        int weight = 0;
        List<CohortEstimate> cohorts = new ArrayList<>();
        for (Map.Entry<Integer, List<WindowMeans>> cohort : treatedByStart.entrySet()) {
            List<WindowMeans> ctrl = new ArrayList<>();
            for (String c : controls) {
                WindowMeans m = controlChanges.get(c).get(cohort.getKey());
                if (m != null) {
                    ctrl.add(m);
                }
            }
            if (ctrl.isEmpty()) {
                return null; // a cohort without comparison would silently change what is estimated
            }
            List<WindowMeans> tr = cohort.getValue();
            double trBefore = tr.stream().mapToDouble(WindowMeans::before).average().orElseThrow();
            double trAfter = tr.stream().mapToDouble(WindowMeans::after).average().orElseThrow();
            double coBefore = ctrl.stream().mapToDouble(WindowMeans::before).average().orElseThrow();
            double coAfter = ctrl.stream().mapToDouble(WindowMeans::after).average().orElseThrow();
            double effect = (trAfter - trBefore) - (coAfter - coBefore);
            int n = tr.size();
            cohorts.add(new CohortEstimate(cohort.getKey(), n, ctrl.size(), effect));
            effectSum += n * effect;
            tb += n * trBefore;
            ta += n * trAfter;
            cb += n * coBefore;
            ca += n * coAfter;
            weight += n;
        }
        if (weight == 0) {
            return null;
        }
        return new Point(effectSum / weight, new GroupMeans(tb / weight, ta / weight, cb / weight, ca / weight), cohorts);
    }

    private static double[] bootstrap(List<TreatedChange> treated, List<String> controls,
            Map<String, Map<Integer, WindowMeans>> controlChanges, Options options) {
        // java.util.Random's sequence is fixed by its specification, so results match across JVMs.
        Random random = new Random(options.seed());
        double[] out = new double[options.replicates()];
        int valid = 0;
        List<TreatedChange> t = new ArrayList<>(treated.size());
        List<String> c = new ArrayList<>(controls.size());
        for (int b = 0; b < options.replicates(); b++) {
            t.clear();
            c.clear();
            for (int i = 0; i < treated.size(); i++) {
                t.add(treated.get(random.nextInt(treated.size())));
            }
            for (int i = 0; i < controls.size(); i++) {
                c.add(controls.get(random.nextInt(controls.size())));
            }
            Point p = combine(t, c, controlChanges);
            if (p != null) { // a draw may leave a cohort without controls; it is skipped
                out[valid++] = p.effect();
            }
        }
        double[] result = Arrays.copyOf(out, valid);
        Arrays.sort(result);
        return result;
    }

    /** Linear interpolation between order statistics (R type 7); input must be sorted. */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double standardDeviation(double[] values) {
        if (values.length < 2) {
            return Double.NaN;
        }
        double mean = Arrays.stream(values).average().orElseThrow();
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (values.length - 1));
    }
}
