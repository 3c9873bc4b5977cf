package nl.preventiefonds.partner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A coalition partner (library, social work, welfare, volunteer help, youth work). */
@Entity
@Table(name = "partner_organisation")
public class PartnerOrganisation implements Serializable {
    private static final long serialVersionUID = 1L;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    @Column(name = "kvk_number", length = 8)
    private String kvkNumber;

    @Column(nullable = false, length = 40)
    private String kind;

    protected PartnerOrganisation() {
    }

    public PartnerOrganisation(String name, String kvkNumber, String kind) {
        this.name = name;
        this.kvkNumber = kvkNumber;
        this.kind = kind;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getKvkNumber() {
        return kvkNumber;
    }

    public String getKind() {
        return kind;
    }
}
