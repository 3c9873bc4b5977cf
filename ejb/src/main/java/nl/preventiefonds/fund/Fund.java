package nl.preventiefonds.fund;

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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A prevention fund (regeling) of a municipality, with its total budget in euros. */
@Entity
@Table(name = "fund")
public class Fund {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "municipality_id", nullable = false)
    private Municipality municipality;

    @Column(nullable = false)
    private String name;

    @Column(length = 2000)
    private String description;

    @Column(name = "total_budget", nullable = false, precision = 15, scale = 2)
    private BigDecimal totalBudget;

    @OneToMany(mappedBy = "fund", cascade = CascadeType.PERSIST)
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
        this.totalBudget = totalBudget.setScale(2);
    }

    public FundYearBudget addYearBudget(int year, BigDecimal budget) {
        FundYearBudget yearBudget = new FundYearBudget(this, year, budget);
        yearBudgets.add(yearBudget);
        return yearBudget;
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
