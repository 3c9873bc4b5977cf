package nl.preventiefonds.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import nl.preventiefonds.call.AssessmentCriterion;
import java.io.Serializable;

/** A score from 0 to 10 on one criterion, always with the reviewer's rationale. */
@Entity
@Table(name = "review_score")
public class ReviewScore implements Serializable {
    private static final long serialVersionUID = 1L;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "assignment_id", nullable = false)
    private ReviewAssignment assignment;

    @ManyToOne(optional = false)
    @JoinColumn(name = "criterion_id", nullable = false)
    private AssessmentCriterion criterion;

    @Column(nullable = false)
    private int score;

    @Column(nullable = false, length = 2000)
    private String rationale;

    protected ReviewScore() {
    }

    ReviewScore(ReviewAssignment assignment, AssessmentCriterion criterion, int score, String rationale) {
        this.assignment = assignment;
        this.criterion = criterion;
        this.score = score;
        this.rationale = rationale;
    }

    public Long getId() {
        return id;
    }

    public AssessmentCriterion getCriterion() {
        return criterion;
    }

    public int getScore() {
        return score;
    }

    public String getRationale() {
        return rationale;
    }
}
