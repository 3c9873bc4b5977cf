package nl.preventiefonds.fund;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.preventiefonds.platform.Money;
import nl.preventiefonds.platform.Problem;

/** What a fund manager edits about a fund: its name, total budget and budget per year. */
public class FundForm implements Serializable {
    private static final long serialVersionUID = 1L;

    private Long id;
    private String name;
    private String description;
    private BigDecimal totalBudget;
    private List<YearRow> years = new ArrayList<>();

    public static class YearRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private Integer year;
        private BigDecimal budget;

        public YearRow() {
        }

        public YearRow(Integer year, BigDecimal budget) {
            this.year = year;
            this.budget = budget;
        }

        public Integer getYear() {
            return year;
        }

        public void setYear(Integer year) {
            this.year = year;
        }

        public BigDecimal getBudget() {
            return budget;
        }

        public void setBudget(BigDecimal budget) {
            this.budget = budget;
        }
    }

    public static FundForm of(Fund fund) {
        FundForm form = new FundForm();
        form.id = fund.getId();
        form.name = fund.getName();
        form.description = fund.getDescription();
        form.totalBudget = fund.getTotalBudget();
        fund.getYearBudgets().forEach(y -> form.years.add(new YearRow(y.getBudgetYear(), y.getBudget())));
        return form;
    }

    /** Name, non-negative amounts in cents, each year once, and years never above the total. */
    public List<Problem> check() {
        List<Problem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(Problem.of("fund.nameRequired"));
        }
        if (totalBudget == null || totalBudget.signum() < 0) {
            problems.add(Problem.of("fund.totalRequired"));
        } else if (totalBudget.scale() > 2) {
            problems.add(Problem.of("money.cents"));
        }
        Set<Integer> seen = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (YearRow row : years) {
            if (row.year == null || row.year < 2000 || row.year > 2100) {
                problems.add(Problem.of("fund.yearInvalid"));
                continue;
            }
            if (!seen.add(row.year)) {
                problems.add(Problem.of("fund.yearTwice", String.valueOf(row.year)));
            }
            if (row.budget == null || row.budget.signum() < 0) {
                problems.add(Problem.of("fund.yearBudgetRequired", String.valueOf(row.year)));
            } else {
                sum = sum.add(row.budget);
            }
        }
        if (totalBudget != null && sum.compareTo(totalBudget) > 0) {
            problems.add(Problem.of("fund.yearsAboveTotal", Money.exact(sum).amount(),
                    Money.exact(totalBudget).amount()));
        }
        return problems;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public BigDecimal getTotalBudget() {
        return totalBudget;
    }

    public void setTotalBudget(BigDecimal totalBudget) {
        this.totalBudget = totalBudget;
    }

    public List<YearRow> getYears() {
        return years;
    }

    public void setYears(List<YearRow> years) {
        this.years = years;
    }
}
