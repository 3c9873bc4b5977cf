package nl.preventiefonds.identity;

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
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import nl.preventiefonds.platform.SecretBox;

/**
 * Whom a broker said someone is, found again by (issuer, subject). A resident's BSN is held only encrypted and as
 * a keyed hash; it has no getter that returns it in plain text to pages, and toString leaves it out.
 */
@Entity
@Table(name = "broker_identity")
public class BrokerIdentity implements Serializable {
    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id")
    private UserAccount user;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private BrokerKind kind;

    @Column(nullable = false, length = 500)
    private String issuer;

    @Column(nullable = false, length = 255)
    private String subject;

    @Column(name = "kvk_number", length = 20)
    private String kvkNumber;

    @Column(name = "organisation_name", length = 255)
    private String organisationName;

    @Column(name = "bsn_encrypted", length = 200)
    private String bsnEncrypted;

    @Column(name = "bsn_lookup", length = 64)
    private String bsnLookup;

    @Enumerated(EnumType.STRING)
    @Column(name = "last_level", length = 20)
    private LevelOfAssurance lastLevel;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_login_at", nullable = false)
    private Instant lastLoginAt;

    @Version
    private long version;

    protected BrokerIdentity() {
    }

    BrokerIdentity(UserAccount user, BrokerKind kind, String issuer, String subject, Instant now) {
        this.user = user;
        this.kind = kind;
        this.issuer = issuer;
        this.subject = subject;
        this.createdAt = now;
        this.lastLoginAt = now;
    }

    void loggedIn(LevelOfAssurance level, String kvk, String organisation, Instant now) {
        this.lastLevel = level;
        this.kvkNumber = kvk;
        this.organisationName = organisation;
        this.lastLoginAt = now;
    }

    void keepBsn(String bsn, SecretBox box) {
        this.bsnEncrypted = box.encrypt(bsn);
        this.bsnLookup = box.lookupHash(bsn);
    }

    void reencryptBsn(SecretBox box) {
        if (bsnEncrypted != null) {
            bsnEncrypted = box.encrypt(box.decrypt(bsnEncrypted));
        }
    }

    String storedBsn() {
        return bsnEncrypted;
    }

    public Long getId() {
        return id;
    }

    public UserAccount getUser() {
        return user;
    }

    public BrokerKind getKind() {
        return kind;
    }

    public String getKvkNumber() {
        return kvkNumber;
    }

    public String getOrganisationName() {
        return organisationName;
    }

    public LevelOfAssurance getLastLevel() {
        return lastLevel;
    }

    public boolean hasBsn() {
        return bsnEncrypted != null;
    }

    @Override
    public String toString() {
        return "BrokerIdentity[" + id + ", " + kind + ", user=" + (user == null ? null : user.getId()) + ", kvk="
                + kvkNumber + ", bsn=" + (hasBsn() ? "kept" : "none") + "]";
    }
}
