package nl.preventiefonds.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.preventiefonds.impact.DifferenceInDifferences.Estimate;
import nl.preventiefonds.impact.DifferenceInDifferences.Observation;
import nl.preventiefonds.impact.DifferenceInDifferences.Options;
import nl.preventiefonds.impact.DifferenceInDifferences.Result;
import org.junit.jupiter.api.Test;

class DifferenceInDifferencesTest {
    private static final double EXACT = 1e-9;
    private final DifferenceInDifferences did = new DifferenceInDifferences();

    private static void add(List<Observation> obs, String id, int firstYear, double... values) {
        for (int i = 0; i < values.length; i++) {
            obs.add(new Observation(id, firstYear + i, values[i]));
        }
    }

    /**
     * Treated Centrum and Pittelo start in 2020; Lariks and Peelo are never treated.
     * <pre>
     *            2018 2019 | 2020 2021   before after change
     * Centrum      50   52 |   46   48     51    47    -4
     * Pittelo      40   42 |   39   37     41    38    -3
     * Lariks       30   31 |   32   33     30.5  32.5  +2
     * Peelo        60   60 |   61   61     60    61    +1
     * treated change = (-4 + -3) / 2 = -3.5; control change = (2 + 1) / 2 = 1.5
     * DiD = -3.5 - 1.5 = -5.0
     * group means: treated 46 -> 42.5, control 45.25 -> 46.75
     * </pre>
     */
    private static List<Observation> handDataset() {
        List<Observation> obs = new ArrayList<>();
        add(obs, "Centrum", 2018, 50, 52, 46, 48);
        add(obs, "Pittelo", 2018, 40, 42, 39, 37);
        add(obs, "Lariks", 2018, 30, 31, 32, 33);
        add(obs, "Peelo", 2018, 60, 60, 61, 61);
        return obs;
    }

    private static final Map<String, Integer> HAND_TREATED = Map.of("Centrum", 2020, "Pittelo", 2020);

    @Test
    void handComputedTwoByTwo() {
        Result r = did.estimate(handDataset(), HAND_TREATED);
        Estimate e = r.estimate();
        assertEquals(-5.0, e.effect(), EXACT);
        assertEquals(46.0, r.means().treatedBefore(), EXACT);
        assertEquals(42.5, r.means().treatedAfter(), EXACT);
        assertEquals(45.25, r.means().controlBefore(), EXACT);
        assertEquals(46.75, r.means().controlAfter(), EXACT);
        assertEquals(2, e.treatedUnits());
        assertEquals(2, e.controlUnits());
        assertEquals(16, e.observations());
        assertTrue(e.caveats().contains(DifferenceInDifferences.FEW_UNITS));
        assertFalse(e.caveats().contains(DifferenceInDifferences.MISSING_VALUES));
        assertFalse(e.caveats().contains(DifferenceInDifferences.NO_PRE_TREND));
        assertTrue(e.ciLow() <= e.effect() && e.effect() <= e.ciHigh());
        assertTrue(e.standardError() > 0);
    }

    @Test
    void windowsLimitThePeriodsUsed() {
        List<Observation> obs = handDataset();
        // 2017 would swing the result if the one-year window were ignored.
        obs.add(new Observation("Centrum", 2017, 1000));
        obs.add(new Observation("Pittelo", 2017, 1000));
        obs.add(new Observation("Lariks", 2017, 0));
        obs.add(new Observation("Peelo", 2017, 0));
        // One year each side: treated (46-52 = -6, 39-42 = -3) mean -4.5; control (32-31 = 1, 61-60 = 1) mean 1
        Result r = did.estimate(obs, HAND_TREATED, Options.defaults().withWindows(1, 1));
        assertEquals(-5.5, r.estimate().effect(), EXACT);
        assertTrue(r.estimate().caveats().contains(DifferenceInDifferences.NO_PRE_TREND));
        // Two years before ignores 2017 too, so the hand result returns.
        assertEquals(-5.0, did.estimate(obs, HAND_TREATED, Options.defaults().withWindows(2, 2)).estimate().effect(), EXACT);
    }

    /**
     * Staggered: A starts 2020, B and C start 2021, D and E never treated; one year each side.
     * <pre>
     *        2019 2020 2021
     * A        10    7    -      cohort 2020: A 10->7 = -3; controls D 5->6 = +1, E 8->8 = 0, mean 0.5
     * B         -    20  18      DiD_2020 = -3 - 0.5 = -3.5
     * C         -    30  29      cohort 2021: B -2, C -1, mean -1.5; D 6->8 = +2, E 8->9 = +1, mean 1.5
     * D         5    6    8      DiD_2021 = -1.5 - 1.5 = -3.0
     * E         8    8    9      overall = (1 x -3.5 + 2 x -3.0) / 3 = -9.5 / 3
     * </pre>
     * B (treated later) must not serve as a control for A's cohort.
     */
    @Test
    void staggeredStartsAreWeightedByTreatedUnits() {
        List<Observation> obs = new ArrayList<>();
        add(obs, "A", 2019, 10, 7);
        add(obs, "B", 2020, 20, 18);
        add(obs, "C", 2020, 30, 29);
        add(obs, "D", 2019, 5, 6, 8);
        add(obs, "E", 2019, 8, 8, 9);
        Map<String, Integer> treated = Map.of("A", 2020, "B", 2021, "C", 2021);
        Result r = did.estimate(obs, treated, Options.defaults().withWindows(1, 1));
        assertEquals(-9.5 / 3, r.estimate().effect(), EXACT);
        assertEquals(2, r.cohorts().size());
        assertEquals(-3.5, r.cohorts().get(0).effect(), EXACT);
        assertEquals(-3.0, r.cohorts().get(1).effect(), EXACT);
        assertEquals(2, r.cohorts().get(1).treatedUnits());
        assertEquals(2, r.estimate().controlUnits());
        var m = r.means();
        assertEquals(r.estimate().effect(),
                (m.treatedAfter() - m.treatedBefore()) - (m.controlAfter() - m.controlBefore()), EXACT);
    }

    @Test
    void missingValuesAreExcludedNotZero() {
        List<Observation> obs = new ArrayList<>(handDataset());
        obs.removeIf(o -> o.neighbourhoodId().equals("Centrum") && o.period() == 2021);
        // Suppressed "." arrives as null
        obs.removeIf(o -> o.neighbourhoodId().equals("Lariks") && o.period() == 2018);
        obs.add(Observation.of("Lariks", 2018, null));
        // Centrum after = 46 -> change -5; treated mean (-5 + -3) / 2 = -4
        // Lariks before = 31 -> change 1.5; control mean (1.5 + 1) / 2 = 1.25; DiD = -5.25
        Estimate e = did.estimate(obs, HAND_TREATED).estimate();
        assertEquals(-5.25, e.effect(), EXACT);
        assertEquals(14, e.observations());
        assertTrue(e.caveats().contains(DifferenceInDifferences.MISSING_VALUES));
    }

    @Test
    void bigDecimalObservationsGiveTheSameResult() {
        List<Observation> obs = handDataset().stream()
                .map(o -> Observation.of(o.neighbourhoodId(), o.period(), BigDecimal.valueOf(o.value())))
                .toList();
        assertEquals(-5.0, did.estimate(obs, HAND_TREATED).estimate().effect(), EXACT);
    }

    @Test
    void parallelTrendsGiveZeroEffect() {
        // Different levels, common year shocks and unit noise that cancels between groups.
        List<Observation> obs = new ArrayList<>();
        add(obs, "T1", 2018, 50, 53, 51, 56); // change (51+56)/2 - (50+53)/2 = 2
        add(obs, "T2", 2018, 20, 23, 19, 24); // change 0
        add(obs, "T3", 2018, 35, 38, 37, 42); // change 3
        add(obs, "C1", 2018, 10, 13, 11, 16); // 2
        add(obs, "C2", 2018, 70, 73, 69, 74); // 0
        add(obs, "C3", 2018, 40, 43, 42, 47); // 3
        Estimate e = did.estimate(obs, Map.of("T1", 2020, "T2", 2020, "T3", 2020)).estimate();
        assertEquals(0.0, e.effect(), EXACT);
        assertTrue(e.ciLow() < 0 && e.ciHigh() > 0, e.ciLow() + " .. " + e.ciHigh());
        assertFalse(e.caveats().contains(DifferenceInDifferences.FEW_UNITS));
        assertTrue(e.caveats().isEmpty(), e.caveats().toString());
    }

    @Test
    void bootstrapIsReproducibleWithTheSameSeed() {
        List<Observation> obs = noisy(1.0);
        Map<String, Integer> treated = treatedHalf();
        Estimate a = did.estimate(obs, treated).estimate();
        Estimate b = did.estimate(obs, treated).estimate();
        assertEquals(a, b);
        Estimate other = did.estimate(obs, treated, Options.defaults().withSeed(7)).estimate();
        assertEquals(a.effect(), other.effect(), EXACT);
        assertNotEquals(a.ciLow(), other.ciLow());
    }

    @Test
    void intervalWidensWithMoreNoise() {
        Estimate calm = did.estimate(noisy(1.0), treatedHalf()).estimate();
        Estimate loud = did.estimate(noisy(5.0), treatedHalf()).estimate();
        // Same seed and same noise pattern scaled by 5, so the spread scales by 5 exactly.
        assertEquals(5 * (calm.ciHigh() - calm.ciLow()), loud.ciHigh() - loud.ciLow(), 1e-6);
        assertEquals(5 * calm.standardError(), loud.standardError(), 1e-6);
        assertTrue(loud.ciHigh() - loud.ciLow() > calm.ciHigh() - calm.ciLow());
        assertEquals(-4.0, calm.effect(), 1.5);
    }

    @Test
    void standardErrorIsAboutHalfTheNormalIntervalWidth() {
        Estimate e = did.estimate(noisy(1.0), treatedHalf()).estimate();
        double normalWidth = 2 * 1.96 * e.standardError();
        assertEquals(normalWidth, e.ciHigh() - e.ciLow(), 0.25 * normalWidth);
    }

    @Test
    void notEstimableWithoutControls() {
        List<Observation> obs = handDataset();
        obs.removeIf(o -> !HAND_TREATED.containsKey(o.neighbourhoodId()));
        Estimate e = did.estimate(obs, HAND_TREATED).estimate();
        assertTrue(Double.isNaN(e.effect()));
        assertTrue(Double.isNaN(e.standardError()));
        assertTrue(Double.isNaN(e.ciLow()) && Double.isNaN(e.ciHigh()));
        assertTrue(e.caveats().contains(DifferenceInDifferences.NOT_ESTIMABLE));
        assertFalse(e.estimable());
    }

    @Test
    void notEstimableWithoutPrePeriodOrWithoutData() {
        // Start before the first year: no "before" data at all.
        Estimate noPre = did.estimate(handDataset(), Map.of("Centrum", 2018, "Pittelo", 2018)).estimate();
        assertTrue(Double.isNaN(noPre.effect()));
        assertTrue(noPre.caveats().containsAll(List.of(DifferenceInDifferences.NOT_ESTIMABLE,
                DifferenceInDifferences.NO_PRE_TREND, DifferenceInDifferences.UNITS_WITHOUT_DATA)));

        Estimate empty = did.estimate(List.of(), HAND_TREATED).estimate();
        assertTrue(Double.isNaN(empty.effect()));
        assertTrue(empty.caveats().contains(DifferenceInDifferences.NOT_ESTIMABLE));

        Estimate noTreated = did.estimate(handDataset(), Map.of()).estimate();
        assertTrue(noTreated.caveats().contains(DifferenceInDifferences.NOT_ESTIMABLE));
        assertEquals(0, noTreated.treatedUnits());
    }

    @Test
    void treatedUnitWithoutDataIsDroppedAndFlagged() {
        Map<String, Integer> treated = Map.of("Centrum", 2020, "Pittelo", 2020, "Marsdijk", 2020);
        Estimate e = did.estimate(handDataset(), treated).estimate();
        assertEquals(-5.0, e.effect(), EXACT);
        assertEquals(2, e.treatedUnits());
        assertTrue(e.caveats().contains(DifferenceInDifferences.UNITS_WITHOUT_DATA));
    }

    @Test
    void duplicateObservationsAreRejected() {
        List<Observation> obs = handDataset();
        obs.add(new Observation("Peelo", 2018, 61));
        assertThrows(IllegalArgumentException.class, () -> did.estimate(obs, HAND_TREATED));
        assertThrows(IllegalArgumentException.class, () -> Options.defaults().withWindows(0, 1));
    }

    /** 8 treated, 8 control, true effect -4, unit noise drawn once and scaled. */
    private static List<Observation> noisy(double scale) {
        Random random = new Random(42);
        List<Observation> obs = new ArrayList<>();
        for (int u = 0; u < 16; u++) {
            double level = 20 + u;
            for (int year = 2016; year <= 2023; year++) {
                double effect = u < 8 && year >= 2020 ? -4 : 0;
                double trend = 0.5 * (year - 2016);
                obs.add(new Observation("U" + u, year, level + trend + effect + scale * random.nextGaussian()));
            }
        }
        return obs;
    }

    private static Map<String, Integer> treatedHalf() {
        Map<String, Integer> treated = new java.util.HashMap<>();
        for (int u = 0; u < 8; u++) {
            treated.put("U" + u, 2020);
        }
        return treated;
    }
}
