package nl.preventiefonds.application;

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

/** One line of the budget: euros for costs and co-funding, hours for in-kind work. */
@Entity
@Table(name = "budget_line")
public class BudgetLine implements Serializable {
    private static final long serialVersionUID = 1L;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "application_id", nullable = false)
    private Application application;

    @Column(nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private BudgetLineKind kind;

    @Column(length = 300)
    private String description;

    @Column(precision = 15, scale = 2)
    private BigDecimal amount;

    @Column(precision = 9, scale = 2)
    private BigDecimal hours;

    protected BudgetLine() {
    }

    BudgetLine(Application application, int position, ApplicationForm.BudgetRow row) {
        this.application = application;
        this.position = position;
        this.kind = row.getKind() == null ? BudgetLineKind.COST : row.getKind();
        this.description = Texts.clean(row.getDescription(), 300);
        this.amount = kind == BudgetLineKind.IN_KIND_HOURS ? null : row.getAmount();
        this.hours = kind == BudgetLineKind.IN_KIND_HOURS ? row.getHours() : null;
    }

    ApplicationForm.BudgetRow toRow() {
        return new ApplicationForm.BudgetRow(kind, description, amount, hours);
    }

    public Long getId() {
        return id;
    }

    public int getPosition() {
        return position;
    }

    public BudgetLineKind getKind() {
        return kind;
    }

    public String getDescription() {
        return description;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public BigDecimal getHours() {
        return hours;
    }
}
