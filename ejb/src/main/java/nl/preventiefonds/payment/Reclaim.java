package nl.preventiefonds.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
import nl.preventiefonds.platform.Money;

/**
 * Money paid beyond the final amount of a determination, or beyond a decision that replaced a revoked one on
 * objection, owed back to the municipality (Awb 4:57) until fully received.
 */
@Entity
@Table(name = "reclaim")
public class Reclaim implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The power to reclaim lapses five years after the determination (Awb 4:57, third paragraph). */
    public static final int LIMITATION_YEARS = 5;
    /** The recipient pays back within six weeks of the letter. */
    public static final int DUE_WEEKS = 6;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The determination that caused it; null when a decision on objection did. */
    @Column(name = "determination_id", unique = true)
    private Long determinationId;

    /** The decision revoked on objection whose payments went beyond the decision replacing it. */
    @Column(name = "decision_id")
    private Long decisionId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "application_id", nullable = false)
    private Application application;

    @Column(nullable = false, precision = 15, scale = 2)
    private BigDecimal amount;

    @Column(nullable = false, precision = 15, scale = 2)
    private BigDecimal received = Money.ZERO.amount();

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Column(name = "limitation_on", nullable = false)
    private LocalDate limitationOn;

    @Column(name = "debtor_name", nullable = false, length = 200)
    private String debtorName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ReclaimStatus status = ReclaimStatus.OPEN;

    @Column(name = "settled_on")
    private LocalDate settledOn;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Reclaim() {
    }

    Reclaim(long determinationId, Application application, BigDecimal amount, LocalDate determinedOn,
            Instant createdAt) {
        this.determinationId = determinationId;
        this.application = application;
        this.amount = amount;
        this.dueOn = determinedOn.plusWeeks(DUE_WEEKS);
        this.limitationOn = determinedOn.plusYears(LIMITATION_YEARS);
        this.debtorName = application.getOrganisationName();
        this.createdAt = createdAt;
    }

    /** Paid under a decision revoked on objection beyond the decision that replaced it; from the new decision's date. */
    static Reclaim afterReplacement(long revokedDecisionId, Application application, BigDecimal amount,
                                    LocalDate decidedOn, Instant createdAt) {
        Reclaim reclaim = new Reclaim();
        reclaim.decisionId = revokedDecisionId;
        reclaim.application = application;
        reclaim.amount = amount;
        reclaim.dueOn = decidedOn.plusWeeks(DUE_WEEKS);
        reclaim.limitationOn = decidedOn.plusYears(LIMITATION_YEARS);
        reclaim.debtorName = application.getOrganisationName();
        reclaim.createdAt = createdAt;
        return reclaim;
    }

    /**
     * A determination on objection changed what is owed: the amount becomes {@code newAmount}. Raised, it is due six
     * weeks from {@code on} and lapses five years from it; lowered to what was repaid it is settled, to nothing
     * (nothing repaid) cancelled.
     */
    void revise(BigDecimal newAmount, LocalDate on) {
        if (newAmount.compareTo(amount) > 0) {
            dueOn = on.plusWeeks(DUE_WEEKS);
            limitationOn = on.plusYears(LIMITATION_YEARS);
        }
        amount = newAmount;
        if (received.compareTo(amount) < 0) {
            status = ReclaimStatus.OPEN;
            settledOn = null;
        } else {
            status = amount.signum() == 0 ? ReclaimStatus.CANCELLED : ReclaimStatus.SETTLED;
            settledOn = settledOn == null ? on : settledOn;
        }
    }

    void receive(BigDecimal part, LocalDate on) {
        received = received.add(part);
        if (received.compareTo(amount) >= 0) {
            status = ReclaimStatus.SETTLED;
            settledOn = on;
        }
    }

    public BigDecimal getOutstanding() {
        return amount.subtract(received);
    }

    public boolean isOverdueOn(LocalDate today) {
        return status == ReclaimStatus.OPEN && dueOn.isBefore(today);
    }

    public Long getId() {
        return id;
    }

    public Long getDeterminationId() {
        return determinationId;
    }

    public Long getDecisionId() {
        return decisionId;
    }

    public Application getApplication() {
        return application;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public BigDecimal getReceived() {
        return received;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public LocalDate getLimitationOn() {
        return limitationOn;
    }

    public String getDebtorName() {
        return debtorName;
    }

    public ReclaimStatus getStatus() {
        return status;
    }

    public LocalDate getSettledOn() {
        return settledOn;
    }
}
