package nl.preventiefonds.assessment.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.application.ApplicationStatus;
import nl.preventiefonds.application.web.ApplicationViewBean;
import nl.preventiefonds.assessment.AssessmentService;
import nl.preventiefonds.assessment.ReviewAssignment;
import nl.preventiefonds.call.AssessmentCriterion;
import nl.preventiefonds.decision.DecisionOutcome;
import nl.preventiefonds.identity.UserAccount;
import nl.preventiefonds.platform.web.FormatBean;
import nl.preventiefonds.platform.web.Messages;

/**
 * The assessment part of the application page (staff only): the reviews, assigning reviewers
 * (officers), and the logged-in reviewer's own conflict declaration, scores and advice.
 */
@Named("assessmentView")
@ViewScoped
public class AssessmentViewBean implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Reviewers the round robin button assigns. */
    static final int ROUND_ROBIN_COUNT = 2;

    @Inject
    private AssessmentService assessment;

    @Inject
    private ApplicationViewBean applicationView;

    private Long id;
    private List<ReviewAssignment> reviews = List.of();
    private List<UserAccount> candidates = List.of();
    private boolean loaded;

    // Assignment (officer)
    private List<Long> selectedReviewers = new ArrayList<>();

    // Declaration (reviewer)
    private Boolean conflicted;
    private String conflictReason;

    // Review (reviewer)
    private Long formForAssignment;
    private List<ScoreRow> scores = new ArrayList<>();
    private DecisionOutcome advice;
    private BigDecimal advisedAmount;
    private String adviceReasons;

    /** One criterion on the scoring form. */
    public static class ScoreRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long criterionId;
        private final String name;
        private final String description;
        private final int weightPercent;
        private Integer score;
        private String rationale;

        ScoreRow(AssessmentCriterion criterion) {
            criterionId = criterion.getId();
            name = criterion.getName();
            description = criterion.getDescription();
            weightPercent = criterion.getWeightPercent();
        }

        public long getCriterionId() {
            return criterionId;
        }

        public String getName() {
            return name;
        }

        public String getDescription() {
            return description;
        }

        public int getWeightPercent() {
            return weightPercent;
        }

        public Integer getScore() {
            return score;
        }

        public void setScore(Integer score) {
            this.score = score;
        }

        public String getRationale() {
            return rationale;
        }

        public void setRationale(String rationale) {
            this.rationale = rationale;
        }
    }

    /** The assessment part of the page, as the case file read it; null for those who do not see it. */
    public void show(AssessmentService.Section section) {
        if (section == null) {
            reviews = List.of();
            candidates = List.of();
            loaded = false;
            return;
        }
        id = applicationView.getId();
        reviews = section.reviews();
        candidates = section.candidates();
        loaded = true;
        ReviewAssignment mine = getMyAssignment();
        if (mine != null && !mine.getId().equals(formForAssignment)) {
            formForAssignment = mine.getId();
            scores = new ArrayList<>();
            for (AssessmentCriterion criterion : application().getCall().getCriteria()) {
                scores.add(new ScoreRow(criterion));
            }
        }
    }

    private String reload() {
        Messages.keepForRedirect();
        return "/applications/view?faces-redirect=true&id=" + id;
    }

    public String assignSelected() {
        List<Long> added = assessment.assign(id, selectedReviewers);
        Messages.info("assessment.assigned", added.size());
        return reload();
    }

    public String assignRoundRobin() {
        List<Long> added = assessment.assignRoundRobin(id, ROUND_ROBIN_COUNT);
        Messages.info("assessment.assigned", added.size());
        return reload();
    }

    public String declare() {
        ReviewAssignment mine = getMyAssignment();
        if (mine == null) {
            return null;
        }
        if (conflicted == null) {
            Messages.error(null, "assessment.declarationRequired");
            return null;
        }
        assessment.declare(mine.getId(), conflicted, conflictReason);
        Messages.info(conflicted ? "assessment.conflictDeclared" : "assessment.noConflictDeclared");
        return reload();
    }

    public String submitReview() {
        ReviewAssignment mine = getMyAssignment();
        if (mine == null) {
            return null;
        }
        Map<Long, AssessmentService.ScoreInput> input = new LinkedHashMap<>();
        for (ScoreRow row : scores) {
            if (row.getScore() != null) {
                input.put(row.getCriterionId(), new AssessmentService.ScoreInput(row.getScore(), row.getRationale()));
            }
        }
        BigDecimal total = assessment.review(mine.getId(), input, advice,
                advice == DecisionOutcome.PARTIAL_AWARD ? advisedAmount : null, adviceReasons);
        Messages.info("assessment.reviewSaved", formatScore(total));
        return reload();
    }

    /** The weighted total of what has been scored so far, on 0-10 with two decimals. */
    public BigDecimal getWeightedTotal() {
        long total = 0;
        for (ScoreRow row : scores) {
            if (row.getScore() != null) {
                total += (long) row.getWeightPercent() * row.getScore();
            }
        }
        return BigDecimal.valueOf(total).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    public String getWeightedTotalText() {
        return formatScore(getWeightedTotal());
    }

    public boolean isAllScored() {
        return scores.stream().allMatch(row -> row.getScore() != null);
    }

    /** A score with two decimals in the page's language: "7,45". */
    public String formatScore(BigDecimal score) {
        return FormatBean.decimals(score, FacesContext.getCurrentInstance().getViewRoot().getLocale(), 2, 2);
    }

    public DecisionOutcome[] getOutcomes() {
        return DecisionOutcome.values();
    }

    private Application application() {
        return applicationView.getApplication();
    }

    private static boolean inRole(String role) {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(role);
    }

    public boolean isStaff() {
        return isOfficer() || inRole("decision-maker");
    }

    public boolean isOfficer() {
        return inRole("officer");
    }

    public boolean isInAssessment() {
        return application() != null && application().getStatus() == ApplicationStatus.IN_ASSESSMENT;
    }

    /** The assessment section: staff, once the application reached assessment. */
    public boolean isVisible() {
        return loaded && application() != null && (isInAssessment() || !reviews.isEmpty());
    }

    public boolean isMayAssign() {
        return loaded && isOfficer() && isInAssessment();
    }

    /** The logged-in user's own assignment on this application, if any. */
    public ReviewAssignment getMyAssignment() {
        String me = FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
        if (me == null) {
            return null;
        }
        return reviews.stream().filter(r -> r.getReviewer().getEmail().equalsIgnoreCase(me)).findFirst().orElse(null);
    }

    public boolean isMustDeclare() {
        ReviewAssignment mine = getMyAssignment();
        return mine != null && isInAssessment() && !mine.isDeclared();
    }

    public boolean isMayReview() {
        ReviewAssignment mine = getMyAssignment();
        return mine != null && isInAssessment() && mine.isDeclared() && !mine.isConflicted() && !mine.isComplete();
    }

    public boolean isPartialAdvice() {
        return advice == DecisionOutcome.PARTIAL_AWARD;
    }

    public List<ReviewAssignment> getReviews() {
        return reviews;
    }

    public List<UserAccount> getCandidates() {
        return candidates;
    }

    public List<Long> getSelectedReviewers() {
        return selectedReviewers;
    }

    public void setSelectedReviewers(List<Long> selectedReviewers) {
        this.selectedReviewers = selectedReviewers == null ? new ArrayList<>() : selectedReviewers;
    }

    public Boolean getConflicted() {
        return conflicted;
    }

    public void setConflicted(Boolean conflicted) {
        this.conflicted = conflicted;
    }

    public String getConflictReason() {
        return conflictReason;
    }

    public void setConflictReason(String conflictReason) {
        this.conflictReason = conflictReason;
    }

    public List<ScoreRow> getScores() {
        return scores;
    }

    public DecisionOutcome getAdvice() {
        return advice;
    }

    public void setAdvice(DecisionOutcome advice) {
        this.advice = advice;
    }

    public BigDecimal getAdvisedAmount() {
        return advisedAmount;
    }

    public void setAdvisedAmount(BigDecimal advisedAmount) {
        this.advisedAmount = advisedAmount;
    }

    public String getAdviceReasons() {
        return adviceReasons;
    }

    public void setAdviceReasons(String adviceReasons) {
        this.adviceReasons = adviceReasons;
    }
}
