package nl.preventiefonds.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.platform.SecretBox;

/**
 * How the staff of one municipality log in through its own identity provider (OpenID Connect): its issuer, this
 * installation's client there, and the groups that give each staff role. The secret is kept encrypted and never
 * shown back: the audit summary and toString leave it out.
 */
@Entity
@Table(name = "municipal_login")
public class MunicipalLogin implements Serializable {
    private static final long serialVersionUID = 1L;

    @Id
    @Column(name = "municipality_id")
    private Long municipalityId;

    @MapsId
    @OneToOne(optional = false)
    @JoinColumn(name = "municipality_id")
    private Municipality municipality;

    @Column(nullable = false, length = 500)
    private String issuer;

    @Column(name = "client_id", nullable = false, length = 200)
    private String clientId;

    /** Encrypted at rest (SecretBox); V91 encrypted the rows stored in plain text before. */
    @Column(name = "client_secret", nullable = false, length = 1000)
    private String clientSecret;

    @Column(name = "groups_claim", nullable = false, length = 100)
    private String groupsClaim;

    @Column(name = "officer_groups", nullable = false, length = 500)
    private String officerGroups;

    @Column(name = "decision_maker_groups", nullable = false, length = 500)
    private String decisionMakerGroups;

    @Column(name = "fund_manager_groups", nullable = false, length = 500)
    private String fundManagerGroups;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected MunicipalLogin() {
    }

    MunicipalLogin(Municipality municipality) {
        this.municipality = municipality;
    }

    void update(MunicipalLoginSettings settings, String newSecret, Instant at) {
        this.issuer = settings.issuer();
        this.clientId = settings.clientId();
        if (newSecret != null) {
            this.clientSecret = SecretBox.installation().encrypt(newSecret);
        }
        this.groupsClaim = settings.groupsClaim();
        this.officerGroups = settings.officerGroups();
        this.decisionMakerGroups = settings.decisionMakerGroups();
        this.fundManagerGroups = settings.fundManagerGroups();
        this.enabled = settings.enabled();
        this.updatedAt = at;
    }

    boolean hasSecret() {
        return clientSecret != null && !clientSecret.isEmpty();
    }

    /** The staff roles these groups give (a person may be in groups for several). */
    Set<Role> rolesOf(List<String> groups) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String group : groups) {
            if (listed(officerGroups, group)) {
                roles.add(Role.OFFICER);
            }
            if (listed(decisionMakerGroups, group)) {
                roles.add(Role.DECISION_MAKER);
            }
            if (listed(fundManagerGroups, group)) {
                roles.add(Role.FUND_MANAGER);
            }
        }
        return roles;
    }

    private static boolean listed(String list, String group) {
        // Keycloak names groups by path when asked to ("/subsidieadviseurs"); either form matches.
        String name = group.startsWith("/") ? group.substring(group.lastIndexOf('/') + 1) : group;
        return Arrays.stream(list.split(",")).map(String::strip).anyMatch(g -> !g.isEmpty() && g.equals(name));
    }

    MunicipalLoginSettings settings() {
        return new MunicipalLoginSettings(issuer, clientId, groupsClaim, officerGroups, decisionMakerGroups,
                fundManagerGroups, enabled);
    }

    /** For the audit trail: everything but the secret, of which only whether there is one. */
    String auditSummary() {
        return "issuer=" + issuer + ", clientId=" + clientId + ", secret=" + (hasSecret() ? "set" : "none")
                + ", groupsClaim=" + groupsClaim + ", officer=" + officerGroups + ", decisionMaker="
                + decisionMakerGroups + ", fundManager=" + fundManagerGroups + ", enabled=" + enabled;
    }

    @Override
    public String toString() {
        return "MunicipalLogin[" + auditSummary() + "]";
    }

    public Municipality getMunicipality() {
        return municipality;
    }

    public String getIssuer() {
        return issuer;
    }

    public String getClientId() {
        return clientId;
    }

    /** Only for the login's token request; never shown. */
    public String getClientSecret() {
        return SecretBox.installation().decrypt(clientSecret);
    }

    String storedSecret() {
        return clientSecret;
    }

    void reencryptSecret() {
        clientSecret = SecretBox.installation().encrypt(getClientSecret());
    }

    public String getGroupsClaim() {
        return groupsClaim;
    }

    public boolean isEnabled() {
        return enabled;
    }
}
