package nl.preventiefonds.impact;

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.preventiefonds.application.CareDomain;
import nl.preventiefonds.municipality.Municipality;

/**
 * A care indicator as one municipality keeps it: its code (what stored values name), name, unit, the column
 * heading its import reads, the care domain it measures and, optionally, the cost of one case per year for the
 * avoided-cost scenario (else the care domain's cost parameter applies). Every municipality starts with the six
 * standard ones of {@link CareIndicator}; the fund manager adds more, edits or deactivates them. A deactivated one
 * keeps its stored values but is no longer imported or shown.
 */
@Entity
@Table(name = "care_indicator_definition")
public class CareIndicatorDefinition implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final int MAX_CODE = 40;
    public static final int MAX_NAME = 200;
    public static final int MAX_SOURCE_COLUMN = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "municipality_id", nullable = false)
    private Municipality municipality;

    @Column(nullable = false, length = MAX_CODE)
    private String code;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private CareIndicator.Unit unit;

    @Column(name = "source_column", nullable = false, length = MAX_SOURCE_COLUMN)
    private String sourceColumn;

    /** The source column folded as the import compares headings; unique per municipality. */
    @Column(name = "source_key", nullable = false, length = MAX_SOURCE_COLUMN)
    private String sourceKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "care_domain", nullable = false, length = 30)
    private CareDomain careDomain;

    @Column(name = "cost_per_case", precision = 12, scale = 2)
    private BigDecimal costPerCase;

    @Column(nullable = false)
    private boolean active;

    protected CareIndicatorDefinition() {
    }

    public CareIndicatorDefinition(Municipality municipality, String code, String name, CareIndicator.Unit unit,
                                   String sourceColumn, CareDomain careDomain, BigDecimal costPerCase) {
        this.municipality = municipality;
        this.code = code;
        change(name, unit, sourceColumn, careDomain, costPerCase);
        this.active = true;
    }

    /** The standard definition of one of the six, as every municipality gets it. */
    public static CareIndicatorDefinition standard(Municipality municipality, CareIndicator indicator) {
        return new CareIndicatorDefinition(municipality, indicator.name(), indicator.standardName(), indicator.unit(),
                indicator.cbsHeading(), indicator.domain(), null);
    }

    /** The six standard definitions for a new municipality. */
    public static List<CareIndicatorDefinition> standardSix(Municipality municipality) {
        return java.util.Arrays.stream(CareIndicator.values()).map(i -> standard(municipality, i)).toList();
    }

    void change(String name, CareIndicator.Unit unit, String sourceColumn, CareDomain careDomain,
                BigDecimal costPerCase) {
        this.name = name;
        this.unit = unit;
        this.sourceColumn = sourceColumn;
        this.sourceKey = CareIndicator.key(sourceColumn);
        this.careDomain = careDomain;
        this.costPerCase = costPerCase;
    }

    void recode(String code) {
        this.code = code;
    }

    void deactivate() {
        this.active = false;
    }

    void activate() {
        this.active = true;
    }

    /** The standard indicator of the same code, if this is one of the six. */
    public Optional<CareIndicator> standardIndicator() {
        return CareIndicator.ofCode(code);
    }

    /**
     * The name to show, or null when the standard bundle text applies (one of the six with its name unchanged, so
     * the English page still says it in English).
     */
    public String customName() {
        return standardIndicator().filter(s -> s.standardName().equals(name)).isPresent() ? null : name;
    }

    /** What the import compares a heading or cell with: the code, the source column, and a standard's aliases. */
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(CareIndicator.key(code));
        keys.add(sourceKey);
        standardIndicator().ifPresent(s -> s.aliases().forEach(a -> keys.add(CareIndicator.key(a))));
        return keys;
    }

    /** What the (pure) import needs of it. */
    public CareDemandImport.Column column() {
        return new CareDemandImport.Column(code, sourceColumn, unit, keys());
    }

    String auditSummary() {
        return code + ": " + name + ", " + unit + ", column \"" + sourceColumn + "\", " + careDomain + ", cost per case "
                + (costPerCase == null ? "from the care domain" : costPerCase.toPlainString())
                + (active ? "" : ", inactive");
    }

    public Long getId() {
        return id;
    }

    public Municipality getMunicipality() {
        return municipality;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public CareIndicator.Unit getUnit() {
        return unit;
    }

    public String getSourceColumn() {
        return sourceColumn;
    }

    public String getSourceKey() {
        return sourceKey;
    }

    public CareDomain getCareDomain() {
        return careDomain;
    }

    /** Null: the care domain's cost parameter applies. */
    public BigDecimal getCostPerCase() {
        return costPerCase;
    }

    public boolean isActive() {
        return active;
    }
}
