package nl.preventiefonds.determination;

import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
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
import java.util.Optional;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.application.ApplicationQueries;
import nl.preventiefonds.application.IssuedDocument;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.calendar.StatutoryCalendar;
import nl.preventiefonds.call.ReportKind;
import nl.preventiefonds.decision.BudgetLedger;
import nl.preventiefonds.decision.GrantAwarded;
import nl.preventiefonds.decision.GrantDecision;
import nl.preventiefonds.decision.ObjectionTerms;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.identity.UserAccount;
import nl.preventiefonds.monitoring.Report;
import nl.preventiefonds.monitoring.ReportPurpose;
import nl.preventiefonds.monitoring.ReportRequest;
import nl.preventiefonds.monitoring.ReportRequestStatus;
import nl.preventiefonds.monitoring.ReviewOutcome;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.municipality.MunicipalityLogo;
import nl.preventiefonds.notification.Outbox;
import nl.preventiefonds.payment.PaymentInstruction;
import nl.preventiefonds.payment.PaymentService;
import nl.preventiefonds.payment.Reclaim;
import nl.preventiefonds.payment.Settlement;
import nl.preventiefonds.template.LetterKind;
import nl.preventiefonds.template.LetterTemplates;
import nl.preventiefonds.template.LetterText;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.Money;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.RoleNames;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * The final determination (vaststelling): fixes the amount, settles the payments (balance within four weeks
 * or a reclaim), gives unspent money back to the year budget, closes outstanding reports, and issues the
 * letter, all in one transaction.
 */
@Stateless
@RolesAllowed({RoleNames.OFFICER, RoleNames.DECISION_MAKER})
public class DeterminationService {
    static final String SUBJECT = "Application";
    static final BigDecimal MAX_MONEY = new BigDecimal("9999999999999.99");

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

    public record DeterminationResult(long determinationId, BigDecimal finalAmount, BigDecimal paidBefore,
                         BigDecimal balancePayment, BigDecimal reclaim, Long balanceInstructionId, Long reclaimId,
                         Long letterId) implements Serializable {
    }

    /** Whether and how this grant may be determined now; shown before the officer decides. */
    public record Readiness(boolean determinable, String reasonKey, boolean exOfficio, BigDecimal awarded,
                            BigDecimal paid, BigDecimal scheduledUnpaid) implements Serializable {
    }

    /** The money of one application as its page shows it: the determination in force, the payments, the reclaim. */
    public record MoneyOfApplication(Determination determination, List<PaymentInstruction> payments, Reclaim reclaim)
            implements Serializable {
    }

    /** {@link MoneyOfApplication} in one call, for its owner and staff (partners never see money flows). */
    @RolesAllowed({RoleNames.OFFICER, RoleNames.DECISION_MAKER, RoleNames.FUND_MANAGER, RoleNames.ORGANISER})
    public MoneyOfApplication moneyOf(long applicationId) {
        return new MoneyOfApplication(forApplication(applicationId).orElse(null), payments.forApplication(applicationId),
                payments.reclaimForApplication(applicationId));
    }

    @RolesAllowed({RoleNames.OFFICER, RoleNames.DECISION_MAKER, RoleNames.FUND_MANAGER, RoleNames.ORGANISER})
    public Optional<Determination> forApplication(long applicationId) {
        queries.visible(applicationId);
        // The determination in force: one replaced on objection (Awb 7:11) is no longer.
        return em.createQuery("SELECT d FROM Determination d WHERE d.application.id = :id AND d.replacedBy IS NULL",
                        Determination.class)
                .setParameter("id", applicationId).getResultStream().findFirst();
    }

    public Readiness readiness(long applicationId) {
        access.requireAnyRole(Role.OFFICER, Role.DECISION_MAKER);
        Application application = queries.visible(applicationId);
        GrantDecision decision = decisionOf(applicationId);
        if (decision == null || !application.getStatus().isRunningGrant()) {
            return new Readiness(false, application.getStatus() == nl.preventiefonds.application.ApplicationStatus
                    .DETERMINED ? "determination.alreadyDetermined" : "determination.notRunning", false, null,
                    null, null);
        }
        Settlement.Standing standing = payments.standing(applicationId);
        String blocker = blocker(application, decision);
        return new Readiness(blocker == null, blocker, blocker == null && !finalReportAccepted(applicationId),
                decision.getAmount(), standing.paid(), standing.unpaidTotal());
    }

    /**
     * What the determination form of the application page starts with, for officers and decision makers while the
     * grant is not determined: whether it may be determined now, and what determining it at the awarded amount does
     * to the money (null when nothing was awarded).
     */
    public record Outlook(Readiness readiness, Settlement atAwarded) implements Serializable {
    }

    /** {@link Outlook} in one call; the readiness as {@link #readiness}, the preview as {@link #preview}. */
    public Outlook outlook(long applicationId) {
        Readiness readiness = readiness(applicationId);
        BigDecimal awarded = readiness.awarded();
        // The awarded amount itself always passes the amount rules (it is the ceiling they check against).
        Settlement atAwarded = awarded == null ? null
                : Settlement.of(Money.exact(awarded).amount(), payments.standing(applicationId));
        return new Outlook(readiness, atAwarded);
    }

    /** What this final amount would do to the money, without doing it. */
    public Settlement preview(long applicationId, BigDecimal finalAmount) {
        access.requireAnyRole(Role.OFFICER, Role.DECISION_MAKER);
        queries.visible(applicationId);
        GrantDecision decision = decisionOf(applicationId);
        if (decision == null) {
            throw new ValidationFailedException("determination.notRunning");
        }
        // The same amount rules as the determination itself, so a preview never shows an impossible settlement.
        Optional<Problem> problem = amountProblem(finalAmount, decision.getAmount());
        if (problem.isPresent()) {
            throw ValidationFailedException.of(List.of(problem.get()));
        }
        return Settlement.of(Money.exact(finalAmount).amount(), payments.standing(applicationId));
    }

    /**
     * The problems of a final amount and its reasons, for a determination and one taken on objection alike: the
     * amount's own rules, reasons when lower than awarded (Awb 4:46), reasons that fit.
     */
    static List<Problem> formProblems(DeterminationForm form, BigDecimal awarded) {
        List<Problem> problems = new ArrayList<>();
        BigDecimal amount = form.getFinalAmount();
        String reasons = form.getReasons() == null || form.getReasons().isBlank() ? null : form.getReasons().strip();
        amountProblem(amount, awarded).ifPresent(problems::add);
        if (problems.isEmpty() && amount.compareTo(awarded) < 0 && reasons == null) {
            problems.add(Problem.of("determination.reasonsRequired"));
        }
        if (reasons != null && reasons.length() > 4000) {
            problems.add(Problem.of("field.tooLong", "field.reasons", 4000));
        }
        return problems;
    }

    /** Missing, negative, more than cents, or above the award: what the final amount can never be. */
    private static Optional<Problem> amountProblem(BigDecimal amount, BigDecimal awarded) {
        if (amount == null) {
            return Optional.of(Problem.of("determination.amountRequired"));
        }
        if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2 || amount.compareTo(MAX_MONEY) > 0) {
            return Optional.of(Problem.of("determination.amountInvalid"));
        }
        if (amount.compareTo(awarded) > 0) {
            return Optional.of(Problem.of("determination.aboveAwarded", awarded));
        }
        return Optional.empty();
    }

    private GrantDecision decisionOf(long applicationId) {
        // The decision in force: one replaced on objection (Awb 7:11) is no longer.
        return em.createQuery("SELECT d FROM GrantDecision d WHERE d.application.id = :id AND d.replacedBy IS NULL",
                        GrantDecision.class)
                .setParameter("id", applicationId).getResultStream().findFirst().orElse(null);
    }

    private boolean finalReportAccepted(long applicationId) {
        return em.createQuery("SELECT COUNT(r) FROM ReportRequest r WHERE r.application.id = :id AND r.partner IS NULL"
                        + " AND r.purpose = :final AND r.status = :accepted", Long.class)
                .setParameter("id", applicationId).setParameter("final", ReportPurpose.FINAL)
                .setParameter("accepted", ReportRequestStatus.ACCEPTED).getSingleResult() > 0;
    }

    /**
     * Null when the grant may be determined: its final report accepted, or its due date passed (then ex officio,
     * Awb 4:47). A report under review must be reviewed first.
     */
    private String blocker(Application application, GrantDecision decision) {
        if (finalReportAccepted(application.getId())) {
            return null;
        }
        List<ReportRequest> finals = em.createQuery("SELECT r FROM ReportRequest r WHERE r.application.id = :id"
                        + " AND r.partner IS NULL AND r.purpose = :final", ReportRequest.class)
                .setParameter("id", application.getId()).setParameter("final", ReportPurpose.FINAL).getResultList();
        if (finals.isEmpty()) {
            return null; // nothing was asked for
        }
        ReportRequest finalRequest = finals.get(0);
        if (finalRequest.getStatus() == ReportRequestStatus.SUBMITTED) {
            return "determination.reportAwaitingReview";
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), Amsterdam.ZONE);
        return finalRequest.isOverdueOn(today) ? null : "determination.finalReportOutstanding";
    }

    public DeterminationResult determine(long applicationId, DeterminationForm form) {
        Caller caller = access.requireAnyRole(Role.OFFICER, Role.DECISION_MAKER);
        Application application = em.find(Application.class, applicationId, LockModeType.PESSIMISTIC_WRITE);
        if (application == null) {
            throw new ValidationFailedException("application.notFound");
        }
        em.refresh(application);
        queries.visible(applicationId);
        GrantDecision decision = decisionOf(applicationId);
        if (application.getStatus() == nl.preventiefonds.application.ApplicationStatus.DETERMINED) {
            throw new ValidationFailedException("determination.alreadyDetermined");
        }
        if (decision == null || !application.getStatus().isRunningGrant()) {
            throw new ValidationFailedException("determination.notRunning");
        }
        String blocker = blocker(application, decision);
        if (blocker != null) {
            throw new ValidationFailedException(blocker);
        }
        boolean exOfficio = !finalReportAccepted(applicationId);
        List<Problem> problems = formProblems(form, decision.getAmount());
        BigDecimal amount = form.getFinalAmount();
        String reasons = form.getReasons() == null || form.getReasons().isBlank() ? null : form.getReasons().strip();
        if (exOfficio && reasons == null && problems.isEmpty()) {
            problems.add(Problem.of("determination.exOfficioReasonsRequired"));
        }
        if (!problems.isEmpty()) {
            throw ValidationFailedException.of(problems);
        }
        UserAccount officer = em.find(UserAccount.class, caller.userId());
        return settle(application, decision, Money.exact(amount).amount(), reasons, false, caller.email(),
                officer.getDisplayName());
    }

    /**
     * Inside the decision's transaction, after the payments: a grant in the direct tier (no reports) is determined
     * at once. The report schedule of the other tiers is monitoring's own observer.
     */
    @RolesAllowed(RoleNames.DECISION_MAKER)
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void onAward(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) GrantAwarded event) {
        GrantDecision decision = event.decision();
        if (decision.getReportKind() == null || decision.getReportKind() == ReportKind.NONE) {
            determineDirectly(decision);
        }
    }

    /** Small grants in the direct tier: determined at the award, for the full amount, without a report. */
    private DeterminationResult determineDirectly(GrantDecision decision) {
        return settle(decision.getApplication(), decision, decision.getAmount(), null, true, decision.getDecidedBy(),
                null);
    }

    private DeterminationResult settle(Application application, GrantDecision decision, BigDecimal finalAmount,
                                       String reasons, boolean direct, String by, String signatory) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Amsterdam.ZONE);
        String before = application.auditSummary();
        Determination determination = new Determination(decision, finalAmount, zero(), reasons, direct, today, now,
                by, ObjectionTerms.objectionDeadline(today, calendar.equatedDays()));
        em.persist(determination);
        em.flush();
        PaymentService.SettlementResult result = payments.settle(decision, determination.getId(), finalAmount, today);
        Settlement settlement = result.settlement();
        determination.settled(settlement.paid(), settlement.cancelledTotal());
        if (determination.getReleased().signum() > 0) {
            ledger.release(application.getCall().getId(), decision.getFund().getId(), decision.getBudgetYear(),
                    determination.getReleased());
        }
        int cancelled = em.createQuery("UPDATE ReportRequest r SET r.status = :cancelled, r.version = r.version + 1"
                        + " WHERE r.application.id = :id AND r.status IN :open")
                .setParameter("cancelled", ReportRequestStatus.CANCELLED).setParameter("id", application.getId())
                .setParameter("open", List.of(ReportRequestStatus.OPEN, ReportRequestStatus.MORE_REQUESTED))
                .executeUpdate();
        application.determined(now);
        Long letterId = null;
        byte[] letter = null;
        IssuedDocument document = null;
        // A direct determination is part of the decision letter itself; otherwise a letter of its own.
        if (!direct) {
            var sender = application.getCall().getFund().getMunicipality();
            LetterText template = LetterTemplates.current(em, sender.getId(), LetterKind.DETERMINATION);
            letter = DeterminationLetter.render(letterData(application, decision, determination, settlement,
                    signatory), MunicipalityLogo.letterhead(em, sender), template, application.postalAddress());
            document = new IssuedDocument(application, IssuedDocument.Kind.DETERMINATION_LETTER,
                    DeterminationLetter.filename(application.getReference()), now, letter);
            document.madeFrom(template.versionId(), template.label());
            em.persist(document);
            em.flush();
            determination.attachLetter(document);
            letterId = document.getId();
        }
        audit.record("DETERMINED", SUBJECT, application.getId(), before, application.auditSummary() + ", "
                + determination.auditSummary() + ", balance=" + settlement.balancePayment() + ", reclaim="
                + settlement.reclaim() + ", released=" + determination.getReleased() + ", reportsCancelled="
                + cancelled + (document == null ? "" : ", letterSha256=" + document.getSha256()));
        if (!direct) {
            UserAccount owner = application.getOwner();
            Locale locale = Locale.forLanguageTag(owner.getPreferredLocale());
            outbox.queueWithAttachmentFor(application.getMunicipalityId(), owner.getEmail(),
                    owner.getPreferredLocale(), "determination",
                    document.getFilename(), "application/pdf", letter, owner.getDisplayName(),
                    application.getReference(), application.getTitle(), Amsterdam.euros(finalAmount, locale),
                    Amsterdam.longDate(determination.getObjectionDeadline(), locale));
        }
        return new DeterminationResult(determination.getId(), finalAmount, settlement.paid(),
                settlement.balancePayment(),
                settlement.reclaim(), result.balanceInstructionId(), result.reclaimId(), letterId);
    }

    private DeterminationLetterData letterData(Application application, GrantDecision decision,
                                               Determination determination, Settlement settlement, String signatory) {
        var call = application.getCall();
        Municipality sender = call.getFund().getMunicipality();
        String municipality = sender.getName();
        DeterminationLetterData.Realised realised = realised(application);
        LocalDate today = determination.getDeterminedOn();
        return new DeterminationLetterData(municipality, call.getFund().getName(), application.getReference(), today,
                application.getOrganisationName(), application.getContactName(), application.getTitle(),
                decision.getDecidedOn(), decision.getAmount(), determination.getFinalAmount(), settlement.paid(),
                determination.getReasons(), false, finalReportAccepted(application.getId()), realised,
                settlement.balancePayment().signum() > 0 ? today.plusWeeks(4) : null,
                settlement.reclaim().signum() > 0 ? today.plusWeeks(nl.preventiefonds.payment.Reclaim.DUE_WEEKS)
                        : null,
                sender.reclaimIbanOrDefault(), determination.getObjectionDeadline(),
                sender.objectionAddressOrDefault(), signatory, "de subsidieregeling " + call.getFund().getName());
    }

    /** Realised reach from the organiser's latest accepted final report, beside the plan. */
    private DeterminationLetterData.Realised realised(Application application) {
        List<Report> accepted = em.createQuery("SELECT r FROM Report r WHERE r.request.application.id = :id"
                        + " AND r.request.partner IS NULL AND r.request.purpose = :final AND r.reviewOutcome = :ok"
                        + " ORDER BY r.id DESC", Report.class)
                .setParameter("id", application.getId()).setParameter("final", ReportPurpose.FINAL)
                .setParameter("ok", ReviewOutcome.ACCEPTED).setMaxResults(1).getResultList();
        if (accepted.isEmpty()) {
            return null;
        }
        Report report = accepted.get(0);
        int plannedParticipants = 0;
        int plannedSessions = 0;
        int plannedVolunteers = 0;
        for (var activity : application.getActivities()) {
            plannedParticipants += activity.getPlannedParticipants() == null ? 0 : activity.getPlannedParticipants();
            plannedSessions += activity.getPlannedSessions() == null ? 0 : activity.getPlannedSessions();
            plannedVolunteers += activity.getPlannedVolunteers() == null ? 0 : activity.getPlannedVolunteers();
        }
        return new DeterminationLetterData.Realised(report.totalParticipants(), report.totalSessions(),
                report.totalVolunteers(), plannedParticipants, plannedSessions, plannedVolunteers);
    }

    private static BigDecimal zero() {
        return Money.ZERO.amount();
    }
}
