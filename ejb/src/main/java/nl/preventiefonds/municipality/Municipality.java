package nl.preventiefonds.municipality;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A municipality, identified by its CBS code (GM0106 is Assen). */
@Entity
@Table(name = "municipality")
public class Municipality implements Serializable {
    private static final long serialVersionUID = 1L;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 6)
    private String code;

    @Column(nullable = false)
    private String name;

    protected Municipality() {
    }

    public Municipality(String code, String name) {
        this.code = code;
        this.name = name;
    }

    void rename(String newName) {
        this.name = newName;
    }

    public String auditSummary() {
        return "code=" + code + ", name=" + name;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }
}
