package nl.preventiefonds.call;

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
import java.io.Serializable;
import java.math.BigDecimal;

/** Grants up to and including upToAmount need this report; no upper bound on the last tier. */
@Entity
@Table(name = "call_determination_tier")
public class DeterminationTier implements Serializable {
    private static final long serialVersionUID = 1L;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "call_id", nullable = false)
    private FundingCall call;

    @Column(nullable = false)
    private int position;

    @Column(name = "up_to_amount", precision = 15, scale = 2)
    private BigDecimal upToAmount;

    @Enumerated(EnumType.STRING)
    @Column(name = "report_kind", nullable = false, length = 40)
    private ReportKind reportKind;

    protected DeterminationTier() {
    }

    DeterminationTier(FundingCall call, int position, BigDecimal upToAmount, ReportKind reportKind) {
        this.call = call;
        this.position = position;
        this.upToAmount = upToAmount;
        this.reportKind = reportKind;
    }

    public boolean covers(BigDecimal amount) {
        return upToAmount == null || amount.compareTo(upToAmount) <= 0;
    }

    public Long getId() {
        return id;
    }

    public int getPosition() {
        return position;
    }

    public BigDecimal getUpToAmount() {
        return upToAmount;
    }

    public ReportKind getReportKind() {
        return reportKind;
    }
}
