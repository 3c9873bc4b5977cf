package nl.preventiefonds.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import nl.preventiefonds.assessment.ScoreCalculator.Weighted;
import org.junit.jupiter.api.Test;

class ScoreCalculatorTest {

    @Test
    void weightsTimesScoresOnATenPointScale() {
        // (8*40 + 6*25 + 10*20 + 5*15) / 100 = 7.45
        assertEquals(new BigDecimal("7.45"), ScoreCalculator.weighted(List.of(new Weighted(40, 8), new Weighted(25, 6),
                new Weighted(20, 10), new Weighted(15, 5))));
        assertEquals(new BigDecimal("10.00"), ScoreCalculator.weighted(List.of(new Weighted(100, 10))));
        assertEquals(new BigDecimal("0.00"), ScoreCalculator.weighted(List.of(new Weighted(50, 0), new Weighted(50, 0))));
        // (7*33 + 7*33 + 8*34) / 100 = 7.34
        assertEquals(new BigDecimal("7.34"), ScoreCalculator.weighted(List.of(new Weighted(33, 7), new Weighted(33, 7),
                new Weighted(34, 8))));
    }

    @Test
    void refusesWeightsThatDoNotSumToAHundredAndScoresOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> ScoreCalculator.weighted(List.of(new Weighted(90, 5))));
        assertThrows(IllegalArgumentException.class, () -> ScoreCalculator.weighted(List.of(new Weighted(100, 11))));
        assertThrows(IllegalArgumentException.class, () -> ScoreCalculator.weighted(List.of(new Weighted(100, -1))));
    }

    @Test
    void theApplicationScoreIsTheMeanOfItsReviews() {
        assertEquals(new BigDecimal("7.73"), ScoreCalculator.mean(List.of(new BigDecimal("7.45"),
                new BigDecimal("8.00"))));
        assertNull(ScoreCalculator.mean(List.of()));
    }

    @Test
    void scoresFromZeroToTenAreTheLimits() {
        assertEquals(new BigDecimal("0.00"), ScoreCalculator.weighted(List.of(new Weighted(100, 0))));
        assertEquals(new BigDecimal("10.00"), ScoreCalculator.weighted(List.of(new Weighted(99, 10), new Weighted(1, 10))));
        // the smallest step: one point on a one-percent criterion
        assertEquals(new BigDecimal("0.01"), ScoreCalculator.weighted(List.of(new Weighted(99, 0), new Weighted(1, 1))));
        assertEquals(new BigDecimal("9.99"), ScoreCalculator.weighted(List.of(new Weighted(99, 10), new Weighted(1, 9))));
        IllegalArgumentException eleven = assertThrows(IllegalArgumentException.class,
                () -> ScoreCalculator.weighted(List.of(new Weighted(99, 10), new Weighted(1, 11))));
        assertEquals("score out of range: 11", eleven.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ScoreCalculator.weighted(List.of(new Weighted(1, -1), new Weighted(99, 0))));
    }

    @Test
    void weightsMustSumToExactlyAHundred() {
        IllegalArgumentException under = assertThrows(IllegalArgumentException.class,
                () -> ScoreCalculator.weighted(List.of(new Weighted(50, 5), new Weighted(49, 5))));
        assertEquals("weights sum to 99, not 100", under.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ScoreCalculator.weighted(List.of(new Weighted(50, 5), new Weighted(51, 5))));
        assertThrows(IllegalArgumentException.class, () -> ScoreCalculator.weighted(List.of()));
    }

    @Test
    void theMeanRoundsHalfUpToCents() {
        // 7.005 rounds up to 7.01; 7.0033 down to 7.00 and 7.0067 up to 7.01
        assertEquals(new BigDecimal("7.01"), ScoreCalculator.mean(List.of(new BigDecimal("7.00"), new BigDecimal("7.01"))));
        assertEquals(new BigDecimal("7.00"), ScoreCalculator.mean(List.of(new BigDecimal("7.00"), new BigDecimal("7.00"),
                new BigDecimal("7.01"))));
        assertEquals(new BigDecimal("7.01"), ScoreCalculator.mean(List.of(new BigDecimal("7.00"), new BigDecimal("7.01"),
                new BigDecimal("7.01"))));
        assertEquals(new BigDecimal("6.50"), ScoreCalculator.mean(List.of(new BigDecimal("6.5"))));
        assertEquals(new BigDecimal("10.00"), ScoreCalculator.mean(List.of(new BigDecimal("10.00"),
                new BigDecimal("10.00"), new BigDecimal("10.00"))));
    }
}
