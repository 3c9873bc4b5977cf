package nl.preventiefonds.assessment;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.decision.DecisionOutcome;
import nl.preventiefonds.identity.UserAccount;

/** One reviewer on one application: the conflict declaration, the scores and the advice. */
@Entity
@Table(name = "review_assignment")
public class ReviewAssignment implements Serializable {
    private static final long serialVersionUID = 1L;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "application_id", nullable = false)
    private Application application;

    @ManyToOne(optional = false)
    @JoinColumn(name = "reviewer_id", nullable = false)
    private UserAccount reviewer;

    @Column(name = "assigned_at", nullable = false)
    private Instant assignedAt;

    @Column(name = "assigned_by", nullable = false, length = 254)
    private String assignedBy;

    @Column(name = "conflict_of_interest")
    private Boolean conflictOfInterest;

    @Column(name = "conflict_reason", length = 1000)
    private String conflictReason;

    @Column(name = "declared_at")
    private Instant declaredAt;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private DecisionOutcome advice;

    @Column(name = "advised_amount", precision = 15, scale = 2)
    private BigDecimal advisedAmount;

    @Column(name = "advice_reasons", length = 4000)
    private String adviceReasons;

    @Column(name = "weighted_score", precision = 5, scale = 2)
    private BigDecimal weightedScore;

    @Column(name = "completed_at")
    private Instant completedAt;

    @OneToMany(mappedBy = "assignment", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<ReviewScore> scores = new ArrayList<>();

    @Version
    private long version;

    protected ReviewAssignment() {
    }

    ReviewAssignment(Application application, UserAccount reviewer, Instant assignedAt, String assignedBy) {
        this.application = application;
        this.reviewer = reviewer;
        this.assignedAt = assignedAt;
        this.assignedBy = assignedBy;
    }

    void declare(boolean conflicted, String reason, Instant now) {
        conflictOfInterest = conflicted;
        conflictReason = reason;
        declaredAt = now;
    }

    void complete(List<ReviewScore> newScores, BigDecimal weighted, DecisionOutcome newAdvice, BigDecimal amount,
                  String reasons, Instant now) {
        scores.clear();
        scores.addAll(newScores);
        weightedScore = weighted;
        advice = newAdvice;
        advisedAmount = amount;
        adviceReasons = reasons;
        completedAt = now;
    }

    public boolean isDeclared() {
        return conflictOfInterest != null;
    }

    public boolean isConflicted() {
        return Boolean.TRUE.equals(conflictOfInterest);
    }

    public boolean isComplete() {
        return completedAt != null;
    }

    public String auditSummary() {
        return "reviewer=" + reviewer.getEmail() + ", conflict=" + conflictOfInterest + ", advice=" + advice
                + ", amount=" + advisedAmount + ", score=" + weightedScore;
    }

    public Long getId() {
        return id;
    }

    public Application getApplication() {
        return application;
    }

    public UserAccount getReviewer() {
        return reviewer;
    }

    public Instant getAssignedAt() {
        return assignedAt;
    }

    public String getAssignedBy() {
        return assignedBy;
    }

    public Boolean getConflictOfInterest() {
        return conflictOfInterest;
    }

    public String getConflictReason() {
        return conflictReason;
    }

    public Instant getDeclaredAt() {
        return declaredAt;
    }

    public DecisionOutcome getAdvice() {
        return advice;
    }

    public BigDecimal getAdvisedAmount() {
        return advisedAmount;
    }

    public String getAdviceReasons() {
        return adviceReasons;
    }

    public BigDecimal getWeightedScore() {
        return weightedScore;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public List<ReviewScore> getScores() {
        return List.copyOf(scores);
    }
}
