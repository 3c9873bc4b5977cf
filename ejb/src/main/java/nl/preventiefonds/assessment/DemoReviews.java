package nl.preventiefonds.assessment;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.call.AssessmentCriterion;
import nl.preventiefonds.decision.DecisionOutcome;
import nl.preventiefonds.identity.UserAccount;

/** A completed demo review, for the demo world only (never production). */
public final class DemoReviews {
    private DemoReviews() {
    }

    public static void seed(EntityManager em, Application application, UserAccount reviewer, Instant now) {
        ReviewAssignment assignment = new ReviewAssignment(application, reviewer, now, reviewer.getEmail());
        assignment.declare(false, null, now);
        List<ReviewScore> scores = new ArrayList<>();
        List<ScoreCalculator.Weighted> weighted = new ArrayList<>();
        int score = 8;
        for (AssessmentCriterion criterion : application.getCall().getCriteria()) {
            scores.add(new ReviewScore(assignment, criterion, score, "Sterk punt: past goed bij de wijk."));
            weighted.add(new ScoreCalculator.Weighted(criterion.getWeightPercent(), score));
            score = score == 8 ? 7 : 8;
        }
        assignment.complete(scores, ScoreCalculator.weighted(weighted), DecisionOutcome.AWARD,
                application.getRequestedAmount(), null, now);
        em.persist(assignment);
    }
}
