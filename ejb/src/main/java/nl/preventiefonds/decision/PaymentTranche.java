package nl.preventiefonds.decision;

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
import java.time.LocalDate;
import nl.preventiefonds.platform.Money;

/** A payment the decision promises: the advance or a later tranche, with its due date. */
@Entity
@Table(name = "payment_tranche")
public class PaymentTranche implements Serializable {
    private static final long serialVersionUID = 1L;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "decision_id", nullable = false)
    private GrantDecision decision;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = 100)
    private String label;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Column(nullable = false, precision = 15, scale = 2)
    private BigDecimal amount;

    protected PaymentTranche() {
    }

    PaymentTranche(GrantDecision decision, int position, String label, LocalDate dueOn, BigDecimal amount) {
        this.decision = decision;
        this.position = position;
        this.label = label;
        this.dueOn = dueOn;
        this.amount = Money.exact(amount).amount();
    }

    public Long getId() {
        return id;
    }

    public int getPosition() {
        return position;
    }

    public String getLabel() {
        return label;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public BigDecimal getAmount() {
        return amount;
    }
}
