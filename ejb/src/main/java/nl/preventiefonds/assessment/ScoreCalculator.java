package nl.preventiefonds.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Weighted scores: each criterion's 0-10 score times its weight in percent, summed, on 0-10. */
public final class ScoreCalculator {
    private ScoreCalculator() {
    }

    public record Weighted(int weightPercent, int score) {
    }

    /** Weights must sum to 100 (the call's rules guarantee it); the result has 2 decimals. */
    public static BigDecimal weighted(List<Weighted> scores) {
        int weightSum = scores.stream().mapToInt(Weighted::weightPercent).sum();
        if (weightSum != 100) {
            throw new IllegalArgumentException("weights sum to " + weightSum + ", not 100");
        }
        long total = 0;
        for (Weighted s : scores) {
            if (s.score() < 0 || s.score() > 10) {
                throw new IllegalArgumentException("score out of range: " + s.score());
            }
            total += (long) s.weightPercent() * s.score();
        }
        return BigDecimal.valueOf(total).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    /** The application's score: the mean of its completed, unconflicted reviews; null when none. */
    public static BigDecimal mean(List<BigDecimal> reviewScores) {
        if (reviewScores.isEmpty()) {
            return null;
        }
        BigDecimal sum = reviewScores.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(reviewScores.size()), 2, RoundingMode.HALF_UP);
    }
}
