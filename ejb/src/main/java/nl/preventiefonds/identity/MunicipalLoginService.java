package nl.preventiefonds.identity;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.platform.RoleNames;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * Login of municipal staff through their municipality's own identity provider (OpenID Connect). The web layer runs
 * the protocol and validates the ID token; this service keeps each municipality's connection and decides whom a
 * validated login is: an active account of this installation with a staff role in that municipality, confirmed by
 * the provider's groups. Nobody is created from a login: unknown people are refused.
 */
@Stateless
public class MunicipalLoginService {
    private static final String SUBJECT = "MunicipalLogin";
    private static final String ACCOUNT = "UserAccount";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    /** A municipality whose staff may log in through their own provider, for the login page. */
    public record LoginChoice(String code, String name) {
        /** For the page: Jakarta Expression Language 5 (EE 10) reads bean getters, not record accessors. */
        public String getCode() {
            return code;
        }

        public String getName() {
            return name;
        }
    }

    /** What the login needs to talk to the provider; the secret is for the token request only. */
    public record Connection(long municipalityId, String code, String name, String issuer, String clientId,
            String clientSecret, String groupsClaim) {
        @Override
        public String toString() {
            return "Connection[" + code + ", issuer=" + issuer + ", clientId=" + clientId + "]";
        }
    }

    /** Who a validated login turned out to be, or the message key of why not. */
    public record StaffLogin(String email, Role role, String refusal) {
        static StaffLogin refused(String key) {
            return new StaffLogin(null, null, key);
        }

        public boolean accepted() {
            return refusal == null;
        }
    }

    @PermitAll
    public List<LoginChoice> choices() {
        return em.createQuery("SELECT NEW nl.preventiefonds.identity.MunicipalLoginService.LoginChoice(m.code, m.name)"
                + " FROM MunicipalLogin l JOIN l.municipality m WHERE l.enabled = TRUE ORDER BY m.name",
                LoginChoice.class).getResultList();
    }

    @PermitAll
    public Optional<Connection> connection(String municipalityCode) {
        if (municipalityCode == null) {
            return Optional.empty();
        }
        return em.createQuery("SELECT l FROM MunicipalLogin l JOIN l.municipality m WHERE m.code = :code"
                        + " AND l.enabled = TRUE", MunicipalLogin.class)
                .setParameter("code", municipalityCode.strip().toUpperCase(Locale.ROOT))
                .getResultStream().findFirst()
                .map(l -> new Connection(l.getMunicipality().getId(), l.getMunicipality().getCode(),
                        l.getMunicipality().getName(), l.getIssuer(), l.getClientId(), l.getClientSecret(),
                        l.getGroupsClaim()));
    }

    /**
     * A login the web layer validated (signature, issuer, audience, expiry, nonce) for this municipality: the
     * account with this e-mail address, active, with a staff role in this municipality that the provider's groups
     * confirm. They then work in this municipality (switched, as on the header's switch, and audited).
     */
    @PermitAll
    public StaffLogin matchStaff(String municipalityCode, String email, boolean emailVerified, List<String> groups,
            String municipalityClaim) {
        Optional<MunicipalLogin> login = em.createQuery("SELECT l FROM MunicipalLogin l JOIN l.municipality m"
                        + " WHERE m.code = :code AND l.enabled = TRUE", MunicipalLogin.class)
                .setParameter("code", municipalityCode).getResultStream().findFirst();
        if (login.isEmpty()) {
            return StaffLogin.refused("oidc.refused.notConnected");
        }
        Municipality municipality = login.get().getMunicipality();
        if (municipalityClaim != null && !municipalityClaim.equalsIgnoreCase(municipality.getCode())) {
            return StaffLogin.refused("oidc.refused.otherMunicipality");
        }
        if (email == null || email.isBlank() || !emailVerified) {
            return StaffLogin.refused("oidc.refused.noEmail");
        }
        Optional<UserAccount> found = em.createQuery("SELECT u FROM UserAccount u WHERE u.email = :email",
                        UserAccount.class)
                .setParameter("email", UserAccount.normaliseEmail(email))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
        if (found.isEmpty() || found.get().getStatus() != AccountStatus.ACTIVE) {
            return StaffLogin.refused("oidc.refused.unknown");
        }
        UserAccount account = found.get();
        Optional<StaffMembership> membership = account.membershipIn(municipality.getId());
        if (membership.isEmpty()) {
            return StaffLogin.refused("oidc.refused.unknown");
        }
        Set<Role> confirmed = login.get().rolesOf(groups == null ? List.of() : groups);
        if (!confirmed.contains(membership.get().getRole())) {
            return StaffLogin.refused("oidc.refused.role");
        }
        if (account.getMunicipality() == null || !municipality.getId().equals(account.getMunicipality().getId())) {
            String before = account.auditSummary();
            account.switchTo(membership.get());
            audit.recordAs(account.getEmail(), "MUNICIPALITY_SWITCHED", ACCOUNT, account.getId(), before,
                    account.auditSummary());
        }
        return new StaffLogin(account.getEmail(), membership.get().getRole(), null);
    }

    /** The settings of a municipality's login, without its secret; empty when it has none. */
    @RolesAllowed(RoleNames.INSTALLATION_ADMIN)
    public Optional<MunicipalLoginSettings> settings(long municipalityId) {
        return Optional.ofNullable(em.find(MunicipalLogin.class, municipalityId)).map(MunicipalLogin::settings);
    }

    @RolesAllowed(RoleNames.INSTALLATION_ADMIN)
    public boolean hasSecret(long municipalityId) {
        MunicipalLogin login = em.find(MunicipalLogin.class, municipalityId);
        return login != null && login.hasSecret();
    }

    /**
     * The installation administrator connects a municipality to its provider or changes the connection. A blank
     * secret keeps the one set before (it is never shown, so it cannot be typed again).
     */
    @RolesAllowed(RoleNames.INSTALLATION_ADMIN)
    public void configure(long municipalityId, MunicipalLoginSettings settings, String newSecret) {
        save(municipalityId, settings, newSecret, null);
    }

    /** From the installation's settings at start (MunicipalLoginProvisioning): not reachable from a page. */
    @PermitAll
    public void provisionAtStartup(long municipalityId, MunicipalLoginSettings settings, String newSecret) {
        save(municipalityId, settings, newSecret, AuditTrail.SYSTEM);
    }

    private void save(long municipalityId, MunicipalLoginSettings settings, String newSecret, String actor) {
        Municipality municipality = em.find(Municipality.class, municipalityId);
        if (municipality == null) {
            throw new ValidationFailedException("municipality.notFound");
        }
        MunicipalLogin login = em.find(MunicipalLogin.class, municipalityId, LockModeType.PESSIMISTIC_WRITE);
        String secret = newSecret == null || newSecret.isBlank() ? null : newSecret.strip();
        MunicipalLoginSettings clean = validated(settings, secret != null || (login != null && login.hasSecret()));
        String before = login == null ? null : login.auditSummary();
        if (login == null) {
            login = new MunicipalLogin(municipality);
            login.update(clean, secret, clock.instant());
            em.persist(login);
        } else {
            login.update(clean, secret, clock.instant());
        }
        String after = login.auditSummary() + (secret != null && before != null ? ", secret changed" : "");
        if (actor == null) {
            audit.recordIn(municipalityId, "MUNICIPAL_LOGIN_CONFIGURED", SUBJECT, municipalityId, before, after);
        } else {
            audit.recordAs(actor, "MUNICIPAL_LOGIN_CONFIGURED", SUBJECT, municipalityId, before, after);
        }
    }

    static MunicipalLoginSettings validated(MunicipalLoginSettings s, boolean secretKnown) {
        List<String> problems = new ArrayList<>();
        String issuer = strip(s.issuer());
        if (issuer == null || !acceptableIssuer(issuer)) {
            problems.add("oidc.issuerInvalid");
        }
        String clientId = strip(s.clientId());
        if (clientId == null || clientId.length() > 200) {
            problems.add("oidc.clientIdRequired");
        }
        if (!secretKnown) {
            problems.add("oidc.secretRequired");
        }
        String claim = strip(s.groupsClaim());
        if (claim == null) {
            claim = "groups";
        }
        String officer = groups(s.officerGroups());
        String decision = groups(s.decisionMakerGroups());
        String manager = groups(s.fundManagerGroups());
        if (officer.isEmpty() && decision.isEmpty() && manager.isEmpty()) {
            problems.add("oidc.groupsRequired");
        }
        if (claim.length() > 100 || officer.length() > 500 || decision.length() > 500 || manager.length() > 500) {
            problems.add("oidc.tooLong");
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
        return new MunicipalLoginSettings(issuer, clientId, claim, officer, decision, manager, s.enabled());
    }

    /** https, or http on this machine only (a provider under test). */
    static boolean acceptableIssuer(String issuer) {
        if (issuer.length() > 500) {
            return false;
        }
        try {
            URI uri = new URI(issuer);
            String host = uri.getHost();
            if (host == null || uri.getQuery() != null || uri.getFragment() != null || uri.getUserInfo() != null) {
                return false;
            }
            return "https".equals(uri.getScheme()) || ("http".equals(uri.getScheme())
                    && (host.equals("localhost") || host.equals("127.0.0.1")));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String groups(String value) {
        if (value == null) {
            return "";
        }
        return String.join(",", java.util.Arrays.stream(value.split(",")).map(String::strip)
                .filter(g -> !g.isEmpty()).distinct().toList());
    }
}
