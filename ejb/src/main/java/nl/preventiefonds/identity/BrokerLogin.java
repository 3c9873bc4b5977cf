package nl.preventiefonds.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import nl.preventiefonds.platform.SecretBox;

/**
 * How organisations (eHerkenning) or residents (DigiD) of one municipality log in through a broker that speaks
 * OpenID Connect: its issuer, this installation's client there (secret encrypted at rest, never shown back), and for
 * eHerkenning the level a submission on behalf of an organisation needs.
 */
@Entity
@Table(name = "broker_login")
@IdClass(BrokerLogin.Key.class)
public class BrokerLogin implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Primary key: municipality and kind of broker. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long municipalityId;
        private BrokerKind kind;

        public Key() {
        }

        public Key(Long municipalityId, BrokerKind kind) {
            this.municipalityId = municipalityId;
            this.kind = kind;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(municipalityId, k.municipalityId) && kind == k.kind;
        }

        @Override
        public int hashCode() {
            return Objects.hash(municipalityId, kind);
        }
    }

    @Id
    @Column(name = "municipality_id")
    private Long municipalityId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private BrokerKind kind;

    @Column(nullable = false, length = 500)
    private String issuer;

    @Column(name = "client_id", nullable = false, length = 200)
    private String clientId;

    @Column(name = "client_secret", nullable = false, length = 1000)
    private String clientSecret;

    @Enumerated(EnumType.STRING)
    @Column(name = "required_submit_level", nullable = false, length = 20)
    private LevelOfAssurance requiredSubmitLevel;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected BrokerLogin() {
    }

    BrokerLogin(long municipalityId, BrokerKind kind) {
        this.municipalityId = municipalityId;
        this.kind = kind;
    }

    void update(BrokerLoginSettings settings, String newSecret, Instant at) {
        this.issuer = settings.issuer();
        this.clientId = settings.clientId();
        if (newSecret != null) {
            this.clientSecret = SecretBox.installation().encrypt(newSecret);
        }
        this.requiredSubmitLevel = settings.requiredSubmitLevel();
        this.enabled = settings.enabled();
        this.updatedAt = at;
    }

    boolean hasSecret() {
        return clientSecret != null && !clientSecret.isEmpty();
    }

    BrokerLoginSettings settings() {
        return new BrokerLoginSettings(issuer, clientId, requiredSubmitLevel, enabled);
    }

    /** For the audit trail: everything but the secret, of which only whether there is one. */
    String auditSummary() {
        return "kind=" + kind + ", issuer=" + issuer + ", clientId=" + clientId + ", secret="
                + (hasSecret() ? "set" : "none") + ", requiredSubmitLevel=" + requiredSubmitLevel.label()
                + ", enabled=" + enabled;
    }

    @Override
    public String toString() {
        return "BrokerLogin[" + auditSummary() + "]";
    }

    public Long getMunicipalityId() {
        return municipalityId;
    }

    public BrokerKind getKind() {
        return kind;
    }

    public String getIssuer() {
        return issuer;
    }

    public String getClientId() {
        return clientId;
    }

    /** Only for the login's token request; never shown. */
    String clientSecret() {
        return SecretBox.installation().decrypt(clientSecret);
    }

    String storedSecret() {
        return clientSecret;
    }

    void reencryptSecret() {
        clientSecret = SecretBox.installation().encrypt(clientSecret());
    }

    public LevelOfAssurance getRequiredSubmitLevel() {
        return requiredSubmitLevel;
    }

    public boolean isEnabled() {
        return enabled;
    }
}
