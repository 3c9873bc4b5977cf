package nl.preventiefonds.partner;

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
import nl.preventiefonds.municipality.Municipality;

/**
 * A partner organisation of one municipality (library, social work, welfare, volunteer help, youth work), possibly a
 * member of its coalition (Vitale Coalitie). Its name is unique within the municipality. The municipality is null
 * only for a partner an installation with several municipalities had before V20 (then nobody lists or links it).
 */
@Entity
@Table(name = "partner_organisation")
public class PartnerOrganisation implements Serializable {
    private static final long serialVersionUID = 1L;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne
    @JoinColumn(name = "municipality_id")
    private Municipality municipality;

    @Column(nullable = false)
    private String name;

    @Column(name = "kvk_number", length = 8)
    private String kvkNumber;

    @Column(nullable = false, length = 40)
    private String kind;

    @Column(name = "contact_name", length = 120)
    private String contactName;

    @Column(name = "contact_email", length = 254)
    private String contactEmail;

    @Column(name = "contact_phone", length = 30)
    private String contactPhone;

    @Column(name = "coalition_member", nullable = false)
    private boolean coalitionMember;

    @Version
    private long version;

    protected PartnerOrganisation() {
    }

    public PartnerOrganisation(Municipality municipality, String name, String kvkNumber, String kind) {
        this.municipality = municipality;
        this.name = name;
        this.kvkNumber = kvkNumber;
        this.kind = kind;
    }

    /** The fields a fund manager keeps; checked by the caller. */
    public void update(String name, String kvkNumber, String kind, String contactName, String contactEmail,
                       String contactPhone, boolean coalitionMember) {
        this.name = name;
        this.kvkNumber = kvkNumber;
        this.kind = kind;
        this.contactName = contactName;
        this.contactEmail = contactEmail;
        this.contactPhone = contactPhone;
        this.coalitionMember = coalitionMember;
    }

    /** For the audit trail: what a fund manager keeps, no more. */
    public String auditSummary() {
        return name + ", KvK " + (kvkNumber == null ? "-" : kvkNumber) + ", " + kind + ", contact "
                + (contactName == null ? "-" : contactName) + " " + (contactEmail == null ? "-" : contactEmail) + " "
                + (contactPhone == null ? "-" : contactPhone) + (coalitionMember ? ", coalition member" : "");
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

    public String getKvkNumber() {
        return kvkNumber;
    }

    public String getKind() {
        return kind;
    }

    public String getContactName() {
        return contactName;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public boolean isCoalitionMember() {
        return coalitionMember;
    }

    public long getVersion() {
        return version;
    }
}
