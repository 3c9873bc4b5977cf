package nl.preventiefonds.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/** One day equated to a general holiday (Atw art. 3 lid 3), as the fund manager entered it from the decree. */
@Entity
@Table(name = "equated_day")
public class EquatedDay implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final int MAX_DESCRIPTION = 200;

    @Id
    @Column(name = "equated_on")
    private LocalDate equatedOn;

    @Column(nullable = false, length = MAX_DESCRIPTION)
    private String description;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "changed_by", nullable = false, length = 254)
    private String changedBy;

    protected EquatedDay() {
    }

    EquatedDay(LocalDate equatedOn, String description, Instant at, String by) {
        this.equatedOn = equatedOn;
        change(description, at, by);
    }

    final void change(String description, Instant at, String by) {
        this.description = description;
        this.changedAt = at;
        this.changedBy = by;
    }

    String auditSummary() {
        return equatedOn + ": " + description;
    }

    public LocalDate getEquatedOn() {
        return equatedOn;
    }

    public String getDescription() {
        return description;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getChangedBy() {
        return changedBy;
    }
}
