package nl.preventiefonds.assessment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.persistence.annotations.BatchFetchType;
import org.eclipse.persistence.config.QueryHints;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.application.ApplicationQueries;
import nl.preventiefonds.application.ApplicationStatus;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.call.AssessmentCriterion;
import nl.preventiefonds.call.FundingCall;
import nl.preventiefonds.decision.BudgetLedger;
import nl.preventiefonds.decision.DecisionOutcome;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.AccountStatus;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.identity.UserAccount;
import nl.preventiefonds.platform.ConcurrentChangeException;
import nl.preventiefonds.platform.ConflictException;
import nl.preventiefonds.platform.Money;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.RoleNames;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * Assessment: officers assign reviewers (officers or decision makers); each reviewer declares
 * conflicts of interest before scoring, scores every criterion with a rationale and advises.
 */
@Stateless
@RolesAllowed({RoleNames.OFFICER, RoleNames.DECISION_MAKER})
public class AssessmentService {
    static final String SUBJECT = "Application";
    /** An average score shows two decimals, as ScoreCalculator's scores have. */
    private static final int SCORE_DECIMALS = 2;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy access;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    @Inject
    private BudgetLedger ledger;

    @Inject
    private ApplicationQueries applications;

    /** Staff who can review: active officers and decision makers of the caller's municipality. */
    public List<UserAccount> reviewerCandidates() {
        Caller caller = access.requireMunicipalStaff(Role.OFFICER, Role.DECISION_MAKER);
        return em.createQuery("SELECT u FROM UserAccount u WHERE u.role IN :roles AND u.status = :active"
                        + " AND u.municipality.id = :municipality ORDER BY u.displayName", UserAccount.class)
                .setParameter("roles", List.of(Role.OFFICER, Role.DECISION_MAKER))
                .setParameter("municipality", caller.municipalityId())
                .setParameter("active", AccountStatus.ACTIVE).getResultList();
    }

    @RolesAllowed(RoleNames.OFFICER)
    public List<Long> assign(long applicationId, List<Long> reviewerIds) {
        Caller caller = access.requireAnyRole(Role.OFFICER);
        Application application = inAssessment(caller, applicationId);
        List<Long> assigned = new ArrayList<>();
        for (Long reviewerId : reviewerIds) {
            UserAccount reviewer = em.find(UserAccount.class, reviewerId);
            // Reviewers work for the application's municipality: another municipality's staff never see it.
            if (reviewer == null || reviewer.getStatus() != AccountStatus.ACTIVE
                    || (reviewer.getRole() != Role.OFFICER && reviewer.getRole() != Role.DECISION_MAKER)
                    || reviewer.getMunicipality() == null
                    || !reviewer.getMunicipality().getId().equals(application.getMunicipalityId())) {
                throw new ValidationFailedException("assessment.reviewerInvalid");
            }
            if (existing(applicationId, reviewerId) == null) {
                ReviewAssignment assignment = new ReviewAssignment(application, reviewer, clock.instant(),
                        caller.email());
                try {
                    em.persist(assignment);
                    em.flush();
                } catch (PersistenceException e) {
                    // Another officer assigned the same reviewer at the same moment (the round robin picks the same
                    // least-loaded reviewers for both): said plainly, and nothing of this request stays.
                    if (ConcurrentChangeException.causedBy(e)) {
                        throw new ConcurrentChangeException("assessment.assignedMeanwhile");
                    }
                    throw e;
                }
                audit.record("REVIEWER_ASSIGNED", SUBJECT, applicationId, null,
                        "assignment=" + assignment.getId() + ", reviewer=" + reviewer.getEmail());
                assigned.add(assignment.getId());
            }
        }
        return assigned;
    }

    /** Assigns the given number of reviewers with the fewest unfinished reviews (fair rotation). */
    @RolesAllowed(RoleNames.OFFICER)
    public List<Long> assignRoundRobin(long applicationId, int count) {
        Application application = inAssessment(access.requireAnyRole(Role.OFFICER), applicationId);
        List<Object[]> load = em.createQuery("SELECT u.id, (SELECT COUNT(r) FROM ReviewAssignment r"
                        + " WHERE r.reviewer = u AND r.completedAt IS NULL) FROM UserAccount u"
                        + " WHERE u.role = :officer AND u.status = :active AND u.municipality.id = :municipality"
                        + " AND NOT EXISTS (SELECT r2 FROM"
                        + " ReviewAssignment r2 WHERE r2.reviewer = u AND r2.application.id = :app)"
                        + " ORDER BY 2, u.id", Object[].class)
                .setParameter("officer", Role.OFFICER).setParameter("active", AccountStatus.ACTIVE)
                .setParameter("municipality", application.getMunicipalityId()).setParameter("app", applicationId).setMaxResults(Math.max(1, count)).getResultList();
        if (load.isEmpty()) {
            throw new ValidationFailedException("assessment.noReviewersLeft");
        }
        return assign(applicationId, load.stream().map(row -> ((Number) row[0]).longValue()).toList());
    }

    /** The reviewer states whether they have a conflict of interest; a conflicted reviewer never scores. */
    public void declare(long assignmentId, boolean conflicted, String reason) {
        reason = nl.preventiefonds.platform.FreeText.withoutBidiControls(reason);
        ReviewAssignment assignment = mine(assignmentId);
        if (assignment.isDeclared()) {
            throw new ValidationFailedException("assessment.alreadyDeclared");
        }
        if (conflicted && (reason == null || reason.isBlank())) {
            throw new ValidationFailedException("assessment.conflictReasonRequired");
        }
        if (reason != null && reason.strip().length() > 1000) {
            throw ValidationFailedException.of("field.tooLong", "field.conflictReason", 1000);
        }
        assignment.declare(conflicted, conflicted ? reason.strip() : null, clock.instant());
        audit.record(conflicted ? "CONFLICT_DECLARED" : "NO_CONFLICT_DECLARED", SUBJECT,
                assignment.getApplication().getId(), null, "assignment=" + assignmentId + ", reviewer="
                        + assignment.getReviewer().getEmail() + (conflicted ? ", reason=" + reason.strip() : ""));
    }

    public record ScoreInput(int score, String rationale) implements Serializable {
    }

    /** Scores every criterion with a rationale and gives an advice; returns the weighted score. */
    public BigDecimal review(long assignmentId, Map<Long, ScoreInput> scores, DecisionOutcome advice,
                             BigDecimal advisedAmount, String reasons) {
        ReviewAssignment assignment = mine(assignmentId);
        if (!assignment.isDeclared()) {
            throw new ValidationFailedException("assessment.declareFirst");
        }
        if (assignment.isConflicted()) {
            throw new ValidationFailedException("assessment.conflicted");
        }
        if (assignment.isComplete()) {
            // A review is given once: its scores are what the ranking and the decision were based on.
            throw new ConflictException("assessment.alreadyReviewed");
        }
        Application application = assignment.getApplication();
        if (application.getStatus() != ApplicationStatus.IN_ASSESSMENT) {
            throw new ValidationFailedException("assessment.notInAssessment");
        }
        List<Problem> problems = new ArrayList<>();
        List<ReviewScore> rows = new ArrayList<>();
        List<ScoreCalculator.Weighted> weighted = new ArrayList<>();
        for (AssessmentCriterion criterion : application.getCall().getCriteria()) {
            ScoreInput input = scores.get(criterion.getId());
            if (input == null || input.score() < 0 || input.score() > 10) {
                problems.add(Problem.of("assessment.scoreRequired", criterion.getName()));
            } else if (nl.preventiefonds.platform.FreeText.clean(input.rationale()) == null) {
                problems.add(Problem.of("assessment.rationaleRequired", criterion.getName()));
            } else if (nl.preventiefonds.platform.FreeText.clean(input.rationale()).length() > 2000) {
                problems.add(Problem.of("field.tooLong", "field.rationale", 2000));
            } else {
                rows.add(new ReviewScore(assignment, criterion, input.score(), nl.preventiefonds.platform.FreeText.clean(input.rationale())));
                weighted.add(new ScoreCalculator.Weighted(criterion.getWeightPercent(), input.score()));
            }
        }
        if (advice == null) {
            problems.add(Problem.of("assessment.adviceRequired"));
        } else if (advice != DecisionOutcome.AWARD && (reasons == null || reasons.isBlank())) {
            problems.add(Problem.of("assessment.adviceReasonsRequired"));
        }
        if (advice == DecisionOutcome.PARTIAL_AWARD && (advisedAmount == null || advisedAmount.signum() <= 0
                || advisedAmount.compareTo(application.getRequestedAmount()) >= 0)) {
            problems.add(Problem.of("decision.partialBelowRequested", application.getRequestedAmount()));
        }
        if (!problems.isEmpty()) {
            throw ValidationFailedException.of(problems);
        }
        BigDecimal total = ScoreCalculator.weighted(weighted);
        BigDecimal amount = switch (advice) {
            case AWARD -> application.getRequestedAmount();
            case PARTIAL_AWARD -> Money.halfUp(advisedAmount).amount();
            case REJECT -> Money.ZERO.amount();
        };
        assignment.complete(rows, total, advice, amount, nl.preventiefonds.platform.FreeText.clean(reasons), clock.instant());
        em.flush();
        audit.record("REVIEW_COMPLETED", SUBJECT, application.getId(), null, assignment.auditSummary());
        return total;
    }

    public record RankedApplication(long applicationId, String reference, String title, String organisation,
                                    BigDecimal requested, BigDecimal score, int reviews, BigDecimal runningTotal,
                                    boolean fits) implements Serializable {
    }

    /**
     * {@code remaining} is what the call may still award: the year's rest, or the rest of the call's own budget
     * when that is lower; {@code callBudget} and {@code callCommitted} are null and zero without a call budget.
     */
    public record Ranking(long callId, String callTitle, BigDecimal remaining, BigDecimal yearRemaining,
                          BigDecimal callBudget, BigDecimal callCommitted, List<RankedApplication> rows)
            implements Serializable {
    }

    /**
     * The call's applications in assessment, best score first, with the running total of what they ask against
     * what the call may still award (its fund year's rest, capped by its own budget): where the money runs out.
     */
    public Ranking ranking(long callId) {
        Caller caller = access.requireAnyRole(Role.OFFICER, Role.DECISION_MAKER);
        FundingCall call = em.find(FundingCall.class, callId);
        if (call == null || !caller.worksFor(call.getFund().getMunicipality().getId())) {
            // Another municipality's call is as unknown as one that does not exist.
            throw new ValidationFailedException("call.notFound");
        }
        List<Object[]> scored = em.createQuery("SELECT a, (SELECT AVG(r.weightedScore) FROM ReviewAssignment r"
                        + " WHERE r.application = a AND r.completedAt IS NOT NULL AND r.conflictOfInterest = FALSE),"
                        + " (SELECT COUNT(r2) FROM ReviewAssignment r2 WHERE r2.application = a"
                        + " AND r2.completedAt IS NOT NULL AND r2.conflictOfInterest = FALSE)"
                        + " FROM Application a WHERE a.call.id = :call AND a.status = :status", Object[].class)
                .setParameter("call", callId).setParameter("status", ApplicationStatus.IN_ASSESSMENT)
                .getResultList();
        List<Object[]> sorted = new ArrayList<>(scored);
        sorted.sort(java.util.Comparator.<Object[], BigDecimal>comparing(row -> score(row[1]),
                java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder()))
                .thenComparing(row -> ((Application) row[0]).getSubmittedAt()));
        BudgetLedger.CallPosition position = ledger.position(callId);
        BigDecimal remaining = position.available();
        BigDecimal running = Money.ZERO.amount();
        List<RankedApplication> rows = new ArrayList<>();
        for (Object[] row : sorted) {
            Application application = (Application) row[0];
            running = running.add(application.getRequestedAmount());
            rows.add(new RankedApplication(application.getId(), application.getReference(), application.getTitle(),
                    application.getOrganisationName(), application.getRequestedAmount(), score(row[1]),
                    ((Number) row[2]).intValue(), running, running.compareTo(remaining) <= 0));
        }
        return new Ranking(callId, call.getTitle(), remaining, position.yearRemaining(), position.budget(),
                position.committed(), rows);
    }

    private static BigDecimal score(Object average) {
        return average == null ? null
                : new BigDecimal(average.toString()).setScale(SCORE_DECIMALS, java.math.RoundingMode.HALF_UP);
    }

    /** The reviews of an application, for staff of its municipality. */
    public List<ReviewAssignment> reviews(long applicationId) {
        access.requireAnyRole(Role.OFFICER, Role.DECISION_MAKER);
        applications.visible(applicationId);
        return reviewsOf(applicationId);
    }

    /**
     * What the application page shows of the assessment, for officers and decision makers: the reviews with their
     * reviewers, scores and advice; for an officer while the application is in assessment the staff who can review.
     */
    public record Section(List<ReviewAssignment> reviews, List<UserAccount> candidates) implements Serializable {
    }

    /** {@link Section} in one call: who may see the application is checked once. */
    public Section section(long applicationId) {
        Caller caller = access.requireAnyRole(Role.OFFICER, Role.DECISION_MAKER);
        Application application = applications.visible(applicationId);
        List<UserAccount> candidates = caller.is(Role.OFFICER)
                && application.getStatus() == ApplicationStatus.IN_ASSESSMENT ? reviewerCandidates() : List.of();
        return new Section(reviewsOf(applicationId), candidates);
    }

    /** The reviewers by a join, the scores of all reviews (and their criteria) in one statement each. */
    private List<ReviewAssignment> reviewsOf(long applicationId) {
        List<ReviewAssignment> reviews = em.createQuery("SELECT r FROM ReviewAssignment r JOIN FETCH r.reviewer"
                        + " WHERE r.application.id = :id ORDER BY r.id", ReviewAssignment.class)
                .setParameter("id", applicationId)
                .setHint(QueryHints.BATCH_TYPE, BatchFetchType.IN)
                .setHint(QueryHints.BATCH, "r.scores")
                .setHint(QueryHints.BATCH, "r.scores.criterion")
                .getResultList();
        reviews.forEach(r -> r.getScores().forEach(score -> score.getCriterion()));
        return reviews;
    }

    /** Open reviews of the caller. */
    public List<OpenReview> myOpenReviews() {
        Caller caller = access.requireAnyRole(Role.OFFICER, Role.DECISION_MAKER);
        return em.createQuery("SELECT NEW nl.preventiefonds.assessment.OpenReview(a.id, a.reference, a.title,"
                        + " r.conflictOfInterest) FROM ReviewAssignment r JOIN r.application a"
                        + " WHERE r.reviewer.id = :me AND a.municipalityId = :municipality AND r.completedAt IS NULL"
                        + " AND (r.conflictOfInterest IS NULL OR r.conflictOfInterest = FALSE) ORDER BY r.assignedAt, r.id",
                        OpenReview.class)
                .setParameter("me", caller.userId()).setParameter("municipality", caller.municipalityId())
                .setMaxResults(200).getResultList();
    }

    private ReviewAssignment mine(long assignmentId) {
        Caller caller = access.requireAnyRole(Role.OFFICER, Role.DECISION_MAKER);
        ReviewAssignment assignment = em.find(ReviewAssignment.class, assignmentId, LockModeType.PESSIMISTIC_WRITE);
        if (assignment == null || !assignment.getReviewer().getId().equals(caller.userId())
                || !caller.worksFor(assignment.getApplication().getMunicipalityId())) {
            // Someone else's review, or one of a municipality the reviewer no longer works for, looks like none.
            throw new ValidationFailedException("assessment.notFound");
        }
        return assignment;
    }

    private ReviewAssignment existing(long applicationId, long reviewerId) {
        return em.createQuery("SELECT r FROM ReviewAssignment r WHERE r.application.id = :app AND r.reviewer.id = :rev",
                        ReviewAssignment.class).setParameter("app", applicationId).setParameter("rev", reviewerId)
                .getResultList().stream().findFirst().orElse(null);
    }

    private Application inAssessment(Caller caller, long applicationId) {
        Application application = em.find(Application.class, applicationId);
        if (application == null || !caller.worksFor(application.getMunicipalityId())) {
            throw new ValidationFailedException("application.notFound");
        }
        if (application.getStatus() != ApplicationStatus.IN_ASSESSMENT) {
            throw new ValidationFailedException("assessment.notInAssessment");
        }
        return application;
    }
}
