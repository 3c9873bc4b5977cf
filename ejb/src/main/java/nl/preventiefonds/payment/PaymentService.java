package nl.preventiefonds.payment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.decision.GrantDecision;
import nl.preventiefonds.decision.PaymentTranche;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.ValidationFailedException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Payment instructions from decisions; fund managers mark them paid or export them. */
@Stateless
@RolesAllowed(Role.Names.FUND_MANAGER)
public class PaymentService {
    static final String SUBJECT = "Application";

    @PersistenceContext
    private EntityManager em;

    @EJB
    private AccessPolicy access;

    @EJB
    private AuditTrail audit;

    @Inject
    private Clock clock;

    /** Called inside the decision's transaction: one instruction per tranche of its schedule. */
    @RolesAllowed(Role.Names.DECISION_MAKER)
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public int instruct(GrantDecision decision) {
        int created = 0;
        for (PaymentTranche tranche : decision.getTranches()) {
            em.persist(new PaymentInstruction(decision, tranche, decision.getApplication(), clock.instant()));
            created++;
        }
        return created;
    }

    /** Filter for the list; null fields do not filter. */
    public record Filter(PaymentStatus status, LocalDate dueBefore) implements java.io.Serializable {
    }

    public List<PaymentInstruction> page(Filter filter, int first, int size) {
        access.requireAnyRole(Role.FUND_MANAGER);
        TypedQuery<PaymentInstruction> query = em.createQuery("SELECT p FROM PaymentInstruction p JOIN FETCH"
                + " p.application" + where(filter) + " ORDER BY p.dueOn, p.id", PaymentInstruction.class);
        bind(query, filter);
        return query.setFirstResult(Math.max(0, first)).setMaxResults(Math.min(Math.max(1, size), 500))
                .getResultList();
    }

    public long count(Filter filter) {
        access.requireAnyRole(Role.FUND_MANAGER);
        TypedQuery<Long> query = em.createQuery("SELECT COUNT(p) FROM PaymentInstruction p" + where(filter),
                Long.class);
        bind(query, filter);
        return query.getSingleResult();
    }

    private static String where(Filter filter) {
        List<String> conditions = new ArrayList<>();
        if (filter.status() != null) {
            conditions.add("p.status = :status");
        }
        if (filter.dueBefore() != null) {
            conditions.add("p.dueOn <= :dueBefore");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static void bind(TypedQuery<?> query, Filter filter) {
        if (filter.status() != null) {
            query.setParameter("status", filter.status());
        }
        if (filter.dueBefore() != null) {
            query.setParameter("dueBefore", filter.dueBefore());
        }
    }

    /** Records that the payment left the municipality's account. */
    public void markPaid(long instructionId, LocalDate paidOn, String bankReference) {
        Caller caller = access.requireAnyRole(Role.FUND_MANAGER);
        PaymentInstruction payment = em.find(PaymentInstruction.class, instructionId, LockModeType.PESSIMISTIC_WRITE);
        if (payment == null) {
            throw new ValidationFailedException("payment.notFound");
        }
        List<Problem> problems = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(clock.instant(), Amsterdam.ZONE);
        if (payment.getStatus() == PaymentStatus.PAID) {
            problems.add(Problem.of("payment.alreadyPaid"));
        }
        if (paidOn == null || paidOn.isAfter(today)) {
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
        access.requireAnyRole(Role.FUND_MANAGER);
        List<PaymentInstruction> due = em.createQuery("SELECT p FROM PaymentInstruction p JOIN FETCH p.application"
                        + " WHERE p.status = :due AND p.dueOn <= :until ORDER BY p.dueOn, p.id", PaymentInstruction.class)
                .setParameter("due", PaymentStatus.DUE).setParameter("until", dueBefore).getResultList();
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.Builder.create(CSVFormat.DEFAULT).setDelimiter(';')
                .setHeader("betaling", "referentie", "omschrijving", "begunstigde", "iban", "bedrag", "vervaldatum")
                .build();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (PaymentInstruction p : due) {
                printer.printRecord(p.getId(), p.getApplication().getReference(), p.getLabel() + " "
                        + p.getApplication().getReference(), p.getPayeeName(), p.getPayeeIban(),
                        p.getAmount().toPlainString(), p.getDueOn());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record("PAYMENTS_EXPORTED", "PaymentInstruction", null, null, "count=" + due.size() + ", dueBefore="
                + dueBefore);
        return out.toString();
    }
}
