package nl.preventiefonds.determination;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.application.IssuedDocument;
import nl.preventiefonds.decision.GrantDecision;
import nl.preventiefonds.platform.Money;

/** The final determination (vaststelling, Awb 4:42-4:46) of a grant: the amount the recipient keeps. */
@Entity
@Table(name = "determination")
public class Determination implements Serializable {
    private static final long serialVersionUID = 1L;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The decision in force; a determination replaced on objection shares it with the one replacing it. */
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "decision_id", nullable = false)
    private GrantDecision decision;

    @ManyToOne(optional = false)
    @JoinColumn(name = "application_id", nullable = false)
    private Application application;

    @Column(nullable = false, precision = 15, scale = 2)
    private BigDecimal awarded;

    @Column(name = "final_amount", nullable = false, precision = 15, scale = 2)
    private BigDecimal finalAmount;

    @Column(name = "paid_before", nullable = false, precision = 15, scale = 2)
    private BigDecimal paidBefore;

    @Column(name = "cancelled_unpaid", nullable = false, precision = 15, scale = 2)
    private BigDecimal cancelledUnpaid = Money.ZERO.amount();

    @Column(length = 4000)
    private String reasons;

    @Column(name = "direct_tier", nullable = false)
    private boolean direct;

    @Column(name = "determined_on", nullable = false)
    private LocalDate determinedOn;

    @Column(name = "determined_at", nullable = false)
    private Instant determinedAt;

    @Column(name = "determined_by", nullable = false, length = 254)
    private String determinedBy;

    @Column(name = "objection_deadline", nullable = false)
    private LocalDate objectionDeadline;

    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "letter_document_id")
    private IssuedDocument letter;

    /** The determination this one replaced on an upheld objection (Awb 7:11); null for a first determination. */
    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "replaces_id", unique = true)
    private Determination replaces;

    /** The determination that replaced this one on objection; null while this one is in force. */
    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "replaced_by_id")
    private Determination replacedBy;

    protected Determination() {
    }

    Determination(GrantDecision decision, BigDecimal finalAmount, BigDecimal paidBefore, String reasons,
                  boolean direct, LocalDate determinedOn, Instant determinedAt, String determinedBy,
                  LocalDate objectionDeadline) {
        this.decision = decision;
        this.application = decision.getApplication();
        this.awarded = decision.getAmount();
        this.finalAmount = finalAmount;
        this.paidBefore = paidBefore;
        this.reasons = reasons;
        this.direct = direct;
        this.determinedOn = determinedOn;
        this.determinedAt = determinedAt;
        this.determinedBy = determinedBy;
        this.objectionDeadline = objectionDeadline;
    }

    void settled(BigDecimal paid, BigDecimal cancelled) {
        this.paidBefore = paid;
        this.cancelledUnpaid = cancelled;
    }

    /** This determination takes {@code contested}'s place, which is then no longer in force. */
    void replace(Determination contested) {
        this.replaces = contested;
        contested.replacedBy = this;
    }

    /** Taken on an objection: against it only appeal to the court is open (Awb 7:1), no second objection. */
    public boolean isOnObjection() {
        return replaces != null;
    }

    public boolean isInForce() {
        return replacedBy == null;
    }

    public Determination getReplaces() {
        return replaces;
    }

    public Determination getReplacedBy() {
        return replacedBy;
    }

    void attachLetter(IssuedDocument document) {
        this.letter = document;
    }

    /** What the municipality no longer spends: the difference goes back to the year budget. */
    public BigDecimal getReleased() {
        return awarded.subtract(finalAmount);
    }

    public String auditSummary() {
        return "determination=" + id + ", awarded=" + awarded + ", final=" + finalAmount + ", paidBefore="
                + paidBefore + ", cancelledUnpaid=" + cancelledUnpaid + ", direct=" + direct + ", on=" + determinedOn
                + (replaces == null ? "" : ", replaces=" + replaces.getId());
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

    public BigDecimal getAwarded() {
        return awarded;
    }

    public BigDecimal getFinalAmount() {
        return finalAmount;
    }

    public BigDecimal getPaidBefore() {
        return paidBefore;
    }

    public BigDecimal getCancelledUnpaid() {
        return cancelledUnpaid;
    }

    public String getReasons() {
        return reasons;
    }

    public boolean isDirect() {
        return direct;
    }

    public LocalDate getDeterminedOn() {
        return determinedOn;
    }

    public String getDeterminedBy() {
        return determinedBy;
    }

    public LocalDate getObjectionDeadline() {
        return objectionDeadline;
    }

    public IssuedDocument getLetter() {
        return letter;
    }
}
