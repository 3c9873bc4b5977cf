package nl.preventiefonds.payment;

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
import jakarta.persistence.TypedQuery;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import nl.preventiefonds.application.ApplicationQueries;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.call.CallFetch;
import nl.preventiefonds.decision.DecisionReplaced;
import nl.preventiefonds.decision.GrantAwarded;
import nl.preventiefonds.decision.GrantDecision;
import nl.preventiefonds.decision.PaymentTranche;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.CsvCells;
import nl.preventiefonds.platform.Money;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.RoleNames;
import nl.preventiefonds.platform.ValidationFailedException;

/** Payment instructions from decisions; fund managers mark them paid or export them. */
@Stateless
@RolesAllowed(RoleNames.FUND_MANAGER)
public class PaymentService {
    static final String SUBJECT = "Application";
    /** Awb 4:52: payment within four weeks of the determination. */
    static final int BALANCE_WEEKS = 4;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy access;

    @Inject
    private AuditTrail audit;

    @Inject
    private ApplicationQueries queries;

    @Inject
    private Clock clock;

    /** Inside the decision's transaction: one instruction per tranche of its schedule. */
    @RolesAllowed(RoleNames.DECISION_MAKER)
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void onAward(@Observes @Priority(Interceptor.Priority.APPLICATION) GrantAwarded event) {
        GrantDecision decision = event.decision();
        for (PaymentTranche tranche : decision.getTranches()) {
            em.persist(new PaymentInstruction(decision, tranche, decision.getApplication(), clock.instant()));
        }
        em.flush();
    }

    /**
     * Inside the transaction of an upheld objection: the contested award's unpaid payments are cancelled, what was
     * paid counts against the new decision's schedule ({@link ReplacementPayments}), and paid beyond the new grant
     * is reclaimed (Awb 4:57). Every step audited.
     */
    @RolesAllowed(RoleNames.DECISION_MAKER)
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void onReplaced(@Observes @Priority(Interceptor.Priority.APPLICATION) DecisionReplaced event) {
        GrantDecision contested = event.replaced();
        GrantDecision decision = event.replacement();
        long applicationId = decision.getApplication().getId();
        List<PaymentInstruction> instructions = em.createQuery("SELECT p FROM PaymentInstruction p"
                        + " WHERE p.decision.id = :decision ORDER BY p.id", PaymentInstruction.class)
                .setParameter("decision", contested.getId()).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        Settlement.Standing standing = Settlement.Standing.of(instructions);
        for (PaymentInstruction p : instructions) {
            if (p.getStatus() == PaymentStatus.DUE) {
                p.cancel();
                audit.record("PAYMENT_CANCELLED", SUBJECT, applicationId, "payment=" + p.getId() + ", status=DUE",
                        "payment=" + p.getId() + ", status=CANCELLED, amount=" + p.getAmount()
                                + ", reason=decision " + contested.getId() + " replaced by " + decision.getId());
            }
        }
        List<PaymentTranche> tranches = decision.getTranches();
        ReplacementPayments money = ReplacementPayments.of(standing.paid(),
                tranches.stream().map(PaymentTranche::getAmount).toList(), decision.committedAmount());
        for (int i = 0; i < tranches.size(); i++) {
            BigDecimal amount = money.instructed().get(i);
            if (amount.signum() > 0) {
                PaymentInstruction p = new PaymentInstruction(decision, tranches.get(i), decision.getApplication(),
                        amount, clock.instant());
                em.persist(p);
                em.flush();
                audit.record("PAYMENT_INSTRUCTED", SUBJECT, applicationId, null, "payment=" + p.getId()
                        + ", kind=SCHEDULE, amount=" + amount + ", due=" + p.getDueOn() + ", decision="
                        + decision.getId() + (amount.compareTo(tranches.get(i).getAmount()) < 0
                        ? ", paidBefore=" + tranches.get(i).getAmount().subtract(amount) : ""));
            }
        }
        if (money.reclaim().signum() > 0) {
            Reclaim reclaim = Reclaim.afterReplacement(contested.getId(), decision.getApplication(), money.reclaim(),
                    decision.getDecidedOn(), clock.instant());
            em.persist(reclaim);
            em.flush();
            audit.record("RECLAIM_OPENED", SUBJECT, applicationId, null, "reclaim=" + reclaim.getId() + ", amount="
                    + reclaim.getAmount() + ", due=" + reclaim.getDueOn() + ", lapsesOn=" + reclaim.getLimitationOn()
                    + ", reason=decision " + contested.getId() + " replaced by " + decision.getId());
        }
    }

    /**
     * Where the payments of an application stand: every decision's payments count (a decision taken on objection
     * counts what was paid under the one it replaced), less what is reclaimed because of such a replacement.
     */
    @RolesAllowed({RoleNames.OFFICER, RoleNames.DECISION_MAKER})
    public Settlement.Standing standing(long applicationId) {
        queries.visible(applicationId);
        return net(em.createQuery("SELECT p FROM PaymentInstruction p WHERE p.application.id = :id ORDER BY p.id",
                PaymentInstruction.class).setParameter("id", applicationId).getResultList(), applicationId);
    }

    private Settlement.Standing net(List<PaymentInstruction> instructions, long applicationId) {
        Settlement.Standing standing = Settlement.Standing.of(instructions);
        BigDecimal reclaimed = em.createQuery("SELECT SUM(r.amount) FROM Reclaim r WHERE r.application.id = :id"
                + " AND r.decisionId IS NOT NULL", BigDecimal.class).setParameter("id", applicationId)
                .getSingleResult();
        return reclaimed == null ? standing
                : new Settlement.Standing(Money.exact(standing.paid().subtract(reclaimed)).amount(), standing.unpaid());
    }

    /** What a determination did to the payments. */
    public record SettlementResult(Settlement settlement, Long balanceInstructionId, Long reclaimId)
            implements java.io.Serializable {
    }

    /**
     * Inside the determination's transaction: cancels what is no longer owed, instructs the balance (due
     * within four weeks, Awb 4:52) or opens a reclaim (Awb 4:57). Payments marked paid count; unpaid ones not.
     */
    @RolesAllowed({RoleNames.OFFICER, RoleNames.DECISION_MAKER})
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public SettlementResult settle(GrantDecision decision, long determinationId, BigDecimal finalAmount,
                                   LocalDate determinedOn) {
        // All payments of the application: a decision taken on objection counts what was paid under the one it
        // replaced (and that one's unpaid payments were cancelled then).
        long applicationId = decision.getApplication().getId();
        List<PaymentInstruction> instructions = em.createQuery("SELECT p FROM PaymentInstruction p"
                        + " WHERE p.application.id = :id ORDER BY p.id", PaymentInstruction.class)
                .setParameter("id", applicationId).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        Settlement settlement = Settlement.of(finalAmount, net(instructions, applicationId));
        for (PaymentInstruction p : instructions) {
            if (settlement.cancelledIds().contains(p.getId())) {
                p.cancel();
                audit.record("PAYMENT_CANCELLED", SUBJECT, applicationId, "payment=" + p.getId() + ", status=DUE",
                        "payment=" + p.getId() + ", status=CANCELLED, amount=" + p.getAmount()
                                + ", reason=determination " + determinationId);
            }
        }
        Long balanceId = null;
        Long reclaimId = null;
        if (settlement.balancePayment().signum() > 0) {
            PaymentInstruction balance = new PaymentInstruction(decision, decision.getApplication(), determinationId,
                    settlement.balancePayment(), determinedOn.plusWeeks(BALANCE_WEEKS), clock.instant());
            em.persist(balance);
            em.flush();
            balanceId = balance.getId();
            audit.record("PAYMENT_INSTRUCTED", SUBJECT, applicationId, null, "payment=" + balanceId
                    + ", kind=BALANCE, amount=" + balance.getAmount() + ", due=" + balance.getDueOn());
        }
        if (settlement.reclaim().signum() > 0) {
            Reclaim reclaim = new Reclaim(determinationId, decision.getApplication(), settlement.reclaim(),
                    determinedOn, clock.instant());
            em.persist(reclaim);
            em.flush();
            reclaimId = reclaim.getId();
            audit.record("RECLAIM_OPENED", SUBJECT, applicationId, null, "reclaim=" + reclaimId + ", amount="
                    + reclaim.getAmount() + ", due=" + reclaim.getDueOn() + ", lapsesOn=" + reclaim.getLimitationOn());
        }
        return new SettlementResult(settlement, balanceId, reclaimId);
    }

    /** What a determination on objection did to the payments: the arithmetic, the new payment, the reclaim. */
    public record RevisionResult(DeterminationRevision revision, Long paymentId, Long reclaimId)
            implements java.io.Serializable {
    }

    /**
     * Inside the transaction of an upheld objection against a determination: applies {@link DeterminationRevision}
     * (cancels what is no longer owed, instructs a payment due within four weeks (Awb 4:52), lowers, raises or opens
     * the reclaim (Awb 4:57)), every step audited.
     */
    @RolesAllowed({RoleNames.OFFICER, RoleNames.DECISION_MAKER})
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public RevisionResult revise(GrantDecision decision, long contestedDeterminationId, BigDecimal contestedFinal,
                                 long newDeterminationId, BigDecimal newFinal, LocalDate on) {
        long applicationId = decision.getApplication().getId();
        List<PaymentInstruction> due = em.createQuery("SELECT p FROM PaymentInstruction p"
                        + " WHERE p.application.id = :id AND p.status = :due ORDER BY p.id", PaymentInstruction.class)
                .setParameter("id", applicationId).setParameter("due", PaymentStatus.DUE)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        BigDecimal unpaid = due.stream().map(PaymentInstruction::getAmount)
                .reduce(Money.ZERO.amount(), BigDecimal::add);
        Reclaim reclaim = em.createQuery("SELECT r FROM Reclaim r WHERE r.determinationId = :d", Reclaim.class)
                .setParameter("d", contestedDeterminationId).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElse(null);
        DeterminationRevision revision = DeterminationRevision.of(contestedFinal, newFinal, unpaid,
                reclaim == null ? null : reclaim.getAmount(), reclaim == null ? null : reclaim.getReceived());
        String reason = ", reason=determination " + contestedDeterminationId + " replaced by " + newDeterminationId;
        if (revision.cancelUnpaid()) {
            for (PaymentInstruction p : due) {
                p.cancel();
                audit.record("PAYMENT_CANCELLED", SUBJECT, applicationId, "payment=" + p.getId() + ", status=DUE",
                        "payment=" + p.getId() + ", status=CANCELLED, amount=" + p.getAmount() + reason);
            }
        }
        Long paymentId = null;
        if (revision.payment().signum() > 0) {
            PaymentInstruction payment = new PaymentInstruction(decision, decision.getApplication(),
                    newDeterminationId, revision.payment(), on.plusWeeks(BALANCE_WEEKS), clock.instant(),
                    "Na beslissing op bezwaar");
            em.persist(payment);
            em.flush();
            paymentId = payment.getId();
            audit.record("PAYMENT_INSTRUCTED", SUBJECT, applicationId, null, "payment=" + paymentId
                    + ", kind=BALANCE, amount=" + payment.getAmount() + ", due=" + payment.getDueOn() + reason);
        }
        Long reclaimId = reclaim == null ? null : reclaim.getId();
        if (reclaim != null && revision.reclaimAfter().compareTo(reclaim.getAmount()) != 0) {
            String before = "reclaim=" + reclaim.getId() + ", amount=" + reclaim.getAmount() + ", received="
                    + reclaim.getReceived() + ", status=" + reclaim.getStatus();
            reclaim.revise(revision.reclaimAfter(), on);
            audit.record("RECLAIM_REVISED", SUBJECT, applicationId, before, "reclaim=" + reclaim.getId() + ", amount="
                    + reclaim.getAmount() + ", received=" + reclaim.getReceived() + ", status=" + reclaim.getStatus()
                    + ", due=" + reclaim.getDueOn() + reason);
        } else if (reclaim == null && revision.reclaimAfter() != null) {
            Reclaim opened = new Reclaim(newDeterminationId, decision.getApplication(), revision.reclaimAfter(), on,
                    clock.instant());
            em.persist(opened);
            em.flush();
            reclaimId = opened.getId();
            audit.record("RECLAIM_OPENED", SUBJECT, applicationId, null, "reclaim=" + reclaimId + ", amount="
                    + opened.getAmount() + ", due=" + opened.getDueOn() + ", lapsesOn=" + opened.getLimitationOn()
                    + reason);
        }
        return new RevisionResult(revision, paymentId, reclaimId);
    }

    /** The payments of one application, for its owner and staff (partners never see money flows). */
    @RolesAllowed({RoleNames.OFFICER, RoleNames.DECISION_MAKER, RoleNames.FUND_MANAGER, RoleNames.ORGANISER})
    public List<PaymentInstruction> forApplication(long applicationId) {
        queries.visible(applicationId);
        return em.createQuery("SELECT p FROM PaymentInstruction p WHERE p.application.id = :id ORDER BY p.dueOn, p.id",
                PaymentInstruction.class).setParameter("id", applicationId).getResultList();
    }

    @RolesAllowed({RoleNames.OFFICER, RoleNames.DECISION_MAKER, RoleNames.FUND_MANAGER, RoleNames.ORGANISER})
    public Reclaim reclaimForApplication(long applicationId) {
        queries.visible(applicationId);
        // The determination's reclaim when there is one (a reclaim after a revocation on objection is older).
        return em.createQuery("SELECT r FROM Reclaim r WHERE r.application.id = :id ORDER BY r.id DESC", Reclaim.class)
                .setParameter("id", applicationId).setMaxResults(1).getResultStream().findFirst().orElse(null);
    }

    /**
     * The caller's municipality's reclaims by due date, optionally of one status and matching a reference or debtor
     * (search).
     */
    @RolesAllowed({RoleNames.FUND_MANAGER, RoleNames.OFFICER})
    public List<Reclaim> reclaims(ReclaimStatus status, String search, int first, int size) {
        long municipality = access.requireMunicipalStaff(Role.FUND_MANAGER, Role.OFFICER).municipalityId();
        TypedQuery<Reclaim> query = reclaimFilter(CallFetch.withApplication(em.createQuery("SELECT r FROM Reclaim r"
                + " JOIN FETCH r.application a" + reclaimWhere(status, search)
                + " ORDER BY r.dueOn, r.id", Reclaim.class), "r.application"), status, search, municipality);
        return query.setFirstResult(Math.max(0, first)).setMaxResults(Math.min(Math.max(1, size), 500))
                .getResultList();
    }

    @RolesAllowed({RoleNames.FUND_MANAGER, RoleNames.OFFICER})
    public long countReclaims(ReclaimStatus status, String search) {
        long municipality = access.requireMunicipalStaff(Role.FUND_MANAGER, Role.OFFICER).municipalityId();
        return reclaimFilter(em.createQuery("SELECT COUNT(r) FROM Reclaim r JOIN r.application a"
                + reclaimWhere(status, search), Long.class), status, search, municipality).getSingleResult();
    }

    private static String reclaimWhere(ReclaimStatus status, String search) {
        List<String> conditions = new ArrayList<>();
        conditions.add("a.municipalityId = :municipality");
        if (status != null) {
            conditions.add("r.status = :status");
        }
        if (searchTerm(search) != null) {
            // LOCATE rather than LIKE: a typed % or _ is a character, not a wildcard.
            conditions.add("(LOCATE(:search, LOWER(a.reference)) > 0 OR LOCATE(:search, LOWER(r.debtorName)) > 0)");
        }
        return " WHERE " + String.join(" AND ", conditions);
    }

    private static <T> TypedQuery<T> reclaimFilter(TypedQuery<T> query, ReclaimStatus status, String search,
                                                   long municipality) {
        query.setParameter("municipality", municipality);
        if (status != null) {
            query.setParameter("status", status);
        }
        String term = searchTerm(search);
        if (term != null) {
            query.setParameter("search", term);
        }
        return query;
    }

    private static String searchTerm(String search) {
        if (search == null || search.isBlank()) {
            return null;
        }
        String term = search.strip().toLowerCase(java.util.Locale.ROOT);
        return term.length() > 100 ? term.substring(0, 100) : term;
    }

    /** Records money received back on a reclaim; settled when all is back. */
    public void recordRepayment(long reclaimId, BigDecimal amount, LocalDate receivedOn, String bankReference) {
        Caller caller = access.requireAnyRole(Role.FUND_MANAGER);
        Reclaim reclaim = em.find(Reclaim.class, reclaimId, LockModeType.PESSIMISTIC_WRITE);
        if (reclaim == null) {
            throw new ValidationFailedException("reclaim.notFound");
        }
        AccessPolicy.requireOwnMunicipality(caller, reclaim.getApplication().getMunicipalityId(), "reclaim.notFound");
        List<Problem> problems = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(clock.instant(), Amsterdam.ZONE);
        if (reclaim.getStatus() == ReclaimStatus.SETTLED) {
            problems.add(Problem.of("reclaim.alreadySettled"));
        } else if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
            problems.add(Problem.of("reclaim.amountInvalid"));
        } else if (amount.compareTo(reclaim.getOutstanding()) > 0) {
            problems.add(Problem.of("reclaim.amountAboveOutstanding", reclaim.getOutstanding()));
        }
        if (receivedOn == null || receivedOn.isAfter(today)) {
            problems.add(Problem.of("payment.paidOnInvalid"));
        }
        if (bankReference != null && bankReference.strip().length() > 60) {
            problems.add(Problem.of("field.tooLong", "field.bankReference", 60));
        }
        if (!problems.isEmpty()) {
            throw ValidationFailedException.of(problems);
        }
        String reference = bankReference == null || bankReference.isBlank() ? null : bankReference.strip();
        BigDecimal part = Money.exact(amount).amount();
        String before = "reclaim=" + reclaimId + ", received=" + reclaim.getReceived() + ", status=" + reclaim.getStatus();
        reclaim.receive(part, receivedOn);
        em.persist(new ReclaimReceipt(reclaim, part, receivedOn, reference, caller.email(), clock.instant()));
        audit.record("RECLAIM_REPAYMENT", SUBJECT, reclaim.getApplication().getId(), before, "reclaim=" + reclaimId
                + ", received=" + reclaim.getReceived() + ", status=" + reclaim.getStatus() + ", part=" + part
                + ", on=" + receivedOn + ", bankReference=" + reference);
    }

    /** Filter for the list; null fields do not filter. */
    public record Filter(PaymentStatus status, LocalDate dueBefore) implements java.io.Serializable {
    }

    /** The payments of the fund manager's municipality, by due date. */
    public List<PaymentInstruction> page(Filter filter, int first, int size) {
        long municipality = access.requireMunicipalStaff(Role.FUND_MANAGER).municipalityId();
        TypedQuery<PaymentInstruction> query = CallFetch.withApplication(em.createQuery("SELECT p"
                + " FROM PaymentInstruction p JOIN FETCH p.application a" + where(filter) + " ORDER BY p.dueOn, p.id",
                PaymentInstruction.class), "p.application");
        bind(query, filter, municipality);
        return query.setFirstResult(Math.max(0, first)).setMaxResults(Math.min(Math.max(1, size), 500))
                .getResultList();
    }

    public long count(Filter filter) {
        long municipality = access.requireMunicipalStaff(Role.FUND_MANAGER).municipalityId();
        TypedQuery<Long> query = em.createQuery("SELECT COUNT(p) FROM PaymentInstruction p JOIN p.application a"
                + where(filter), Long.class);
        bind(query, filter, municipality);
        return query.getSingleResult();
    }

    private static String where(Filter filter) {
        List<String> conditions = new ArrayList<>();
        conditions.add("a.municipalityId = :municipality");
        if (filter.status() != null) {
            conditions.add("p.status = :status");
        }
        if (filter.dueBefore() != null) {
            conditions.add("p.dueOn <= :dueBefore");
        }
        return " WHERE " + String.join(" AND ", conditions);
    }

    private static void bind(TypedQuery<?> query, Filter filter, long municipality) {
        query.setParameter("municipality", municipality);
        if (filter.status() != null) {
            query.setParameter("status", filter.status());
        }
        if (filter.dueBefore() != null) {
            query.setParameter("dueBefore", filter.dueBefore());
        }
    }

    /** How far back a payment date may lie. */
    public static final int MAX_PAID_YEARS_BACK = 5;

    /** Records that the payment left the municipality's account. */
    public void markPaid(long instructionId, LocalDate paidOn, String bankReference) {
        Caller caller = access.requireAnyRole(Role.FUND_MANAGER);
        PaymentInstruction payment = em.find(PaymentInstruction.class, instructionId, LockModeType.PESSIMISTIC_WRITE);
        if (payment == null) {
            throw new ValidationFailedException("payment.notFound");
        }
        AccessPolicy.requireOwnMunicipality(caller, payment.getApplication().getMunicipalityId(), "payment.notFound");
        List<Problem> problems = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(clock.instant(), Amsterdam.ZONE);
        if (payment.getStatus() == PaymentStatus.PAID) {
            problems.add(Problem.of("payment.alreadyPaid"));
        }
        // Not in the future, and not so far back that it is a typing error (a year 1900 or 0202).
        if (paidOn == null || paidOn.isAfter(today) || paidOn.isBefore(today.minusYears(MAX_PAID_YEARS_BACK))) {
            problems.add(Problem.of("payment.paidOnInvalid"));
        }
        if (bankReference != null && bankReference.strip().length() > 60) {
            problems.add(Problem.of("field.tooLong", "field.bankReference", 60));
        }
        if (!problems.isEmpty()) {
            throw ValidationFailedException.of(problems);
        }
        String reference = bankReference == null || bankReference.isBlank() ? null : bankReference.strip();
        payment.markPaid(paidOn, caller.email(), reference);
        audit.record("PAYMENT_MARKED_PAID", SUBJECT, payment.getApplication().getId(), "payment=" + instructionId
                + ", status=DUE", "payment=" + instructionId + ", status=PAID, amount=" + payment.getAmount()
                + ", paidOn=" + paidOn + ", bankReference=" + reference);
    }

    /**
     * The due payments up to a date as CSV (semicolon-separated, as Dutch spreadsheet and
     * financial software expect), amounts with a decimal point for machine reading.
     */
    public String exportDue(LocalDate dueBefore) {
        long municipality = access.requireMunicipalStaff(Role.FUND_MANAGER).municipalityId();
        LocalDate today = LocalDate.ofInstant(clock.instant(), Amsterdam.ZONE);
        if (dueBefore == null || dueBefore.isBefore(today.minusYears(100)) || dueBefore.isAfter(today.plusYears(100))) {
            throw new ValidationFailedException("payments.dateInvalid"); // no date the database can hold, or none
        }
        List<PaymentInstruction> due = CallFetch.withApplication(em.createQuery("SELECT p FROM PaymentInstruction p"
                        + " JOIN FETCH p.application a WHERE a.municipalityId = :municipality AND p.status = :due"
                        + " AND p.dueOn <= :until ORDER BY p.dueOn, p.id", PaymentInstruction.class), "p.application")
                .setParameter("municipality", municipality).setParameter("due", PaymentStatus.DUE).setParameter("until", dueBefore).getResultList();
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.Builder.create(CSVFormat.DEFAULT).setDelimiter(';')
                .setHeader("betaling", "referentie", "omschrijving", "begunstigde", "iban", "bedrag", "vervaldatum")
                .build();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (PaymentInstruction p : due) {
                // Text cells neutralised against formulas (CsvCells); id, amount and date are numbers as they are.
                printer.printRecord(p.getId(), CsvCells.text(p.getApplication().getReference()),
                        CsvCells.text(p.getLabel() + " " + p.getApplication().getReference()),
                        CsvCells.text(p.getPayeeName()), CsvCells.text(p.getPayeeIban()),
                        p.getAmount().toPlainString(), p.getDueOn());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record("PAYMENTS_EXPORTED", "PaymentInstruction", null, null, "count=" + due.size() + ", dueBefore="
                + dueBefore + ", municipality=" + municipality);
        return out.toString();
    }
}
