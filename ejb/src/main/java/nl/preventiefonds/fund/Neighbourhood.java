package nl.preventiefonds.fund;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import nl.preventiefonds.municipality.Municipality;

/**
 * A neighbourhood (wijk or buurt) of one municipality, identified by its CBS code: WKggggww for a wijk, BUggggwwbb for
 * a buurt, gggg the digits of the municipality's GMgggg code (WK010601 is a wijk of Assen, GM0106). Its population
 * is the number of residents CBS counts (Kerncijfers wijken en buurten, AantalInwoners), null while unknown.
 */
@Entity
@Table(name = "neighbourhood")
public class Neighbourhood implements Serializable {
    private static final long serialVersionUID = 1L;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @BatchFetch(BatchFetchType.IN)
    @JoinColumn(name = "municipality_id", nullable = false)
    private Municipality municipality;

    @Column(nullable = false, unique = true, length = 10)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(name = "population")
    private Integer population;

    @Version
    private long version;

    protected Neighbourhood() {
    }

    public Neighbourhood(Municipality municipality, String code, String name) {
        this(municipality, code, name, null);
    }

    public Neighbourhood(Municipality municipality, String code, String name, Integer population) {
        this.municipality = municipality;
        this.code = code;
        this.name = name;
        this.population = population;
    }

    void update(String code, String name, Integer population) {
        this.code = code;
        this.name = name;
        this.population = population;
    }

    /** For the audit trail. */
    public String auditSummary() {
        return code + " " + name + ", population " + (population == null ? "unknown" : population);
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

    /** Residents as CBS counts them; null when unknown. */
    public Integer getPopulation() {
        return population;
    }

    public long getVersion() {
        return version;
    }
}
