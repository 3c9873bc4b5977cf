package nl.preventiefonds.determination;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
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
import nl.preventiefonds.application.IssuedDocument;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.calendar.StatutoryCalendar;
import nl.preventiefonds.call.FundingCall;
import nl.preventiefonds.decision.BudgetLedger;
import nl.preventiefonds.decision.GrantDecision;
import nl.preventiefonds.decision.ObjectionOutcome;
import nl.preventiefonds.decision.ObjectionRules;
import nl.preventiefonds.decision.ObjectionTerms;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.identity.UserAccount;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.municipality.MunicipalityLogo;
import nl.preventiefonds.notification.Outbox;
import nl.preventiefonds.payment.PaymentService;
import nl.preventiefonds.payment.Reclaim;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.ConflictException;
import nl.preventiefonds.platform.FreeText;
import nl.preventiefonds.platform.Money;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.RoleNames;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * Objections (bezwaar) against a final determination, with the Awb terms of an objection against a decision
 * ({@link ObjectionTerms}, {@link ObjectionRules}). Upheld, a new determination replaces the contested one
 * (Awb 7:11) in one transaction: the payments and the reclaim corrected, the difference committed to or released
 * from the budget, the letter 'Beslissing op bezwaar' and its mail, the audit lines.
 */
@Stateless
@RolesAllowed({RoleNames.OFFICER, RoleNames.DECISION_MAKER})
public class DeterminationObjectionService {
    static final String SUBJECT = "Application";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy access;

    @Inject
    private AuditTrail audit;

    @Inject
    private Outbox outbox;

    @Inject
    private PaymentService payments;

    @Inject
    private ApplicationQueries queries;

    @Inject
    private StatutoryCalendar calendar;

    @Inject
    private BudgetLedger ledger;

    @Inject
    private Clock clock;

    /** The objections against the determinations of one application, newest first. */
    @RolesAllowed({RoleNames.OFFICER, RoleNames.DECISION_MAKER, RoleNames.FUND_MANAGER, RoleNames.ORGANISER})
    public List<DeterminationObjection> forApplication(long applicationId) {
        queries.visible(applicationId);
        return em.createQuery("SELECT o FROM DeterminationObjection o WHERE o.application.id = :id ORDER BY o.id DESC",
                DeterminationObjection.class).setParameter("id", applicationId).getResultList();
    }

    /**
     * Registers an objection against the determination in force. The organiser lodges it as received today; an
     * officer registers one on the organiser's behalf with the day it was received. Refused when late unless the
     * lateness is excused (Awb 6:11, only by staff), when there is no determination, when the determination was
     * itself taken on objection (appeal only, Awb 7:1) or while another objection against it is open (409).
     */
    @RolesAllowed({RoleNames.OFFICER, RoleNames.DECISION_MAKER, RoleNames.ORGANISER})
    public long register(long applicationId, LocalDate receivedOn, String lodgedBy, String grounds,
                         boolean lateExcused) {
        Caller caller = access.requireAnyRole(Role.OFFICER, Role.DECISION_MAKER, Role.ORGANISER);
        // Locked so that two registrations at once cannot both find no open objection.
        Application application = em.find(Application.class, applicationId, LockModeType.PESSIMISTIC_WRITE);
        if (application == null) {
            throw new ValidationFailedException("application.notFound");
        }
        queries.visible(applicationId); // an organiser only for their own application
        Determination determination = inForce(applicationId);
        if (determination == null) {
            throw new ValidationFailedException("determinationObjection.noDetermination");
        }
        if (determination.isOnObjection()) {
            throw new ConflictException("objection.appealOnly");
        }
        long open = em.createQuery("SELECT COUNT(o) FROM DeterminationObjection o WHERE o.application.id = :id"
                + " AND o.outcome IS NULL", Long.class).setParameter("id", applicationId).getSingleResult();
        if (open > 0) {
            throw new ConflictException("determinationObjection.alreadyOpen");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), Amsterdam.ZONE);
        boolean organiser = caller.is(Role.ORGANISER);
        if (organiser) {
            // Lodged through the portal: received now, by the applicant, who cannot excuse their own lateness.
            receivedOn = receivedOn == null ? today : receivedOn;
            lodgedBy = lodgedBy == null || lodgedBy.isBlank() ? application.getOrganisationName() : lodgedBy;
            lateExcused = false;
        }
        lodgedBy = FreeText.withoutBidiControls(lodgedBy);
        grounds = FreeText.withoutBidiControls(grounds);
        List<Problem> problems = new ArrayList<>();
        if (receivedOn == null || receivedOn.isAfter(today) || receivedOn.isBefore(determination.getDeterminedOn())
                || organiser && !receivedOn.equals(today)) {
            problems.add(Problem.of("objection.receivedOnInvalid"));
        }
        if (lodgedBy == null || lodgedBy.isBlank() || lodgedBy.strip().length() > 200) {
            problems.add(Problem.of("objection.lodgedByRequired"));
        }
        if (grounds == null || grounds.isBlank() || grounds.strip().length() > 4000) {
            problems.add(Problem.of("objection.groundsRequired"));
        }
        if (problems.isEmpty()) {
            problems.addAll(ObjectionRules.checkRegistration(determination.getObjectionDeadline(), receivedOn,
                    lateExcused));
        }
        if (!problems.isEmpty()) {
            throw ValidationFailedException.of(problems);
        }
        boolean onTime = ObjectionTerms.isOnTime(determination.getObjectionDeadline(), receivedOn);
        DeterminationObjection objection = new DeterminationObjection(determination, receivedOn, lodgedBy.strip(),
                grounds.strip(), onTime, !onTime && lateExcused,
                ObjectionTerms.decideBy(determination.getObjectionDeadline(), receivedOn, calendar.equatedDays()),
                clock.instant(), caller.email());
        em.persist(objection);
        em.flush();
        audit.record("OBJECTION_REGISTERED", SUBJECT, applicationId, null, "determinationObjection="
                + objection.getId() + ", determination=" + determination.getId() + ", received=" + receivedOn
                + ", onTime=" + onTime + (onTime ? "" : ", lateExcused=true") + ", decideBy="
                + objection.getDecideBy());
        return objection.getId();
    }

    /** How the objection ends; for an upheld one the new final amount and, when below the award, why. */
    public record Conclusion(ObjectionOutcome outcome, String notes, DeterminationForm determination)
            implements Serializable {
    }

    /** How an objection against a determination ended, and what an upheld one changed. */
    public record ObjectionConclusionResult(long objectionId, ObjectionOutcome outcome, Long newDeterminationId,
                         Long letterId, BigDecimal ledgerChange, BigDecimal payment, Long paymentId, Long reclaimId,
                         BigDecimal reclaimAmount) implements Serializable {
    }

    /**
     * Ends an objection of the application. Dismissed, inadmissible or withdrawn keep the determination; upheld
     * (wholly or partly) replaces it by a new one with the given final amount. Only one outcome: 409 after it.
     */
    public ObjectionConclusionResult conclude(long applicationId, long objectionId, Conclusion conclusion) {
        Caller caller = access.requireAnyRole(Role.OFFICER, Role.DECISION_MAKER);
        queries.visible(applicationId); // the per-object check, as on registering
        DeterminationObjection objection = em.find(DeterminationObjection.class, objectionId,
                LockModeType.PESSIMISTIC_WRITE);
        if (objection == null || objection.getApplication().getId() != applicationId) {
            throw new ValidationFailedException("objection.notFound");
        }
        if (objection.getOutcome() != null) {
            throw new ConflictException("objection.alreadyConcluded");
        }
        Application application = em.find(Application.class, objection.getApplication().getId(),
                LockModeType.PESSIMISTIC_WRITE);
        Determination contested = objection.getDetermination();
        ObjectionOutcome outcome = conclusion == null ? null : conclusion.outcome();
        String notes = conclusion == null ? null : conclusion.notes();
        List<Problem> problems = ObjectionRules.checkOutcome(outcome, notes, objection.isLateExcused(),
                contested.getObjectionDeadline(), objection.getReceivedOn());
        DeterminationForm form = conclusion == null ? null : conclusion.determination();
        boolean hasForm = form != null && form.getFinalAmount() != null;
        if (outcome != null && !outcome.leadsToNewDetermination() && hasForm) {
            problems.add(Problem.of("determinationObjection.newDeterminationOnlyWhenUpheld"));
        }
        if (outcome != null && outcome.leadsToNewDetermination()) {
            if (!hasForm) {
                problems.add(Problem.of("determinationObjection.newDeterminationRequired"));
            } else {
                problems.addAll(DeterminationService.formProblems(form, contested.getAwarded()));
                if (problems.isEmpty() && form.getFinalAmount().compareTo(contested.getFinalAmount()) == 0) {
                    problems.add(Problem.of("determinationObjection.unchanged"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw ValidationFailedException.of(problems);
        }
        if (outcome.leadsToNewDetermination() && !contested.isInForce()) {
            throw new ConflictException("determinationObjection.replaced");
        }
        if (outcome.leadsToNewDetermination() && caller.email() != null
                && caller.email().equalsIgnoreCase(contested.getDeterminedBy())) {
            // Four eyes, as for a decision replaced on objection: who took the contested determination does not
            // take the one in its place.
            throw new ValidationFailedException("determinationObjection.fourEyes");
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Amsterdam.ZONE);
        objection.conclude(outcome, today, FreeText.clean(notes));
        UserAccount signatory = em.find(UserAccount.class, caller.userId());
        IssuedDocument letter = outcome.leadsToNewDetermination() || outcome == ObjectionOutcome.WITHDRAWN ? null
                : letter(application, objection, contested, null, null, null, signatory, now, today);
        audit.record("OBJECTION_CONCLUDED", SUBJECT, application.getId(), null, "determinationObjection="
                + objectionId + ", determination=" + contested.getId() + ", outcome=" + outcome + ", on=" + today
                + ", decideBy=" + objection.getDecideBy() + ", onTime=" + objection.isOnTime()
                + (letter == null ? "" : ", letterSha256=" + letter.getSha256()));
        if (!outcome.leadsToNewDetermination()) {
            return new ObjectionConclusionResult(objectionId, outcome, null, letter == null ? null : letter.getId(),
                    null, null, null,
                    null, null);
        }
        return replace(application, objection, contested, form, caller, signatory, now, today);
    }

    private ObjectionConclusionResult replace(Application application, DeterminationObjection objection,
                                              Determination contested, DeterminationForm form, Caller caller,
                                              UserAccount signatory, Instant now, LocalDate today) {
        GrantDecision decision = contested.getDecision();
        BigDecimal newFinal = Money.exact(form.getFinalAmount()).amount();
        String reasons = FreeText.clean(form.getReasons());
        String before = application.auditSummary() + ", " + contested.auditSummary();
        Determination determination = new Determination(decision, newFinal,
                payments.standing(application.getId()).paid(), reasons, false, today, now, caller.email(),
                ObjectionTerms.objectionDeadline(today, calendar.equatedDays()));
        em.persist(determination);
        determination.replace(contested);
        objection.newDetermination(determination);
        em.flush();
        PaymentService.RevisionResult money = payments.revise(decision, contested.getId(),
                contested.getFinalAmount(), determination.getId(), newFinal, today);
        Reclaim reclaim = money.reclaimId() == null ? null : em.find(Reclaim.class, money.reclaimId());
        IssuedDocument letter = letter(application, objection, contested, determination, money, reclaim, signatory,
                now, today);

        // Only the difference moves, as at the determination: a higher amount takes back from the budget what the
        // contested determination released, a lower one releases more. Year row before call row, as always.
        FundingCall call = application.getCall();
        long fundId = decision.getFund().getId();
        int year = decision.getBudgetYear();
        BigDecimal change = ObjectionRules.ledgerChange(contested.getFinalAmount(), newFinal);
        if (change.signum() > 0) {
            switch (ledger.commit(call.getId(), fundId, year, change)) {
                case YEAR_INSUFFICIENT -> throw ValidationFailedException.of("decision.budgetInsufficient", change,
                        ledger.remaining(fundId, year));
                case CALL_INSUFFICIENT -> throw ValidationFailedException.of("decision.callBudgetInsufficient",
                        change, ledger.position(call.getId()).callRemaining(), call.getTitle());
                case COMMITTED -> { }
            }
        } else if (change.signum() < 0) {
            ledger.release(call.getId(), fundId, year, change.negate());
        }
        audit.record("DETERMINATION_REPLACED", SUBJECT, application.getId(), before, application.auditSummary()
                + ", " + determination.auditSummary() + ", determinationObjection=" + objection.getId()
                + ", ledgerChange=" + change + ", payment=" + money.revision().payment() + ", reclaim="
                + money.revision().reclaimBefore() + "->" + money.revision().reclaimAfter() + ", remainingInYear="
                + ledger.remaining(fundId, year) + ", letterSha256=" + letter.getSha256());
        return new ObjectionConclusionResult(objection.getId(), objection.getOutcome(), determination.getId(),
                letter.getId(), change,
                money.revision().payment(), money.paymentId(), money.reclaimId(),
                reclaim == null ? null : reclaim.getAmount());
    }

    /** Renders, stores and mails the letter 'Beslissing op bezwaar'. */
    private IssuedDocument letter(Application application, DeterminationObjection objection, Determination contested,
                        Determination replacement, PaymentService.RevisionResult money, Reclaim reclaim,
                        UserAccount signatory, Instant now, LocalDate today) {
        FundingCall call = application.getCall();
        Municipality sender = call.getFund().getMunicipality();
        String municipality = sender.getName();
        boolean upheld = replacement != null;
        BigDecimal zero = Money.ZERO.amount();
        LocalDate appealDeadline = upheld ? replacement.getObjectionDeadline()
                : ObjectionTerms.objectionDeadline(today, calendar.equatedDays());
        byte[] pdf = DeterminationObjectionLetter.render(new DeterminationObjectionLetter.Data(municipality,
                call.getFund().getName(), application.getReference(), today, application.getOrganisationName(),
                application.getContactName(), application.getTitle(), objection.getReceivedOn(),
                contested.getDeterminedOn(), contested.getFinalAmount(), contested.getAwarded(),
                objection.getOutcome(), objection.getOutcomeNotes(), upheld ? replacement.getFinalAmount() : null,
                upheld ? replacement.getReasons() : null, money == null ? zero : money.revision().payment(),
                today.plusWeeks(4), money == null ? null : money.revision().reclaimBefore(),
                money == null ? null : money.revision().reclaimAfter(),
                reclaim == null ? zero : reclaim.getReceived(), reclaim == null ? null : reclaim.getDueOn(),
                sender.reclaimIbanOrDefault(), appealDeadline, sender.appealCourtOrDefault(),
                signatory.getDisplayName()), MunicipalityLogo.letterhead(em, sender));
        IssuedDocument document = new IssuedDocument(application, IssuedDocument.Kind.OBJECTION_DECISION_LETTER,
                DeterminationObjectionLetter.filename(application.getReference()), now, pdf);
        em.persist(document);
        em.flush();
        objection.attachLetter(document);
        if (upheld) {
            replacement.attachLetter(document);
        }
        UserAccount owner = application.getOwner();
        Locale locale = Locale.forLanguageTag(owner.getPreferredLocale());
        outbox.queueWithAttachment(owner.getEmail(), owner.getPreferredLocale(), "determination-on-objection-"
                        + (upheld ? "upheld" : "kept"), document.getFilename(), "application/pdf", pdf,
                owner.getDisplayName(), application.getReference(), application.getTitle(),
                Amsterdam.euros(upheld ? replacement.getFinalAmount() : contested.getFinalAmount(), locale),
                Amsterdam.longDate(appealDeadline, locale), Amsterdam.longDate(contested.getDeterminedOn(), locale));
        return document;
    }

    /** The determination in force: one replaced on objection is no longer. */
    Determination inForce(long applicationId) {
        return em.createQuery("SELECT d FROM Determination d WHERE d.application.id = :id AND d.replacedBy IS NULL",
                        Determination.class).setParameter("id", applicationId).getResultStream().findFirst()
                .orElse(null);
    }
}
