package nl.preventiefonds.demo;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.application.ApplicationForm;
import nl.preventiefonds.application.ApplicationService;
import nl.preventiefonds.application.IntakeService;
import nl.preventiefonds.assessment.AssessmentService;
import nl.preventiefonds.call.AssessmentCriterion;
import nl.preventiefonds.decision.DecisionForm;
import nl.preventiefonds.decision.DecisionOutcome;
import nl.preventiefonds.decision.DecisionService;
import nl.preventiefonds.determination.DeterminationForm;
import nl.preventiefonds.determination.DeterminationService;
import nl.preventiefonds.identity.UserAccount;
import nl.preventiefonds.monitoring.ReportForm;
import nl.preventiefonds.monitoring.ReportPurpose;
import nl.preventiefonds.monitoring.ReportQueries;
import nl.preventiefonds.monitoring.ReportRequest;
import nl.preventiefonds.monitoring.ReportReview;
import nl.preventiefonds.monitoring.ReportSubmission;
import nl.preventiefonds.monitoring.ReviewOutcome;
import nl.preventiefonds.payment.PaymentInstruction;
import nl.preventiefonds.payment.PaymentService;
import nl.preventiefonds.payment.PaymentStatus;
import nl.preventiefonds.payment.Reclaim;
import nl.preventiefonds.platform.AdjustableClock;
import nl.preventiefonds.platform.Amsterdam;

/**
 * The steps of a grant's life as the users take them on the screens, each through the service the page calls, as the
 * account that takes it (a {@link DemoActor}) and on the day it happened ({@link AdjustableClock#at}): the organiser
 * applies and reports, the officer takes the intake, reviews, accepts reports and determines, the decision maker
 * decides, the fund manager pays and books repayments. Reads (ids to act on) go straight to the database.
 */
@Dependent
class DemoSteps {
    @PersistenceContext
    private EntityManager em;

    @Inject
    private ApplicationService applications;

    @Inject
    private IntakeService intake;

    @Inject
    private AssessmentService assessments;

    @Inject
    private DecisionService decisions;

    @Inject
    private PaymentService payments;

    @Inject
    private ReportQueries reportQueries;

    @Inject
    private ReportSubmission reportSubmission;

    @Inject
    private ReportReview reportReview;

    @Inject
    private DeterminationService determinations;

    @Inject
    AssenDemo fundManager;

    @Inject
    AssenOfficerActor officer;

    @Inject
    AssenDecisionMakerActor decisionMaker;

    @Inject
    AssenOrganiserActor organiser;

    @Inject
    InstallationAdminActor installationAdmin;

    @Inject
    private KloosterveenActor kloosterveen;

    @Inject
    private MarsdijkActor marsdijk;

    @Inject
    private SchuldHulpMaatjeActor schuldHulpMaatje;

    @Inject
    private JongPitteloActor jongPittelo;

    @Inject
    private LariksActor lariks;

    @Inject
    private MantelzorgActor mantelzorg;

    /** The actor of one of Assen's organisations by its contact's address ({@link AssenGrants#ORGANISATIONS}). */
    DemoActor organiser(String email) {
        Map<String, DemoActor> byEmail = new HashMap<>();
        for (DemoActor actor : List.of(kloosterveen, marsdijk, schuldHulpMaatje, jongPittelo, lariks, mantelzorg,
                organiser)) {
            byEmail.put(actor.email(), actor);
        }
        DemoActor actor = byEmail.get(email);
        if (actor == null) {
            throw new IllegalArgumentException("no demo actor for " + email);
        }
        return actor;
    }

    /** What {@code who} does at {@code when}, through the services. */
    static <T> T at(Instant when, DemoActor who, Supplier<T> step) {
        return AdjustableClock.at(when, () -> who.act(step));
    }

    static void at(Instant when, DemoActor who, Runnable step) {
        at(when, who, () -> {
            step.run();
            return null;
        });
    }

    /** A moment of a day in Amsterdam. */
    static Instant on(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(Amsterdam.ZONE).toInstant();
    }

    /** The organiser starts a draft an hour before {@code at} and fills it in; answers the application's id. */
    long draft(DemoActor who, long callId, ApplicationForm form, Instant at) {
        return at(at.minusSeconds(3600), who, () -> {
            long id = applications.startDraft(callId);
            form.setId(id);
            form.setVersion(applications.load(id).getVersion());
            applications.saveDraft(form);
            return id;
        });
    }

    /** Drafted and submitted at {@code at}; answers the application's id. */
    long submit(DemoActor who, long callId, ApplicationForm form, Instant at) {
        long id = draft(who, callId, form, at);
        at(at, who, () -> applications.submit(id));
        return id;
    }

    void completeIntake(long applicationId, Instant at) {
        at(at, officer, () -> intake.completeIntake(applicationId));
    }

    void requestInformation(long applicationId, String message, Instant at) {
        at(at, officer, () -> intake.requestInformation(applicationId, message,
                LocalDate.ofInstant(at, Amsterdam.ZONE).plusWeeks(3)));
    }

    void withdraw(DemoActor who, long applicationId, String reason, Instant at) {
        at(at, who, () -> applications.withdraw(applicationId, reason));
    }

    /** The officer assigns the review to themself, declares no conflict and scores every criterion (8s and 7s). */
    void review(long applicationId, Instant at) {
        long officerId = account(officer.email()).getId();
        Application application = em.find(Application.class, applicationId);
        Map<Long, AssessmentService.ScoreInput> scores = new HashMap<>();
        int score = 8;
        for (AssessmentCriterion criterion : application.getCall().getCriteria()) {
            scores.put(criterion.getId(), new AssessmentService.ScoreInput(score, "Sterk punt: past goed bij de wijk."));
            score = score == 8 ? 7 : 8;
        }
        at(at, officer, () -> {
            long assignment = assessments.assign(applicationId, List.of(officerId)).get(0);
            assessments.declare(assignment, false, null);
            assessments.review(assignment, scores, DecisionOutcome.AWARD, null, null);
        });
    }

    /** The decision maker awards what was asked, this share in advance; answers the decision's id. */
    long award(long applicationId, int advancePercent, Instant at) {
        DecisionForm form = new DecisionForm();
        form.setOutcome(DecisionOutcome.AWARD);
        form.setReasons("Het initiatief past goed bij de doelen van het fonds.");
        form.setObligations("Vermeld de steun van de gemeente in uw communicatie.");
        form.setAdvancePercent(advancePercent);
        return at(at, decisionMaker, () -> decisions.decide(applicationId, form).decisionId());
    }

    /**
     * The fund manager books the payments due by {@code until} as paid, each the day before it fell due (or
     * {@code daysEarly} days before), as on the payments page.
     */
    void payDue(long applicationId, LocalDate until, int daysEarly) {
        List<PaymentInstruction> due = at(on(until, 9, 0), fundManager, () -> payments.forApplication(applicationId));
        for (PaymentInstruction payment : due) {
            if (payment.getStatus() == PaymentStatus.DUE && !payment.getDueOn().isAfter(until)) {
                LocalDate paidOn = payment.getDueOn().minusDays(daysEarly);
                at(on(paidOn, 15, 0), fundManager, () -> payments.markPaid(payment.getId(), paidOn,
                        "DEMO-" + payment.getDueOn()));
            }
        }
    }

    /**
     * The organiser files every report of its own that is asked for (partners' requests are theirs), the progress
     * reports three days before they are due, the final report at {@code finalAt}, with {@code participants} per
     * activity; the officer accepts each a week later.
     */
    void reportAll(DemoActor who, long applicationId, int participants, Instant finalAt) {
        List<ReportRequest> requests = at(finalAt, who, () -> reportQueries.requestsFor(applicationId)).stream()
                .filter(r -> r.getPartner() == null).toList();
        for (ReportRequest request : requests) {
            boolean last = request.getPurpose() == ReportPurpose.FINAL;
            Instant filed = last ? finalAt : on(request.getDueOn().minusDays(3), 16, 0);
            long reportId = at(filed, who, () -> {
                ReportForm form = reportQueries.blankForm(request.getId());
                form.setNarrative(last ? "Alle bijeenkomsten gingen door; de groep is na afloop zelfstandig"
                        + " verdergegaan." : "De activiteiten lopen volgens plan; er komen steeds meer"
                        + " buurtbewoners.");
                form.getActivities().forEach(a -> {
                    int reached = last ? participants : Math.max(1, participants * 2 / 3);
                    a.setParticipants(reached);
                    a.setSessions(Math.max(1, reached / 2));
                    a.setVolunteers(4);
                });
                if (last) {
                    form.getIndicators().add(new ReportForm.Indicator("Deelnemers die zich minder eenzaam voelen (%)",
                            new BigDecimal("58.00")));
                }
                return reportSubmission.submit(request.getId(), form);
            });
            at(filed.plusSeconds(7 * 24 * 3600), officer, () -> reportReview.review(reportId, ReviewOutcome.ACCEPTED,
                    null, null));
        }
    }

    /** The officer determines the grant at {@code amount}; reasons when it is lower. */
    void determine(long applicationId, BigDecimal amount, String reasons, Instant at) {
        at(at, officer, () -> determinations.determine(applicationId, new DeterminationForm(amount, reasons)));
    }

    /** The fund manager books the whole reclaim as paid back on {@code on}. */
    void repay(long applicationId, LocalDate on) {
        at(on(on, 11, 0), fundManager, () -> {
            Reclaim reclaim = payments.reclaimForApplication(applicationId);
            payments.recordRepayment(reclaim.getId(), reclaim.getOutstanding(), on, "DEMO-TERUG");
        });
    }

    UserAccount account(String email) {
        return em.createQuery("SELECT u FROM UserAccount u WHERE u.email = :email", UserAccount.class)
                .setParameter("email", email).getSingleResult();
    }
}
