package nl.preventiefonds.payment;

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
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.decision.GrantDecision;
import nl.preventiefonds.decision.PaymentTranche;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/** One payment the municipality must make: an advance or tranche of a decision's schedule. */
@Entity
@Table(name = "payment_instruction")
public class PaymentInstruction implements Serializable {
    private static final long serialVersionUID = 1L;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @BatchFetch(BatchFetchType.IN)
    @JoinColumn(name = "decision_id", nullable = false)
    private GrantDecision decision;

    @ManyToOne(fetch = FetchType.LAZY)
    @BatchFetch(BatchFetchType.IN)
    @JoinColumn(name = "tranche_id", unique = true)
    private PaymentTranche tranche;

    @ManyToOne(optional = false)
    @JoinColumn(name = "application_id", nullable = false)
    private Application application;

    @Column(nullable = false, length = 100)
    private String label;

    @Column(nullable = false, precision = 15, scale = 2)
    private BigDecimal amount;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Column(name = "payee_name", nullable = false, length = 200)
    private String payeeName;

    @Column(name = "payee_iban", nullable = false, length = 42)
    private String payeeIban;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private PaymentStatus status = PaymentStatus.DUE;

    @Column(name = "paid_on")
    private LocalDate paidOn;

    @Column(name = "paid_by", length = 254)
    private String paidBy;

    @Column(name = "bank_reference", length = 60)
    private String bankReference;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private PaymentKind kind = PaymentKind.SCHEDULE;

    @Column(name = "determination_id")
    private Long determinationId;

    @Version
    private long version;

    protected PaymentInstruction() {
    }

    public PaymentInstruction(GrantDecision decision, PaymentTranche tranche, Application application,
                              Instant createdAt) {
        this.decision = decision;
        this.tranche = tranche;
        this.application = application;
        this.label = tranche.getLabel();
        this.amount = tranche.getAmount();
        this.dueOn = tranche.getDueOn();
        this.payeeName = application.getAccountHolder() != null ? application.getAccountHolder()
                : application.getOrganisationName();
        this.payeeIban = application.getIban();
        this.createdAt = createdAt;
    }

    /** A tranche of a decision taken on objection, less what was already paid under the decision it replaced. */
    PaymentInstruction(GrantDecision decision, PaymentTranche tranche, Application application, BigDecimal amount,
                       Instant createdAt) {
        this(decision, tranche, application, createdAt);
        this.amount = amount;
    }

    /** The balance after a determination: no tranche, due within the legal four weeks. */
    PaymentInstruction(GrantDecision decision, Application application, long determinationId, BigDecimal amount,
                       LocalDate dueOn, Instant createdAt) {
        this.decision = decision;
        this.application = application;
        this.kind = PaymentKind.BALANCE;
        this.determinationId = determinationId;
        this.label = "Restant na vaststelling";
        this.amount = amount;
        this.dueOn = dueOn;
        this.payeeName = application.getAccountHolder() != null ? application.getAccountHolder()
                : application.getOrganisationName();
        this.payeeIban = application.getIban();
        this.createdAt = createdAt;
    }

    /** A payment after a determination on objection: like a balance, with its own label. */
    PaymentInstruction(GrantDecision decision, Application application, long determinationId, BigDecimal amount,
                       LocalDate dueOn, Instant createdAt, String label) {
        this(decision, application, determinationId, amount, dueOn, createdAt);
        this.label = label;
    }

    void cancel() {
        status = PaymentStatus.CANCELLED;
    }

    /** Paid after its due date: for a balance payment, later than the Awb's four weeks. */
    public boolean isPaidLate() {
        return status == PaymentStatus.PAID && paidOn != null && paidOn.isAfter(dueOn);
    }

    void markPaid(LocalDate on, String by, String reference) {
        status = PaymentStatus.PAID;
        paidOn = on;
        paidBy = by;
        bankReference = reference;
    }

    public boolean isOverdueOn(LocalDate today) {
        return status == PaymentStatus.DUE && dueOn.isBefore(today);
    }

    public PaymentKind getKind() {
        return kind;
    }

    public Long getDeterminationId() {
        return determinationId;
    }

    public Long getId() {
        return id;
    }

    public GrantDecision getDecision() {
        return decision;
    }

    public Application getApplication() {
        return application;
    }

    public String getLabel() {
        return label;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public String getPayeeName() {
        return payeeName;
    }

    public String getPayeeIban() {
        return payeeIban;
    }

    public PaymentStatus getStatus() {
        return status;
    }

    public LocalDate getPaidOn() {
        return paidOn;
    }

    public String getPaidBy() {
        return paidBy;
    }

    public String getBankReference() {
        return bankReference;
    }
}
