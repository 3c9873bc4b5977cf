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
}
