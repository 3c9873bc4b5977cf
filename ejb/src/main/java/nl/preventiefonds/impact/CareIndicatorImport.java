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
import java.time.Instant;
import nl.preventiefonds.municipality.Municipality;

/** One import of care-demand indicators: the periods it replaced and what it held. */
@Entity
@Table(name = "care_indicator_import")
public class CareIndicatorImport implements Serializable {
    private static final long serialVersionUID = 1L;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "municipality_id", nullable = false)
    private Municipality municipality;

    @Column(name = "imported_at", nullable = false)
    private Instant importedAt;

    @Column(name = "imported_by", nullable = false, length = 254)
    private String importedBy;

    @Column(name = "file_shape", nullable = false, length = 10)
    private String shape;

    @Column(name = "row_count", nullable = false)
    private int rowCount;

    @Column(name = "value_count", nullable = false)
    private int valueCount;

    @Column(name = "suppressed_count", nullable = false)
    private int suppressedCount;

    @Column(name = "replaced_count", nullable = false)
    private int replacedCount;

    @Column(nullable = false, length = 2000)
    private String periods;

    protected CareIndicatorImport() {
    }

    public CareIndicatorImport(Municipality municipality, Instant importedAt, String importedBy, String shape,
                               int rowCount, String periods) {
        this.municipality = municipality;
        this.importedAt = importedAt;
        this.importedBy = importedBy;
        this.shape = shape;
        this.rowCount = rowCount;
        this.periods = periods;
    }

    void counted(int values, int suppressed, int replaced) {
        this.valueCount = values;
        this.suppressedCount = suppressed;
        this.replacedCount = replaced;
    }

    public Long getId() {
        return id;
    }

    public Municipality getMunicipality() {
        return municipality;
    }

    public Instant getImportedAt() {
        return importedAt;
    }

    public String getImportedBy() {
        return importedBy;
    }

    public String getShape() {
        return shape;
    }

    public int getRowCount() {
        return rowCount;
    }

    public int getValueCount() {
        return valueCount;
    }

    public int getSuppressedCount() {
        return suppressedCount;
    }

    public int getReplacedCount() {
        return replacedCount;
    }

    public String getPeriods() {
        return periods;
    }
}
