package nl.preventiefonds.application;

import java.math.BigDecimal;
import java.util.List;
import nl.preventiefonds.platform.Money;

/** Totals of a budget: the requested amount is costs minus co-funding, never below zero. */
public record Budget(BigDecimal costs, BigDecimal coFunding, BigDecimal inKindHours) {
    /** Hours in kind keep two decimals, as their column does; hours, not euros. */
    static final int HOUR_DECIMALS = 2;

    public static Budget of(List<ApplicationForm.BudgetRow> rows) {
        BigDecimal costs = BigDecimal.ZERO;
        BigDecimal coFunding = BigDecimal.ZERO;
        BigDecimal hours = BigDecimal.ZERO;
        for (ApplicationForm.BudgetRow row : rows) {
            BudgetLineKind kind = row.getKind() == null ? BudgetLineKind.COST : row.getKind();
            switch (kind) {
                case COST -> costs = costs.add(nonNegative(row.getAmount()));
                case CO_FUNDING -> coFunding = coFunding.add(nonNegative(row.getAmount()));
                case IN_KIND_HOURS -> hours = hours.add(nonNegative(row.getHours()));
            }
        }
        return new Budget(Money.exact(costs).amount(), Money.exact(coFunding).amount(),
                hours.setScale(HOUR_DECIMALS));
    }

    public BigDecimal requested() {
        BigDecimal difference = costs.subtract(coFunding);
        return difference.signum() < 0 ? Money.ZERO.amount() : difference;
    }

    private static BigDecimal nonNegative(BigDecimal amount) {
        return amount == null || amount.signum() < 0 ? BigDecimal.ZERO : amount;
    }
}
