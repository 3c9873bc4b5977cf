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

/** Actual spending on one budget line, beside what was budgeted. */
@Entity
@Table(name = "report_spending")
public class ReportSpending implements Serializable {
    private static final long serialVersionUID = 1L;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "report_id", nullable = false)
    private Report report;

    @Column(nullable = false)
    private int position;

    @Column(name = "budget_line_id")
    private Long budgetLineId;

    @Column(nullable = false, length = 200)
    private String description;

    @Column(nullable = false, precision = 15, scale = 2)
    private BigDecimal budgeted;

    @Column(nullable = false, precision = 15, scale = 2)
    private BigDecimal spent;

    protected ReportSpending() {
    }

    ReportSpending(Report report, int position, Long budgetLineId, String description, BigDecimal budgeted,
                   BigDecimal spent) {
        this.report = report;
        this.position = position;
        this.budgetLineId = budgetLineId;
        this.description = description;
        this.budgeted = budgeted;
        this.spent = spent;
    }

    public Long getBudgetLineId() {
        return budgetLineId;
    }

    public String getDescription() {
        return description;
    }

    public BigDecimal getBudgeted() {
        return budgeted;
    }

    public BigDecimal getSpent() {
        return spent;
    }

    public BigDecimal getDifference() {
        return spent.subtract(budgeted);
    }
}
