package nl.preventiefonds.identity;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.partner.KvkNumbers;
import nl.preventiefonds.platform.RoleNames;
import nl.preventiefonds.platform.SecretBox;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * Login of organisations (eHerkenning) and residents (DigiD) through a municipality's broker (OpenID Connect). The
 * web layer runs the protocol and validates the ID token (IdTokenCheck); this service keeps each municipality's
 * broker connections and decides whom a validated login is: the account linked to (issuer, subject), created as an
 * organiser on the first login. An eHerkenning login must name a valid KvK number and fires an
 * {@link OrganisationClaim} in this transaction, so the organisation registry records who acts for whom; a DigiD
 * login must name a valid BSN, which is kept only encrypted and as a keyed hash and never written to a log or the
 * audit trail.
 */
@Stateless
public class BrokerLoginService {
    private static final String SUBJECT = "BrokerLogin";
    private static final String ACCOUNT = "UserAccount";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Accounts whose broker gave no usable e-mail address: an address that can never receive mail. */
    static final String NO_MAIL_DOMAIN = "@broker.invalid";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private Event<OrganisationClaim> organisationClaims;

    /** A municipality whose organisations or residents may log in through a broker, for the login page. */
    public record LoginChoice(String code, String name, BrokerKind kind) {
        public String getCode() {
            return code;
        }

        public String getName() {
            return name;
        }

        public String getKind() {
            return kind.urlName();
        }
    }

    /** What the login needs to talk to the broker; the secret is for the token request only. */
    public record Connection(long municipalityId, String code, BrokerKind kind, String issuer, String clientId,
            String clientSecret) {
        @Override
        public String toString() {
            return "Connection[" + code + ", " + kind + ", issuer=" + issuer + ", clientId=" + clientId + "]";
        }
    }

    /** What a broker's validated ID token said, as the web layer read it. toString leaves the BSN out. */
    public record BrokerClaims(String issuer, String subject, String email, boolean emailVerified, String name,
            String levelClaim, String kvk, String organisationName, String bsn) {
        @Override
        public String toString() {
            return "BrokerClaims[" + issuer + ", kvk=" + kvk + ", level=" + levelClaim + ", bsn="
                    + (bsn == null ? "none" : "given") + "]";
        }
    }

    /** Who a validated broker login turned out to be, or the message key of why not. */
    public record BrokerSignIn(String email, LevelOfAssurance level, String kvk, String organisationName,
            String refusal) {
        static BrokerSignIn refused(String key) {
            return new BrokerSignIn(null, null, null, null, key);
        }

        public boolean accepted() {
            return refusal == null;
        }
    }

    @PermitAll
    public List<LoginChoice> choices() {
        return em.createQuery("SELECT NEW nl.preventiefonds.identity.BrokerLoginService.LoginChoice(m.code, m.name,"
                        + " l.kind) FROM BrokerLogin l, Municipality m WHERE m.id = l.municipalityId"
                        + " AND l.enabled = TRUE ORDER BY m.name, l.kind", LoginChoice.class).getResultList();
    }

    @PermitAll
    public Optional<Connection> connection(String municipalityCode, BrokerKind kind) {
        if (municipalityCode == null || kind == null) {
            return Optional.empty();
        }
        Optional<Municipality> municipality = em.createQuery("SELECT m FROM Municipality m WHERE m.code = :code",
                        Municipality.class)
                .setParameter("code", municipalityCode.strip().toUpperCase(Locale.ROOT))
                .getResultStream().findFirst();
        return municipality.flatMap(m -> enabled(m.getId(), kind).map(l -> new Connection(m.getId(), m.getCode(),
                kind, l.getIssuer(), l.getClientId(), l.clientSecret())));
    }

    private Optional<BrokerLogin> enabled(long municipalityId, BrokerKind kind) {
        return Optional.ofNullable(em.find(BrokerLogin.class, new BrokerLogin.Key(municipalityId, kind)))
                .filter(BrokerLogin::isEnabled);
    }

    /**
     * The level a submission on behalf of an organisation needs in this municipality: present only where the
     * municipality has an eHerkenning broker enabled (without one, local accounts submit as before).
     */
    @PermitAll
    public Optional<LevelOfAssurance> requiredSubmitLevel(long municipalityId) {
        return requiredSubmitLevel(em, municipalityId);
    }

    /** As {@link #requiredSubmitLevel(long)}, for services that ask inside their own transaction. */
    public static Optional<LevelOfAssurance> requiredSubmitLevel(EntityManager em, long municipalityId) {
        return Optional.ofNullable(em.find(BrokerLogin.class, new BrokerLogin.Key(municipalityId,
                BrokerKind.EHERKENNING))).filter(BrokerLogin::isEnabled).map(BrokerLogin::getRequiredSubmitLevel);
    }

    /**
     * A login the web layer validated (signature, issuer, audience, expiry, nonce) at this municipality's broker:
     * the account linked to (issuer, subject), or a new organiser account. Refused without a valid KvK number
     * (eHerkenning) or BSN (DigiD), and when the linked account is not an active organiser.
     */
    @PermitAll
    public BrokerSignIn signIn(String municipalityCode, BrokerKind kind, BrokerClaims claims) {
        Optional<Connection> connection = connection(municipalityCode, kind);
        if (connection.isEmpty()) {
            return BrokerSignIn.refused("oidc.refused.notConnected");
        }
        if (claims.subject() == null || claims.subject().isBlank() || claims.subject().length() > 255) {
            return BrokerSignIn.refused("oidc.refused.token");
        }
        // A level the installation does not know counts as the lowest of its kind: it may log in, not do more.
        LevelOfAssurance level = LevelOfAssurance.fromClaim(kind, claims.levelClaim())
                .orElse(kind == BrokerKind.EHERKENNING ? LevelOfAssurance.EH1 : LevelOfAssurance.DIGID_BASIS);
        String kvk = null;
        String bsn = null;
        if (kind == BrokerKind.EHERKENNING) {
            kvk = KvkNumbers.normalise(claims.kvk());
            if (kvk == null || !KvkNumbers.isValid(kvk)) {
                return BrokerSignIn.refused("broker.refused.noKvk");
            }
        } else {
            bsn = claims.bsn() == null ? null : claims.bsn().strip();
            if (!Bsn.isValid(bsn)) {
                return BrokerSignIn.refused("broker.refused.noBsn");
            }
        }
        SecretBox box = SecretBox.installation();
        Instant now = clock.instant();
        String issuer = connection.get().issuer();
        Optional<BrokerIdentity> known = em.createQuery("SELECT i FROM BrokerIdentity i WHERE i.issuer = :issuer"
                        + " AND i.subject = :subject", BrokerIdentity.class)
                .setParameter("issuer", issuer).setParameter("subject", claims.subject())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
        if (known.isEmpty() && bsn != null) {
            // The same resident through another broker (or another municipality's): the keyed hash finds them.
            known = em.createQuery("SELECT i FROM BrokerIdentity i WHERE i.bsnLookup = :lookup ORDER BY i.id",
                            BrokerIdentity.class)
                    .setParameter("lookup", box.lookupHash(bsn)).setMaxResults(1).getResultStream().findFirst()
                    .map(other -> link(other.getUser(), kind, issuer, claims.subject(), now));
        }
        BrokerIdentity identity;
        boolean created = false;
        if (known.isPresent()) {
            identity = known.get();
        } else {
            identity = link(newOrganiser(claims, kind, now), kind, issuer, claims.subject(), now);
            created = true;
        }
        UserAccount account = identity.getUser();
        if (account.getStatus() != AccountStatus.ACTIVE || account.getRole() != Role.ORGANISER) {
            return BrokerSignIn.refused("broker.refused.account");
        }
        String organisation = kind == BrokerKind.EHERKENNING ? organisationName(claims.organisationName(), kvk)
                : null;
        identity.loggedIn(level, kvk, organisation, now);
        if (bsn != null) {
            identity.keepBsn(bsn, box);
        }
        em.flush();
        // Who and at which level; never the BSN, the pseudonym or the token.
        audit.recordAs(account.getEmail(), created ? "BROKER_ACCOUNT_CREATED" : "BROKER_LOGIN", ACCOUNT,
                account.getId(), null, "kind=" + kind + ", municipality=" + connection.get().code() + ", level="
                        + level.label() + (kvk == null ? "" : ", kvk=" + kvk));
        if (kind == BrokerKind.EHERKENNING) {
            organisationClaims.fire(new OrganisationClaim(account.getId(), kvk, organisation, level.name()));
        }
        return new BrokerSignIn(account.getEmail(), level, kvk, organisation, null);
    }

    private BrokerIdentity link(UserAccount user, BrokerKind kind, String issuer, String subject, Instant now) {
        BrokerIdentity identity = new BrokerIdentity(user, kind, issuer, subject, now);
        em.persist(identity);
        return identity;
    }

    private UserAccount newOrganiser(BrokerClaims claims, BrokerKind kind, Instant now) {
        String email = UserAccount.normaliseEmail(claims.email());
        boolean usable = email != null && claims.emailVerified() && EmailAddress.isValid(email)
                && em.createQuery("SELECT COUNT(u) FROM UserAccount u WHERE u.email = :email", Long.class)
                .setParameter("email", email).getSingleResult() == 0;
        if (!usable) {
            // Never take over an existing account by its address: the broker vouches for the person, not the mail box.
            byte[] random = new byte[12];
            RANDOM.nextBytes(random);
            email = kind.urlName() + "-" + HexFormat.of().formatHex(random) + NO_MAIL_DOMAIN;
        }
        String name = claims.name() == null || claims.name().isBlank() ? email : claims.name().strip();
        byte[] password = new byte[32];
        RANDOM.nextBytes(password);
        // A password nobody knows: this account logs in through its broker only.
        UserAccount account = new UserAccount(email, name.length() > 120 ? name.substring(0, 120) : name,
                hasher.hash(HexFormat.of().formatHex(password)), Role.ORGANISER, AccountStatus.ACTIVE, now);
        em.persist(account);
        em.flush();
        return account;
    }

    private static String organisationName(String claimed, String kvk) {
        String name = claimed == null || claimed.isBlank() ? "KvK " + kvk : claimed.strip();
        return name.length() > 255 ? name.substring(0, 255) : name;
    }

    @RolesAllowed(RoleNames.INSTALLATION_ADMIN)
    public Optional<BrokerLoginSettings> settings(long municipalityId, BrokerKind kind) {
        return Optional.ofNullable(em.find(BrokerLogin.class, new BrokerLogin.Key(municipalityId, kind)))
                .map(BrokerLogin::settings);
    }

    @RolesAllowed(RoleNames.INSTALLATION_ADMIN)
    public boolean hasSecret(long municipalityId, BrokerKind kind) {
        BrokerLogin login = em.find(BrokerLogin.class, new BrokerLogin.Key(municipalityId, kind));
        return login != null && login.hasSecret();
    }

    /** The installation administrator connects a broker or changes it (a blank secret keeps the one set before). */
    @RolesAllowed(RoleNames.INSTALLATION_ADMIN)
    public void configure(long municipalityId, BrokerKind kind, BrokerLoginSettings settings, String newSecret) {
        save(municipalityId, kind, settings, newSecret, null);
    }

    /** From the installation's settings at start (BrokerLoginProvisioning): not reachable from a page. */
    @PermitAll
    public void provisionAtStartup(long municipalityId, BrokerKind kind, BrokerLoginSettings settings,
            String newSecret) {
        save(municipalityId, kind, settings, newSecret, AuditTrail.SYSTEM);
    }

    private void save(long municipalityId, BrokerKind kind, BrokerLoginSettings settings, String newSecret,
            String actor) {
        if (em.find(Municipality.class, municipalityId) == null || kind == null) {
            throw new ValidationFailedException("municipality.notFound");
        }
        BrokerLogin.Key key = new BrokerLogin.Key(municipalityId, kind);
        BrokerLogin login = em.find(BrokerLogin.class, key, LockModeType.PESSIMISTIC_WRITE);
        String secret = newSecret == null || newSecret.isBlank() ? null : newSecret.strip();
        BrokerLoginSettings clean = validated(kind, settings, secret != null || (login != null && login.hasSecret()));
        String before = login == null ? null : login.auditSummary();
        if (login == null) {
            login = new BrokerLogin(municipalityId, kind);
            login.update(clean, secret, clock.instant());
            em.persist(login);
        } else {
            login.update(clean, secret, clock.instant());
        }
        String after = login.auditSummary() + (secret != null && before != null ? ", secret changed" : "");
        if (actor == null) {
            audit.recordIn(municipalityId, "BROKER_LOGIN_CONFIGURED", SUBJECT, municipalityId + "/" + kind, before,
                    after);
        } else {
            audit.recordAs(actor, "BROKER_LOGIN_CONFIGURED", SUBJECT, municipalityId + "/" + kind, before, after);
        }
    }

    static BrokerLoginSettings validated(BrokerKind kind, BrokerLoginSettings s, boolean secretKnown) {
        List<String> problems = new ArrayList<>();
        String issuer = s.issuer() == null || s.issuer().isBlank() ? null : s.issuer().strip();
        if (issuer == null || !MunicipalLoginService.acceptableIssuer(issuer)) {
            problems.add("oidc.issuerInvalid");
        }
        String clientId = s.clientId() == null || s.clientId().isBlank() ? null : s.clientId().strip();
        if (clientId == null || clientId.length() > 200) {
            problems.add("oidc.clientIdRequired");
        }
        if (!secretKnown) {
            problems.add("oidc.secretRequired");
        }
        LevelOfAssurance required = s.requiredSubmitLevel() == null
                ? (kind == BrokerKind.EHERKENNING ? LevelOfAssurance.EH3 : LevelOfAssurance.DIGID_MIDDEN)
                : s.requiredSubmitLevel();
        if (required.kind() != kind) {
            problems.add("broker.levelOfOtherKind");
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
        return new BrokerLoginSettings(issuer, clientId, required, s.enabled());
    }

    /**
     * After a key rotation (docs/security.md): every secret and BSN encrypted under the previous key is encrypted
     * again under the current one. Returns how many values changed.
     */
    @PermitAll
    public int reencryptUnderCurrentKey() {
        SecretBox box = SecretBox.installation();
        int changed = 0;
        for (BrokerLogin login : em.createQuery("SELECT l FROM BrokerLogin l", BrokerLogin.class).getResultList()) {
            if (box.needsReencryption(login.storedSecret())) {
                login.reencryptSecret();
                changed++;
            }
        }
        for (MunicipalLogin login : em.createQuery("SELECT l FROM MunicipalLogin l", MunicipalLogin.class)
                .getResultList()) {
            if (box.needsReencryption(login.storedSecret())) {
                login.reencryptSecret();
                changed++;
            }
        }
        for (BrokerIdentity identity : em.createQuery("SELECT i FROM BrokerIdentity i WHERE i.bsnEncrypted IS NOT"
                + " NULL", BrokerIdentity.class).getResultList()) {
            if (box.needsReencryption(identity.storedBsn())) {
                identity.reencryptBsn(box);
                changed++;
            }
        }
        return changed;
    }
}
