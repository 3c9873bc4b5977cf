package nl.preventiefonds.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One repayment received on a reclaim; a reclaim may be paid back in parts. */
@Entity
@Table(name = "reclaim_receipt")
public class ReclaimReceipt implements Serializable {
    private static final long serialVersionUID = 1L;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "reclaim_id", nullable = false)
    private Reclaim reclaim;

    @Column(nullable = false, precision = 15, scale = 2)
    private BigDecimal amount;

    @Column(name = "received_on", nullable = false)
    private LocalDate receivedOn;

    @Column(name = "bank_reference", length = 60)
    private String bankReference;

    @Column(name = "recorded_by", nullable = false, length = 254)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected ReclaimReceipt() {
    }

    ReclaimReceipt(Reclaim reclaim, BigDecimal amount, LocalDate receivedOn, String bankReference,
                   String recordedBy, Instant recordedAt) {
        this.reclaim = reclaim;
        this.amount = amount;
        this.receivedOn = receivedOn;
        this.bankReference = bankReference;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getId() {
        return id;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public String getBankReference() {
        return bankReference;
    }

    public String getRecordedBy() {
        return recordedBy;
    }
}
