package nl.preventiefonds.monitoring;

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

/** An outcome indicator with its measured value, e.g. "deelnemers minder eenzaam (%)" 62. */
@Entity
@Table(name = "report_indicator")
public class ReportIndicator implements Serializable {
    private static final long serialVersionUID = 1L;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "report_id", nullable = false)
    private Report report;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "indicator_value", nullable = false, precision = 15, scale = 2)
    private BigDecimal measured; // not "value": that is a JPQL keyword

    protected ReportIndicator() {
    }

    ReportIndicator(Report report, int position, String name, BigDecimal value) {
        this.report = report;
        this.position = position;
        this.name = name;
        this.measured = value;
    }

    public String getName() {
        return name;
    }

    public BigDecimal getValue() {
        return measured;
    }
}
