package nl.preventiefonds.fund;

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
import nl.preventiefonds.platform.Money;

/** The part of a fund's budget available in one calendar year. */
@Entity
@Table(name = "fund_year_budget")
public class FundYearBudget implements Serializable {
    private static final long serialVersionUID = 1L;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "fund_id", nullable = false)
    private Fund fund;

    @Column(name = "budget_year", nullable = false)
    private int budgetYear;

    @Column(nullable = false, precision = 15, scale = 2)
    private BigDecimal budget;

    /** Written only by decisions, through a conditional UPDATE (decision.BudgetLedger). */
    @Column(nullable = false, precision = 15, scale = 2, insertable = false, updatable = false)
    private BigDecimal committed = Money.ZERO.amount();

    protected FundYearBudget() {
    }

    FundYearBudget(Fund fund, int budgetYear, BigDecimal budget) {
        this.fund = fund;
        this.budgetYear = budgetYear;
        this.budget = Money.exact(budget).amount();
    }

    void changeBudget(BigDecimal newBudget) {
        budget = Money.exact(newBudget).amount();
    }

    public BigDecimal getCommitted() {
        return committed == null ? Money.ZERO.amount() : committed;
    }

    public BigDecimal getRemaining() {
        return budget.subtract(getCommitted());
    }

    public Long getId() {
        return id;
    }

    public int getBudgetYear() {
        return budgetYear;
    }

    public BigDecimal getBudget() {
        return budget;
    }
}
