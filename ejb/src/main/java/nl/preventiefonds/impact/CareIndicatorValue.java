package nl.preventiefonds.impact;

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
import nl.preventiefonds.fund.Neighbourhood;

/** The value of one indicator for one neighbourhood and period; MISSING (null, suppressed) where CBS withheld it. */
@Entity
@Table(name = "care_indicator_value")
public class CareIndicatorValue implements Serializable {
    private static final long serialVersionUID = 1L;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "neighbourhood_id", nullable = false)
    private Neighbourhood neighbourhood;

    @Column(name = "period_label", nullable = false, length = 7)
    private String periodLabel;

    @Column(name = "period_start", nullable = false)
    private LocalDate periodStart;

    /** The code of the municipality's {@link CareIndicatorDefinition}. */
    @Column(nullable = false, length = CareIndicatorDefinition.MAX_CODE)
    private String indicator;

    @Column(name = "indicator_value", precision = 14, scale = 4)
    private BigDecimal value;

    @Column(nullable = false)
    private boolean suppressed;

    @Column(name = "imported_at", nullable = false)
    private Instant importedAt;

    @ManyToOne(optional = false)
    @JoinColumn(name = "import_id", nullable = false)
    private CareIndicatorImport importedBy;

    protected CareIndicatorValue() {
    }

    public CareIndicatorValue(Neighbourhood neighbourhood, CarePeriod period, String indicator,
                              BigDecimal value, CareIndicatorImport importedBy) {
        this.neighbourhood = neighbourhood;
        this.periodLabel = period.label();
        this.periodStart = period.start();
        this.indicator = indicator;
        this.value = value;
        this.suppressed = value == null;
        this.importedAt = importedBy.getImportedAt();
        this.importedBy = importedBy;
    }

    public Long getId() {
        return id;
    }

    public Neighbourhood getNeighbourhood() {
        return neighbourhood;
    }

    public String getPeriodLabel() {
        return periodLabel;
    }

    public LocalDate getPeriodStart() {
        return periodStart;
    }

    public String getIndicator() {
        return indicator;
    }

    /** Null when suppressed. */
    public BigDecimal getValue() {
        return value;
    }

    public boolean isSuppressed() {
        return suppressed;
    }

    public Instant getImportedAt() {
        return importedAt;
    }

    public CareIndicatorImport getImport() {
        return importedBy;
    }
}
