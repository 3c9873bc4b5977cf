package nl.preventiefonds.call;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import nl.preventiefonds.fund.Fund;

/** A call for applications (subsidieronde) within a fund. */
@Entity
@Table(name = "funding_call")
public class FundingCall {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "fund_id", nullable = false)
    private Fund fund;

    @Column(nullable = false)
    private String title;

    @Column(name = "opens_at", nullable = false)
    private Instant opensAt;

    @Column(name = "closes_at", nullable = false)
    private Instant closesAt;

    @Column(name = "max_amount", nullable = false, precision = 15, scale = 2)
    private BigDecimal maxAmount;

    @Column(name = "decision_term_weeks", nullable = false)
    private int decisionTermWeeks = 8;

    @Version
    private long version;

    protected FundingCall() {
    }

    public FundingCall(Fund fund, String title, Instant opensAt, Instant closesAt, BigDecimal maxAmount) {
        if (!closesAt.isAfter(opensAt)) {
            throw new IllegalArgumentException("a call closes after it opens");
        }
        this.fund = fund;
        this.title = title;
        this.opensAt = opensAt;
        this.closesAt = closesAt;
        this.maxAmount = maxAmount.setScale(2);
    }

    public boolean isOpenAt(Instant moment) {
        return !moment.isBefore(opensAt) && moment.isBefore(closesAt);
    }

    public Long getId() {
        return id;
    }

    public Fund getFund() {
        return fund;
    }

    public String getTitle() {
        return title;
    }

    public Instant getOpensAt() {
        return opensAt;
    }

    public Instant getClosesAt() {
        return closesAt;
    }

    public BigDecimal getMaxAmount() {
        return maxAmount;
    }

    public int getDecisionTermWeeks() {
        return decisionTermWeeks;
    }
}
