package nl.preventiefonds.decision;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.application.ApplicationQueries;
import nl.preventiefonds.application.ApplicationStatus;
import nl.preventiefonds.application.IssuedDocument;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.calendar.StatutoryCalendar;
import nl.preventiefonds.call.FundingCall;
import nl.preventiefonds.call.ReportKind;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.identity.UserAccount;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.municipality.MunicipalityLogo;
import nl.preventiefonds.notification.Outbox;
import nl.preventiefonds.template.LetterTemplates;
import nl.preventiefonds.template.LetterText;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.ConflictException;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.RoleNames;
import nl.preventiefonds.platform.RoleRequiredException;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * Decisions (beschikkingen): four-eyes, the budget commitment, the letter and the mail, in one
 * transaction. A refused decision leaves nothing behind.
 */
@Stateless
@RolesAllowed(RoleNames.DECISION_MAKER)
public class DecisionService {
    static final String SUBJECT = "Application";
    /** Reports are due this long after the activities end. */
    static final int REPORT_WEEKS_AFTER_END = 13;
    static final int ADVANCE_DUE_DAYS = 14;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy access;

    @Inject
    private AuditTrail audit;

    @Inject
    private Outbox outbox;

    @Inject
    private StatutoryCalendar calendar;

    @Inject
    private BudgetLedger ledger;

    @Inject
    private Event<GrantAwarded> awarded;

    @Inject
    private Event<DecisionReplaced> replaced;

    @Inject
    private Clock clock;

    @Inject
    private ApplicationQueries queries;

    public record DecisionResult(long decisionId, DecisionOutcome outcome, BigDecimal amount, long letterId,
                         BigDecimal remainingAfter) implements Serializable {
    }

    public DecisionResult decide(long applicationId, DecisionForm form) {
        Caller caller = access.requireAnyRole(Role.DECISION_MAKER);
        Application application = em.find(Application.class, applicationId, LockModeType.PESSIMISTIC_WRITE);
        // No refresh after it: EclipseLink reads a pessimistically locked find from the database (and there is no
        // shared cache), so a refresh only repeated the select and cascaded to the activities and budget lines.
        if (application == null) {
            throw new ValidationFailedException("application.notFound");
        }
        // Another municipality's application is as unknown as one that does not exist.
        AccessPolicy.requireOwnMunicipality(caller, application.getMunicipalityId(), "application.notFound");
        if (application.getStatus() != ApplicationStatus.IN_ASSESSMENT) {
            throw new ValidationFailedException(application.getStatus().hasDecision() ? "decision.alreadyDecided"
                    : "decision.notInAssessment");
        }
        long ownReviews = em.createQuery("SELECT COUNT(r) FROM ReviewAssignment r WHERE r.application.id = :app"
                        + " AND r.reviewer.id = :me", Long.class)
                .setParameter("app", applicationId).setParameter("me", caller.userId()).getSingleResult();
        if (ownReviews > 0) {
            throw new ValidationFailedException("decision.fourEyes");
        }
        long advices = em.createQuery("SELECT COUNT(r) FROM ReviewAssignment r WHERE r.application.id = :app"
                        + " AND r.completedAt IS NOT NULL AND r.conflictOfInterest = FALSE", Long.class)
                .setParameter("app", applicationId).getSingleResult();
        if (advices == 0) {
            throw new ValidationFailedException("decision.noAdvice");
        }
        List<Problem> problems = DecisionRules.check(form, application.getRequestedAmount(),
                LocalDate.ofInstant(clock.instant(), Amsterdam.ZONE));
        if (!problems.isEmpty()) {
            throw ValidationFailedException.of(problems);
        }
        FundingCall call = application.getCall();
        if (call.getBudgetYear() == null) {
            throw new ValidationFailedException("decision.noBudgetYear");
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Amsterdam.ZONE);
        DecisionOutcome outcome = form.getOutcome();
        BigDecimal amount = DecisionRules.grantedAmount(form, application.getRequestedAmount());
        ReportKind reportKind = outcome.grantsMoney()
                ? call.reportRequiredFor(amount).orElse(ReportKind.ACTIVITY_REPORT) : null;
        LocalDate reportDue = reportKind == null || reportKind == ReportKind.NONE ? null
                : reportDue(application, today);
        UserAccount decider = em.find(UserAccount.class, caller.userId());

        GrantDecision decision = new GrantDecision(application, call.getFund(), call.getBudgetYear(), outcome, amount,
                clean(form.getReasons()), clean(form.getObligations()),
                outcome.grantsMoney() ? form.getAdvancePercent() : 0, reportKind, reportDue, now, today,
                caller.email(), ObjectionTerms.objectionDeadline(today, calendar.equatedDays()));
        if (outcome.grantsMoney()) {
            addTranches(decision, form, amount, today);
        }
        // The letter is rendered, stored and queued for mail before the budget row is locked: the lock is held
        // until the transaction commits, and decisions on one fund year queue for it (docs/performance.md). Should
        // the money not fit, the exception rolls all of it back.
        // the municipality's current text for this outcome; the letter names it and so does the stored document
        LetterText template = LetterTemplates.current(em, call.getFund().getMunicipality().getId(),
                DecisionLetter.kindOf(outcome));
        byte[] letter = DecisionLetter.render(letterData(application, decision, decider.getDisplayName()),
                MunicipalityLogo.letterhead(em, call.getFund().getMunicipality()), template,
                application.postalAddress());
        IssuedDocument document = new IssuedDocument(application, IssuedDocument.Kind.DECISION_LETTER,
                DecisionLetter.filename(application.getReference()), now, letter);
        document.madeFrom(template.versionId(), template.label());
        em.persist(document);
        UserAccount owner = application.getOwner();
        Locale locale = Locale.forLanguageTag(owner.getPreferredLocale());
        outbox.queueWithAttachmentFor(application.getMunicipalityId(), owner.getEmail(), owner.getPreferredLocale(),
                "decision-" + outcome.name(),
                document.getFilename(), "application/pdf", letter, owner.getDisplayName(), application.getReference(),
                application.getTitle(), Amsterdam.euros(amount, locale),
                Amsterdam.longDate(decision.getObjectionDeadline(), locale));
        em.flush();

        if (outcome.grantsMoney()) {
            commitOrRefuse(call, call.getFund().getId(), call.getBudgetYear(), amount);
        }
        String before = application.auditSummary();
        em.persist(decision);
        application.decided(statusAfter(outcome), now);
        decision.attachLetter(document);
        em.flush();
        BudgetLedger.CallPosition position = ledger.position(call.getId());
        BigDecimal remaining = position.yearRemaining();
        audit.record("DECISION_TAKEN", SUBJECT, application.getId(), before, application.auditSummary() + ", "
                + decision.auditSummary() + ", letterSha256=" + document.getSha256() + ", remainingInYear=" + remaining
                + (position.budget() == null ? "" : ", remainingInCall=" + position.callRemaining()));
        // After the decision's own audit row, so the trail reads in order (payments, reports, direct determination).
        if (outcome.grantsMoney()) {
            awarded.fire(new GrantAwarded(decision));
        }
        return new DecisionResult(decision.getId(), outcome, amount, document.getId(), remaining);
    }

    /** The letter's facts from the application, its call and the decision; the demo world uses it too. */
    static DecisionLetterData letterData(Application application, GrantDecision decision, String signatory) {
        return letterData(application, decision, signatory, null);
    }

    static DecisionLetterData letterData(Application application, GrantDecision decision, String signatory,
                                         DecisionLetterData.OnObjection onObjection) {
        FundingCall call = application.getCall();
        Municipality sender = call.getFund().getMunicipality();
        String municipality = sender.getName();
        List<DecisionLetterData.Tranche> schedule = new ArrayList<>();
        decision.getTranches().forEach(t -> schedule.add(new DecisionLetterData.Tranche(t.getLabel(), t.getDueOn(),
                t.getAmount())));
        return new DecisionLetterData(municipality, call.getFund().getName(), application.getReference(),
                decision.getDecidedOn(), application.getOrganisationName(), application.getContactName(),
                application.getTitle(), call.getTitle(), decision.getOutcome(), application.getRequestedAmount(),
                decision.getAmount(), decision.getReasons(), decision.obligationList(), schedule,
                decision.getReportKind(), decision.getReportDueOn(), decision.getObjectionDeadline(),
                sender.objectionAddressOrDefault(), signatory, "de subsidieregeling " + call.getFund().getName(),
                onObjection);
    }

    /** Registers an objection (bezwaar) with the dates the Awb sets. */
    @RolesAllowed({RoleNames.DECISION_MAKER, RoleNames.OFFICER})
    public long registerObjection(long decisionId, LocalDate receivedOn, String lodgedBy, String grounds) {
        lodgedBy = nl.preventiefonds.platform.FreeText.withoutBidiControls(lodgedBy);
        grounds = nl.preventiefonds.platform.FreeText.withoutBidiControls(grounds);
        Caller caller = access.requireAnyRole(Role.DECISION_MAKER, Role.OFFICER);
        GrantDecision decision = em.find(GrantDecision.class, decisionId);
        if (decision == null) {
            throw new ValidationFailedException("decision.notFound");
        }
        queries.visible(decision.getApplication().getId(), "decision.notFound"); // per object, not only the role
        if (decision.isOnObjection()) {
            throw new ConflictException("objection.appealOnly"); // Awb 7:1: appeal to the court, no second objection
        }
        if (!decision.isInForce()) {
            throw new ConflictException("objection.decisionReplaced");
        }
        List<Problem> problems = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(clock.instant(), Amsterdam.ZONE);
        if (receivedOn == null || receivedOn.isAfter(today) || receivedOn.isBefore(decision.getDecidedOn())) {
            problems.add(Problem.of("objection.receivedOnInvalid"));
        }
        if (lodgedBy == null || lodgedBy.isBlank() || lodgedBy.strip().length() > 200) {
            problems.add(Problem.of("objection.lodgedByRequired"));
        }
        if (grounds == null || grounds.isBlank() || grounds.strip().length() > 4000) {
            problems.add(Problem.of("objection.groundsRequired"));
        }
        if (!problems.isEmpty()) {
            throw ValidationFailedException.of(problems);
        }
        boolean onTime = ObjectionTerms.isOnTime(decision.getObjectionDeadline(), receivedOn);
        Objection objection = new Objection(decision, receivedOn, lodgedBy.strip(), grounds.strip(), onTime,
                ObjectionTerms.decideBy(decision.getObjectionDeadline(), receivedOn, calendar.equatedDays()), clock.instant(),
                caller.email());
        em.persist(objection);
        em.flush();
        audit.record("OBJECTION_REGISTERED", SUBJECT, decision.getApplication().getId(), null,
                "objection=" + objection.getId() + ", received=" + receivedOn + ", onTime=" + onTime + ", decideBy="
                        + objection.getDecideBy());
        return objection.getId();
    }

    /** How an objection ended, and the decision that took the contested one's place when it was upheld. */
    public record ObjectionResult(long objectionId, ObjectionOutcome outcome, Long newDecisionId, Long letterId,
                                  BigDecimal ledgerChange) implements Serializable {
    }

    /** Ends an objection without a new decision (dismissed, inadmissible, withdrawn). */
    @RolesAllowed({RoleNames.DECISION_MAKER, RoleNames.OFFICER})
    public ObjectionResult concludeObjection(long objectionId, ObjectionOutcome outcome, String notes) {
        return concludeObjection(objectionId, new ObjectionConclusion(outcome, notes, false, null));
    }

    /**
     * Ends an objection. Upheld (wholly or partly) revokes the contested decision and takes a new one in its place
     * (Awb 7:11), in this one transaction: the new decision with its schedule, the difference committed to or
     * released from the fund's year budget, the letter and the mail, the audit lines; payments and reports follow
     * from {@link DecisionReplaced} (or {@link GrantAwarded} when the contested decision granted nothing). Only a
     * decision maker takes that new decision, and not one who reviewed the application (four-eyes).
     */
    @RolesAllowed({RoleNames.DECISION_MAKER, RoleNames.OFFICER})
    public ObjectionResult concludeObjection(long objectionId, ObjectionConclusion conclusion) {
        Caller caller = access.requireAnyRole(Role.DECISION_MAKER, Role.OFFICER);
        Objection objection = em.find(Objection.class, objectionId, LockModeType.PESSIMISTIC_WRITE);
        if (objection == null) {
            throw new ValidationFailedException("objection.notFound");
        }
        GrantDecision contested = objection.getDecision();
        queries.visible(contested.getApplication().getId(), "objection.notFound");
        if (objection.getOutcome() != null) {
            throw new ConflictException("objection.alreadyConcluded");
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Amsterdam.ZONE);
        Application application = em.find(Application.class, contested.getApplication().getId(),
                LockModeType.PESSIMISTIC_WRITE);
        List<Problem> problems = ObjectionRules.check(conclusion, contested.getObjectionDeadline(),
                objection.getReceivedOn(), contested.getOutcome(), contested.getAmount(),
                application.getRequestedAmount(), today);
        if (!problems.isEmpty()) {
            throw ValidationFailedException.of(problems);
        }
        ObjectionOutcome outcome = conclusion.getOutcome();
        if (outcome.leadsToNewDecision()) {
            if (!caller.is(Role.DECISION_MAKER)) {
                // The new decision is the decision maker's (mandate), as any decision.
                throw new RoleRequiredException("objection.upheldNeedsDecisionMaker");
            }
            if (!contested.isInForce()) {
                throw new ConflictException("objection.decisionReplaced");
            }
            if (application.getStatus() == ApplicationStatus.DETERMINED) {
                throw new ConflictException("objection.grantDetermined");
            }
            long ownReviews = em.createQuery("SELECT COUNT(r) FROM ReviewAssignment r WHERE r.application.id = :app"
                            + " AND r.reviewer.id = :me", Long.class)
                    .setParameter("app", application.getId()).setParameter("me", caller.userId()).getSingleResult();
            if (ownReviews > 0) {
                throw new ValidationFailedException("decision.fourEyes");
            }
        }
        objection.conclude(outcome, today, clean(conclusion.getNotes()));
        audit.record("OBJECTION_CONCLUDED", SUBJECT, application.getId(), null,
                "objection=" + objectionId + ", outcome=" + outcome + ", on=" + today + ", decideBy="
                        + objection.getDecideBy() + ", onTime=" + objection.isOnTime()
                        + (objection.isOnTime() ? "" : ", lateExcused=" + conclusion.isLateExcused()));
        if (!outcome.leadsToNewDecision()) {
            return new ObjectionResult(objectionId, outcome, null, null, null);
        }
        return replace(application, contested, objection, conclusion.getDecision(), caller, now, today);
    }

    private ObjectionResult replace(Application application, GrantDecision contested, Objection objection,
                                    DecisionForm form, Caller caller, Instant now, LocalDate today) {
        FundingCall call = application.getCall();
        Integer year = contested.getBudgetYear() != null ? contested.getBudgetYear() : call.getBudgetYear();
        if (year == null) {
            throw new ValidationFailedException("decision.noBudgetYear");
        }
        DecisionOutcome outcome = form.getOutcome();
        BigDecimal amount = DecisionRules.grantedAmount(form, application.getRequestedAmount());
        ReportKind reportKind = null;
        LocalDate reportDue = null;
        if (outcome.grantsMoney() && contested.getOutcome().grantsMoney()) {
            // The reports asked for under the contested award stay as planned; the new letter repeats them.
            reportKind = contested.getReportKind();
            reportDue = contested.getReportDueOn();
        } else if (outcome.grantsMoney()) {
            reportKind = call.reportRequiredFor(amount).orElse(ReportKind.ACTIVITY_REPORT);
            reportDue = reportKind == ReportKind.NONE ? null : reportDue(application, today);
        }
        UserAccount decider = em.find(UserAccount.class, caller.userId());
        // The term against a decision on objection is the appeal term: six weeks as well (Awb 6:7).
        GrantDecision decision = new GrantDecision(application, contested.getFund(), year, outcome, amount,
                clean(form.getReasons()), clean(form.getObligations()),
                outcome.grantsMoney() ? form.getAdvancePercent() : 0, reportKind, reportDue, now, today,
                caller.email(), ObjectionTerms.objectionDeadline(today, calendar.equatedDays()));
        if (outcome.grantsMoney()) {
            addTranches(decision, form, amount, today);
        }
        DecisionLetterData.OnObjection onObjection = new DecisionLetterData.OnObjection(objection.getReceivedOn(),
                contested.getDecidedOn(), objection.getOutcome() == ObjectionOutcome.PARTLY_UPHELD,
                call.getFund().getMunicipality().appealCourtOrDefault());
        byte[] letter = DecisionLetter.render(letterData(application, decision, decider.getDisplayName(),
                onObjection), MunicipalityLogo.letterhead(em, call.getFund().getMunicipality()),
                LetterText.builtIn(DecisionLetter.kindOf(decision.getOutcome())), application.postalAddress());
        IssuedDocument document = new IssuedDocument(application, IssuedDocument.Kind.DECISION_LETTER,
                DecisionLetter.filenameOnObjection(application.getReference()), now, letter);
        em.persist(document);
        UserAccount owner = application.getOwner();
        Locale locale = Locale.forLanguageTag(owner.getPreferredLocale());
        outbox.queueWithAttachment(owner.getEmail(), owner.getPreferredLocale(), "decision-on-objection-"
                        + outcome.name(), document.getFilename(), "application/pdf", letter, owner.getDisplayName(),
                application.getReference(), application.getTitle(), Amsterdam.euros(amount, locale),
                Amsterdam.longDate(decision.getObjectionDeadline(), locale),
                Amsterdam.longDate(contested.getDecidedOn(), locale));
        em.flush();

        // Only the difference moves: more is committed under the same row lock as any decision, less released.
        long fundId = contested.getFund().getId();
        BigDecimal change = ObjectionRules.ledgerChange(contested.committedAmount(), decision.committedAmount());
        if (change.signum() > 0) {
            commitOrRefuse(call, fundId, year, change);
        }
        if (change.signum() < 0) {
            ledger.release(call.getId(), fundId, year, change.negate());
        }
        String before = application.auditSummary() + ", " + contested.auditSummary();
        em.persist(decision);
        decision.replace(contested);
        objection.newDecision(decision);
        application.redecided(statusAfter(outcome), now);
        decision.attachLetter(document);
        em.flush();
        BigDecimal remaining = ledger.remaining(fundId, year);
        audit.record("DECISION_REPLACED", SUBJECT, application.getId(), before, application.auditSummary() + ", "
                + decision.auditSummary() + ", objection=" + objection.getId() + ", ledgerChange=" + change
                + ", letterSha256=" + document.getSha256() + ", remainingInYear=" + remaining);
        if (contested.getOutcome().grantsMoney()) {
            replaced.fire(new DecisionReplaced(contested, decision));
        } else if (outcome.grantsMoney()) {
            awarded.fire(new GrantAwarded(decision)); // nothing was set in motion by the refusal
        }
        return new ObjectionResult(objection.getId(), objection.getOutcome(), decision.getId(), document.getId(),
                change);
    }

    /** The final report is due some weeks after the activity ends, or a year from the decision without an end. */
    private static LocalDate reportDue(Application application, LocalDate today) {
        return (application.getEndDate() == null ? today.plusYears(1) : application.getEndDate())
                .plusWeeks(REPORT_WEEKS_AFTER_END);
    }

    private static void addTranches(GrantDecision decision, DecisionForm form, BigDecimal amount, LocalDate today) {
        BigDecimal advance = DecisionRules.advance(amount, form.getAdvancePercent());
        if (advance.signum() > 0) {
            decision.addTranche("Voorschot", today.plusDays(ADVANCE_DUE_DAYS), advance);
        }
        form.getTranches().forEach(t -> decision.addTranche(clean(t.getLabel()), t.getDueOn(), t.getAmount()));
    }

    /** Commits on the year and the call under their row locks, or refuses the whole decision with the reason. */
    private void commitOrRefuse(FundingCall call, long fundId, int year, BigDecimal amount) {
        switch (ledger.commit(call.getId(), fundId, year, amount)) {
            case YEAR_INSUFFICIENT -> throw ValidationFailedException.of("decision.budgetInsufficient", amount,
                    ledger.remaining(fundId, year));
            case CALL_INSUFFICIENT -> throw ValidationFailedException.of("decision.callBudgetInsufficient", amount,
                    ledger.position(call.getId()).callRemaining(), call.getTitle());
            case COMMITTED -> { }
        }
    }

    private static ApplicationStatus statusAfter(DecisionOutcome outcome) {
        return switch (outcome) {
            case AWARD -> ApplicationStatus.AWARDED;
            case PARTIAL_AWARD -> ApplicationStatus.PARTIALLY_AWARDED;
            case REJECT -> ApplicationStatus.REJECTED;
        };
    }

    /** Stripped and without bidi controls (FreeText); null when empty. */
    private static String clean(String text) {
        return nl.preventiefonds.platform.FreeText.clean(text);
    }
}
