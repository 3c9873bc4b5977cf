package nl.preventiefonds.fund;

import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.platform.Money;

/** A prevention fund (regeling) of a municipality, with its total budget in euros. */
@Entity
@Table(name = "fund")
public class Fund implements Serializable {
    private static final long serialVersionUID = 1L;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @BatchFetch(BatchFetchType.IN)
    @JoinColumn(name = "municipality_id", nullable = false)
    private Municipality municipality;

    @Column(nullable = false)
    private String name;

    @Column(length = 2000)
    private String description;

    @Column(name = "total_budget", nullable = false, precision = 15, scale = 2)
    private BigDecimal totalBudget;

    @OneToMany(mappedBy = "fund", cascade = {CascadeType.PERSIST, CascadeType.MERGE})
    @OrderBy("budgetYear")
    private List<FundYearBudget> yearBudgets = new ArrayList<>();

    @Version
    private long version;

    protected Fund() {
    }

    public Fund(Municipality municipality, String name, String description, BigDecimal totalBudget) {
        this.municipality = municipality;
        this.name = name;
        this.description = description;
        this.totalBudget = Money.exact(totalBudget).amount();
    }

    public FundYearBudget addYearBudget(int year, BigDecimal budget) {
        FundYearBudget yearBudget = new FundYearBudget(this, year, budget);
        yearBudgets.add(yearBudget);
        return yearBudget;
    }

    public void update(String newName, String newDescription, BigDecimal newTotalBudget) {
        name = newName.strip();
        description = newDescription == null ? null : newDescription.strip();
        totalBudget = Money.exact(newTotalBudget).amount();
    }

    /** Sets a year's budget, adding the year when it is new. */
    public void setYearBudget(int year, BigDecimal budget) {
        yearBudgets.stream().filter(y -> y.getBudgetYear() == year).findFirst()
                .ifPresentOrElse(y -> y.changeBudget(budget), () -> addYearBudget(year, budget));
    }

    public Optional<FundYearBudget> yearBudget(int year) {
        return yearBudgets.stream().filter(y -> y.getBudgetYear() == year).findFirst();
    }

    public BigDecimal yearBudgetTotal() {
        return yearBudgets.stream().map(FundYearBudget::getBudget).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public String auditSummary() {
        return "name=" + name + ", total=" + totalBudget + ", years=" + yearBudgets.stream()
                .map(y -> y.getBudgetYear() + ":" + y.getBudget()).toList();
    }

    public Long getId() {
        return id;
    }

    public Municipality getMunicipality() {
        return municipality;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public BigDecimal getTotalBudget() {
        return totalBudget;
    }

    public List<FundYearBudget> getYearBudgets() {
        return List.copyOf(yearBudgets);
    }
}
