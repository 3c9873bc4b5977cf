package nl.preventiefonds.identity;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.notification.Outbox;
import nl.preventiefonds.partner.PartnerOrganisation;
import nl.preventiefonds.platform.AccessDeniedException;
import nl.preventiefonds.platform.RoleNames;
import nl.preventiefonds.platform.ValidationFailedException;

/** Accounts: self-registration of organisers, accounts created by a fund manager, login checks. */
@Stateless
public class AccountService {
    static final Duration ACTIVATION_VALIDITY = Duration.ofHours(48);
    static final Duration INVITATION_VALIDITY = Duration.ofDays(7);
    private static final String SUBJECT = "UserAccount";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private AuditTrail audit;

    @Inject
    private Outbox outbox;

    @Inject
    private Clock clock;

    @Inject
    private AccessPolicy access;

    @Resource
    private SessionContext session;

    /**
     * Registers an organiser. Answers the same whether or not the address is known (no account
     * enumeration): a known address gets a mail saying so, a new one a confirmation link.
     */
    @PermitAll
    public void registerOrganiser(String email, String displayName, String password, String localeTag,
                                  String applicationUrl) {
        List<String> problems = new ArrayList<>();
        if (!EmailAddress.isValid(email)) {
            problems.add("email.invalid");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 120) {
            problems.add("name.required");
        }
        problems.addAll(PasswordPolicy.violations(password, email));
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
        String normalised = UserAccount.normaliseEmail(email);
        Optional<UserAccount> existing = findByEmail(normalised);
        if (existing.isPresent() && existing.get().getStatus() == AccountStatus.PENDING) {
            // Never confirmed (the link may have expired): send a fresh link, keep the account.
            hasher.hash(password);
            sendActivationLink(existing.get(), applicationUrl);
            audit.recordAs(AuditTrail.ANONYMOUS, "ACTIVATION_LINK_RESENT", SUBJECT, existing.get().getId(), null, null);
            return;
        }
        if (existing.isPresent()) {
            // Spend the same hashing time as a real registration, so timing reveals nothing either.
            hasher.hash(password);
            outbox.queue(normalised, existing.get().getPreferredLocale(), "registration-existing",
                    existing.get().getDisplayName(), applicationUrl + "/login.xhtml");
            audit.recordAs(AuditTrail.ANONYMOUS, "REGISTRATION_FOR_EXISTING_ACCOUNT", SUBJECT,
                    existing.get().getId(), null, null);
            return;
        }
        UserAccount account = new UserAccount(normalised, displayName, hasher.hash(password), Role.ORGANISER,
                AccountStatus.PENDING, clock.instant());
        account.setPreferredLocale("en".equals(localeTag) ? "en" : "nl");
        em.persist(account);
        em.flush();
        sendActivationLink(account, applicationUrl);
        audit.recordAs(normalised, "ACCOUNT_REGISTERED", SUBJECT, account.getId(), null, account.auditSummary());
    }

    private void sendActivationLink(UserAccount account, String applicationUrl) {
        String token = newToken();
        em.persist(new AccountToken(account, AccountToken.Purpose.ACTIVATION, sha256(token),
                clock.instant().plus(ACTIVATION_VALIDITY)));
        outbox.queue(account.getEmail(), account.getPreferredLocale(), "activation", account.getDisplayName(),
                applicationUrl + "/activate.xhtml?token=" + token);
    }

    /** What the header shows of a login that may still use the application. */
    public record ActiveAccount(String displayName, Long municipalityId, Role role, Instant sessionsValidFrom) {

        /** Whether a session that logged in at this moment still counts (a password reset ends older ones). */
        public boolean acceptsLoginAt(Instant loggedInAt) {
            return sessionsValidFrom == null || loggedInAt != null && !loggedInAt.isBefore(sessionsValidFrom);
        }

        /** What a login session was granted for: its role in its municipality; a change elsewhere ends the session. */
        public String workingAs() {
            return role + "@" + (municipalityId == null ? "" : municipalityId);
        }
    }

    /**
     * The display name and municipality of this login if it may still use the application, checked on every
     * request; the header shows them, so one statement serves both.
     */
    @PermitAll
    public Optional<ActiveAccount> activeAccount(String email) {
        return em.createQuery("SELECT NEW nl.preventiefonds.identity.AccountService.ActiveAccount(u.displayName, m.id,"
                                + " u.role, u.sessionsValidFrom)"
                                + " FROM UserAccount u LEFT JOIN u.municipality m WHERE u.email = :email"
                                + " AND u.status = :active", ActiveAccount.class)
                .setParameter("email", UserAccount.normaliseEmail(email))
                .setParameter("active", AccountStatus.ACTIVE)
                .setMaxResults(1).getResultList().stream().findFirst();
    }

    /** Confirms an e-mail address; false when the link is unknown, used or expired. */
    @PermitAll
    public boolean activate(String token) {
        Optional<AccountToken> found = usableToken(token, AccountToken.Purpose.ACTIVATION);
        if (found.isEmpty()) {
            return false;
        }
        AccountToken accountToken = found.get();
        UserAccount user = accountToken.getUser();
        String before = user.auditSummary();
        accountToken.markUsed(clock.instant());
        user.activate();
        audit.recordAs(user.getEmail(), "ACCOUNT_ACTIVATED", SUBJECT, user.getId(), before, user.auditSummary());
        return true;
    }

    /**
     * Checks a login. Unknown address, wrong password, locked or inactive account all give an
     * empty result in about the same time, so a caller learns nothing about which it was.
     */
    @PermitAll
    public Optional<UserAccount> authenticate(String email, String password) {
        Instant now = clock.instant();
        Optional<UserAccount> found = findByEmail(UserAccount.normaliseEmail(email));
        if (found.isEmpty()) {
            hasher.spendEqualTime(password);
            return Optional.empty();
        }
        UserAccount user = found.get();
        if (user.isLockedAt(now)) {
            // Not audited: the lock itself was, and anyone could otherwise grow the table at will.
            hasher.spendEqualTime(password);
            return Optional.empty();
        }
        boolean matches = hasher.matches(password, user.getPasswordHash());
        // Two logins of one account at once (two tabs, a script) both write this row: lock and re-read it after the
        // slow hash, so they queue instead of one failing on @Version, and every failed guess counts.
        em.refresh(user, LockModeType.PESSIMISTIC_WRITE);
        if (user.isLockedAt(now)) {
            return Optional.empty();
        }
        if (!matches) {
            user.registerFailedLogin(now);
            audit.recordAs(user.getEmail(), user.isLockedAt(now) ? "ACCOUNT_LOCKED" : "LOGIN_FAILED", SUBJECT,
                    user.getId(), null, null);
            return Optional.empty();
        }
        if (user.getStatus() != AccountStatus.ACTIVE) {
            return Optional.empty();
        }
        if (user.hasSecondFactor()) {
            // Half a login: SecondFactor.verifyLogin completes it (and audits it) once the code is right.
            user.registerPasswordAccepted();
            return Optional.of(user);
        }
        user.registerSuccessfulLogin(now);
        audit.recordAs(user.getEmail(), "LOGIN", SUBJECT, user.getId(), null, null);
        return Optional.of(user);
    }

    /**
     * What a right password leads to: a finished login, or a second step. {@code codeNeeded}: the login completes
     * only with a code of the authenticator app; {@code enrolmentNeeded}: the role asks for a second factor the
     * account does not have yet, so the person enrols before anything else.
     */
    public record PasswordAccepted(String email, boolean codeNeeded, boolean enrolmentNeeded) {
    }

    /** As {@link #authenticate}, saying what the login still needs; empty for every kind of refusal alike. */
    @PermitAll
    public Optional<PasswordAccepted> checkPassword(String email, String password) {
        return authenticate(email, password).map(user -> new PasswordAccepted(user.getEmail(),
                user.hasSecondFactor(), !user.hasSecondFactor() && user.requiresSecondFactor()));
    }

    /**
     * A fund manager creates an account for a partner or a member of staff: with a password they hand over, or,
     * without one, as an invitation by e-mail to choose a password.
     */
    @RolesAllowed(RoleNames.FUND_MANAGER)
    public UserAccount createAccount(NewAccount request, String applicationUrl) {
        Caller admin = access.requireMunicipalStaff(Role.FUND_MANAGER);
        if (request.role() != null && !request.role().isCreatedByAdmin()) {
            throw new ValidationFailedException("role.notGiven");
        }
        Optional<UserAccount> joined = joinFromElsewhere(request, admin.municipalityId(), applicationUrl);
        if (joined.isPresent()) {
            return joined.get();
        }
        // Staff a fund manager creates work for the fund manager's own municipality.
        UserAccount account = create(request, admin.municipalityId());
        announce(account, applicationUrl);
        audit.record(request.isInvitation() ? "ACCOUNT_INVITED" : "ACCOUNT_CREATED", SUBJECT, account.getId(), null,
                account.auditSummary());
        return account;
    }

    /**
     * The installation administrator invites a member of staff of a municipality, typically its first fund manager,
     * who then sets the municipality up and invites the rest.
     */
    @RolesAllowed(RoleNames.INSTALLATION_ADMIN)
    public UserAccount inviteStaff(long municipalityId, String email, String displayName, Role role,
                                   String applicationUrl) {
        access.requireAnyRole(Role.INSTALLATION_ADMIN);
        if (role == null || !role.isMunicipalStaff()) {
            throw new ValidationFailedException("role.notGiven");
        }
        if (em.find(Municipality.class, municipalityId) == null) {
            throw new ValidationFailedException("municipality.notFound");
        }
        NewAccount request = new NewAccount(email, displayName, role, null, null);
        Optional<UserAccount> joined = joinFromElsewhere(request, municipalityId, applicationUrl);
        if (joined.isPresent()) {
            return joined.get();
        }
        UserAccount account = create(request, municipalityId);
        announce(account, applicationUrl);
        audit.record("ACCOUNT_INVITED", SUBJECT, account.getId(), null, account.auditSummary());
        return account;
    }

    /**
     * A member of staff of another municipality, given a staff role here: one person, one login, a role in each
     * municipality (switched in the header), not a second account. Empty when the address is not such a person's;
     * someone who already works here is refused, as is anyone whose request itself is invalid.
     */
    private Optional<UserAccount> joinFromElsewhere(NewAccount request, long municipalityId, String applicationUrl) {
        if (request.role() == null || !request.role().isMunicipalStaff() || !request.problems().isEmpty()) {
            return Optional.empty();
        }
        Optional<UserAccount> existing = findByEmail(request.email());
        if (existing.isEmpty() || existing.get().getMemberships().isEmpty()
                || existing.get().getStatus() == AccountStatus.ANONYMISED) {
            return Optional.empty();
        }
        UserAccount user = existing.get();
        if (user.membershipIn(municipalityId).isPresent()) {
            throw new ValidationFailedException("membership.exists");
        }
        Municipality municipality = em.find(Municipality.class, municipalityId);
        if (municipality == null) {
            throw new ValidationFailedException("municipality.notFound");
        }
        StaffMembership membership = user.addMembership(municipality, request.role(), clock.instant());
        em.flush();
        outbox.queue(user.getEmail(), user.getPreferredLocale(), "membership-added", user.getDisplayName(),
                outbox.text(user.getPreferredLocale(), "role." + request.role().name()),
                applicationUrl + "/login.xhtml", municipality.getName());
        audit.recordIn(municipalityId, "STAFF_MEMBERSHIP_ADDED", SUBJECT, user.getId(), null,
                membershipSummary(user, membership));
        return Optional.of(user);
    }

    private static String membershipSummary(UserAccount user, StaffMembership membership) {
        return "email=" + user.getEmail() + ", municipality=" + membership.getMunicipality().getCode() + ", role="
                + membership.getRole();
    }

    /** A municipality this member of staff works for, with their role there; the one they work in now is current. */
    public record Membership(long municipalityId, String municipalityName, Role role, boolean current) {
    }

    /** The caller's municipalities, the one they work in now first; empty for anyone who is not staff. */
    @RolesAllowed({RoleNames.OFFICER, RoleNames.DECISION_MAKER, RoleNames.FUND_MANAGER})
    public List<Membership> ownMemberships() {
        Caller caller = access.caller();
        if (!caller.isStaff()) {
            return List.of();
        }
        return em.createQuery("SELECT s FROM StaffMembership s JOIN FETCH s.municipality WHERE s.account.id = :user",
                        StaffMembership.class)
                .setParameter("user", caller.userId()).getResultList().stream()
                .map(s -> new Membership(s.getMunicipality().getId(), s.getMunicipality().getName(), s.getRole(),
                        s.isIn(caller.municipalityId())))
                .sorted(java.util.Comparator.comparing((Membership m) -> !m.current())
                        .thenComparing(Membership::municipalityName))
                .toList();
    }

    /**
     * The caller continues in another of their municipalities, in their role there. The login must then be renewed
     * (its roles change); a municipality they do not work for answers as unknown.
     */
    @RolesAllowed({RoleNames.OFFICER, RoleNames.DECISION_MAKER, RoleNames.FUND_MANAGER})
    public Role switchMunicipality(long municipalityId) {
        Caller caller = access.requireMunicipalStaff(Role.OFFICER, Role.DECISION_MAKER, Role.FUND_MANAGER);
        UserAccount user = em.find(UserAccount.class, caller.userId(), LockModeType.PESSIMISTIC_WRITE);
        StaffMembership target = user.membershipIn(municipalityId)
                .orElseThrow(() -> new ValidationFailedException("municipality.notFound"));
        if (target.isIn(caller.municipalityId())) {
            return target.getRole();
        }
        String before = user.auditSummary();
        user.switchTo(target);
        // On the trails of both: the one left and the one entered.
        audit.recordIn(caller.municipalityId(), "MUNICIPALITY_SWITCHED", SUBJECT, user.getId(), before,
                user.auditSummary());
        audit.recordIn(municipalityId, "MUNICIPALITY_SWITCHED", SUBJECT, user.getId(), before, user.auditSummary());
        return target.getRole();
    }

    /**
     * For renewing a login after a switch of municipality, which the logged-in person did themselves: the account,
     * if it may still log in. Never reachable with an address a visitor typed (see the web layer's credential).
     */
    @PermitAll
    public Optional<UserAccount> activeForRenewal(String email) {
        return findByEmail(email).filter(u -> u.getStatus() == AccountStatus.ACTIVE);
    }

    /**
     * A fund manager ends the role here of a member of staff who also works for another municipality: their account
     * and their other roles stay (blocking it would lock them out there too).
     */
    @RolesAllowed(RoleNames.FUND_MANAGER)
    public void endMembership(long userId) {
        Caller admin = access.requireMunicipalStaff(Role.FUND_MANAGER);
        UserAccount user = em.find(UserAccount.class, userId);
        StaffMembership here = user == null ? null : user.membershipIn(admin.municipalityId()).orElse(null);
        if (here == null) {
            throw new ValidationFailedException("account.notFound");
        }
        if (user.getId().equals(admin.userId())) {
            throw new ValidationFailedException("account.notYourself");
        }
        if (user.getMemberships().size() < 2) {
            throw new ValidationFailedException("membership.onlyOne");
        }
        if (here.getRole() == Role.FUND_MANAGER && user.getStatus() == AccountStatus.ACTIVE
                && activeFundManagers(admin.municipalityId()) <= 1) {
            throw new ValidationFailedException("account.lastFundManager");
        }
        String before = membershipSummary(user, here);
        user.removeMembership(here);
        audit.recordIn(admin.municipalityId(), "STAFF_MEMBERSHIP_ENDED", SUBJECT, user.getId(), before, null);
    }

    /** The staff of one municipality, for the installation administrator: who was invited, who is active. */
    @RolesAllowed(RoleNames.INSTALLATION_ADMIN)
    public List<UserAccount> staffOf(long municipalityId) {
        access.requireAnyRole(Role.INSTALLATION_ADMIN);
        return withMemberships(em.createQuery("SELECT u FROM UserAccount u WHERE u.municipality.id = :municipality"
                        + " OR EXISTS (SELECT s.id FROM StaffMembership s WHERE s.account = u"
                        + " AND s.municipality.id = :municipality)"
                        + " ORDER BY u.role, u.email, u.id", UserAccount.class)
                .setParameter("municipality", municipalityId).setMaxResults(500).getResultList());
    }

    private void announce(UserAccount account, String applicationUrl) {
        String role = outbox.text(account.getPreferredLocale(), "role." + account.getRole().name());
        if (account.getStatus() == AccountStatus.PENDING) {
            String token = newToken();
            em.persist(new AccountToken(account, AccountToken.Purpose.INVITATION, sha256(token),
                    clock.instant().plus(INVITATION_VALIDITY)));
            outbox.queue(account.getEmail(), account.getPreferredLocale(), "invitation", account.getDisplayName(),
                    role, applicationUrl + "/invitation.xhtml?token=" + token,
                    account.getMunicipality() == null ? "" : account.getMunicipality().getName());
        } else {
            outbox.queue(account.getEmail(), account.getPreferredLocale(), "account-created",
                    account.getDisplayName(), role, applicationUrl + "/login.xhtml");
        }
    }

    /** Who an invitation link is for (their name, to greet them), if it may still be used. */
    @PermitAll
    public Optional<String> invitedName(String token) {
        return usableToken(token, AccountToken.Purpose.INVITATION).map(t -> t.getUser().getDisplayName());
    }

    /**
     * The invited member of staff chooses a password: the account becomes active and the link is spent. An unknown,
     * used or expired link changes nothing.
     */
    @PermitAll
    public void acceptInvitation(String token, String password) {
        AccountToken invitation = usableToken(token, AccountToken.Purpose.INVITATION)
                .orElseThrow(() -> new ValidationFailedException("invitation.invalid"));
        UserAccount user = invitation.getUser();
        List<String> problems = PasswordPolicy.violations(password, user.getEmail());
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
        if (user.getStatus() != AccountStatus.PENDING) {
            // Blocked by a fund manager after the invitation went out: the link no longer opens the door.
            throw new ValidationFailedException("invitation.invalid");
        }
        String before = user.auditSummary();
        invitation.markUsed(clock.instant());
        user.changePasswordHash(hasher.hash(password));
        user.activate();
        audit.recordAs(user.getEmail(), "INVITATION_ACCEPTED", SUBJECT, user.getId(), before, user.auditSummary());
    }

    private Optional<AccountToken> usableToken(String token, AccountToken.Purpose purpose) {
        return AccountToken.findUsable(em, token, purpose, clock.instant());
    }

    /** A fund manager gives a member of their municipality's staff another staff role. */
    @RolesAllowed(RoleNames.FUND_MANAGER)
    public void changeRole(long userId, Role role) {
        Caller admin = access.requireMunicipalStaff(Role.FUND_MANAGER);
        UserAccount user = em.find(UserAccount.class, userId);
        StaffMembership here = user == null ? null : user.membershipIn(admin.municipalityId()).orElse(null);
        if (here == null || !administers(admin, user)) {
            throw new ValidationFailedException("account.notFound");
        }
        if (role == null || !role.isMunicipalStaff()) {
            throw new ValidationFailedException("role.notGiven");
        }
        if (role == here.getRole()) {
            return;
        }
        if (user.getId().equals(admin.userId())) {
            throw new ValidationFailedException("account.notYourself");
        }
        if (here.getRole() == Role.FUND_MANAGER && user.getStatus() == AccountStatus.ACTIVE
                && activeFundManagers(admin.municipalityId()) <= 1) {
            throw new ValidationFailedException("account.lastFundManager");
        }
        String before = membershipSummary(user, here);
        if (here.isIn(user.getMunicipality() == null ? null : user.getMunicipality().getId())) {
            user.changeRole(role);
        } else {
            // They work in another of their municipalities now: their role there stays as it is.
            here.changeRole(role);
        }
        audit.recordIn(admin.municipalityId(), "ACCOUNT_ROLE_CHANGED", SUBJECT, user.getId(), before,
                membershipSummary(user, here));
    }

    /**
     * Creates an account without a logged-in administrator: only for start-up (the first fund
     * manager of a new install, or the demo world). Not reachable from any page or endpoint.
     */
    @PermitAll
    public UserAccount provisionAtStartup(NewAccount request, Long municipalityId) {
        UserAccount account = create(request, municipalityId);
        audit.recordAs(AuditTrail.SYSTEM, "ACCOUNT_PROVISIONED", SUBJECT, account.getId(), null,
                account.auditSummary());
        return account;
    }

    /** Any logged-in user changes their own password, proving they know the current one. */
    @RolesAllowed({RoleNames.ORGANISER, RoleNames.PARTNER, RoleNames.OFFICER, RoleNames.DECISION_MAKER,
            RoleNames.FUND_MANAGER, RoleNames.INSTALLATION_ADMIN})
    public void changeOwnPassword(String currentPassword, String newPassword) {
        UserAccount user = findByEmail(session.getCallerPrincipal().getName())
                .orElseThrow(() -> new AccessDeniedException("no account for the caller"));
        if (!hasher.matches(currentPassword, user.getPasswordHash())) {
            throw new ValidationFailedException("password.currentWrong");
        }
        List<String> problems = PasswordPolicy.violations(newPassword, user.getEmail());
        if (problems.isEmpty() && newPassword.equals(currentPassword)) {
            problems = List.of("password.unchanged");
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
        user.changePasswordHash(hasher.hash(newPassword));
        audit.record("PASSWORD_CHANGED", SUBJECT, user.getId(), null, null);
    }

    @RolesAllowed(RoleNames.FUND_MANAGER)
    public void changeStatus(long userId, AccountStatus status) {
        Caller admin = access.requireMunicipalStaff(Role.FUND_MANAGER);
        UserAccount user = em.find(UserAccount.class, userId);
        if (user == null || !administers(admin, user)) {
            throw new ValidationFailedException("account.notFound");
        }
        if (user.getStatus() == AccountStatus.ANONYMISED || status == AccountStatus.ANONYMISED) {
            // Only privacy.Anonymisation anonymises, and an anonymised account never comes back.
            throw new ValidationFailedException("account.anonymised");
        }
        if (user.getMemberships().size() > 1) {
            // Blocking would lock them out of their other municipalities too; end their role here instead.
            throw new ValidationFailedException("account.worksElsewhere");
        }
        if (status != AccountStatus.ACTIVE && user.getId().equals(admin.userId())) {
            // Nobody locks themselves out; another fund manager of the municipality may block them.
            throw new ValidationFailedException("account.notYourself");
        }
        if (status != AccountStatus.ACTIVE && user.membershipIn(admin.municipalityId()).map(StaffMembership::getRole)
                .orElse(user.getRole()) == Role.FUND_MANAGER
                && user.getStatus() == AccountStatus.ACTIVE && activeFundManagers(admin.municipalityId()) <= 1) {
            throw new ValidationFailedException("account.lastFundManager");
        }
        String before = user.auditSummary();
        user.setStatus(status);
        audit.recordIn(admin.municipalityId(), "ACCOUNT_STATUS_CHANGED", SUBJECT, user.getId(), before,
                user.auditSummary());
    }

    /** The fund manager's own municipality's staff and partner accounts, and those of organisers who applied there. */
    @RolesAllowed(RoleNames.FUND_MANAGER)
    public List<UserAccount> accounts(int first, int max) {
        long municipality = access.requireMunicipalStaff(Role.FUND_MANAGER).municipalityId();
        return withMemberships(em.createQuery("SELECT u" + LISTED + " ORDER BY u.role, u.email, u.id",
                        UserAccount.class)
                .setParameter("municipality", municipality).setParameter("installation", Role.INSTALLATION_ADMIN)
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(max, 200))).getResultList());
    }

    /** One account the fund manager administers; any other answers as unknown. */
    @RolesAllowed(RoleNames.FUND_MANAGER)
    public UserAccount account(long userId) {
        Caller admin = access.requireMunicipalStaff(Role.FUND_MANAGER);
        UserAccount user = em.find(UserAccount.class, userId);
        if (user == null || !administers(admin, user)) {
            throw new ValidationFailedException("account.notFound");
        }
        user.getMemberships();
        return user;
    }

    /** Most accounts one export holds; a municipality has far fewer staff and partner accounts. */
    public static final int MAX_EXPORT = 10_000;

    /**
     * For the staff list's download: the accounts of the fund manager's own municipality, its staff and the accounts
     * of its partner organisations (organisers, who work for no municipality, are not its list to hand out).
     */
    @RolesAllowed(RoleNames.FUND_MANAGER)
    public List<UserAccount> municipalityAccounts() {
        long municipality = access.requireMunicipalStaff(Role.FUND_MANAGER).municipalityId();
        return withMemberships(em.createQuery("SELECT u FROM UserAccount u LEFT JOIN u.municipality m"
                        + " LEFT JOIN u.partner p LEFT JOIN p.municipality pm WHERE m.id = :municipality"
                        + " OR pm.id = :municipality"
                        + " OR EXISTS (SELECT s.id FROM StaffMembership s WHERE s.account = u"
                        + " AND s.municipality.id = :municipality)"
                        + " ORDER BY u.role, u.email, u.id", UserAccount.class)
                .setParameter("municipality", municipality).setMaxResults(MAX_EXPORT).getResultList());
    }

    /** The lists show each person's role in the fund manager's municipality: their memberships, read in one go. */
    private static List<UserAccount> withMemberships(List<UserAccount> accounts) {
        accounts.forEach(UserAccount::getMemberships);
        return accounts;
    }

    @RolesAllowed(RoleNames.FUND_MANAGER)
    public long countAccounts() {
        long municipality = access.requireMunicipalStaff(Role.FUND_MANAGER).municipalityId();
        return em.createQuery("SELECT COUNT(u)" + LISTED, Long.class)
                .setParameter("municipality", municipality).setParameter("installation", Role.INSTALLATION_ADMIN)
                .getSingleResult();
    }

    /** The municipality's active fund managers, read under lock: two blocking each other at once cannot both win. */
    private long activeFundManagers(long municipalityId) {
        return em.createQuery("SELECT s FROM StaffMembership s WHERE s.municipality.id = :municipality"
                        + " AND s.role = :role AND s.account.status = :active", StaffMembership.class)
                .setParameter("municipality", municipalityId).setParameter("role", Role.FUND_MANAGER)
                .setParameter("active", AccountStatus.ACTIVE).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList().size();
    }

    /**
     * A fund manager administers the staff of their own municipality, the accounts of its partner organisations, and
     * the organisers who applied there (organisers work for no municipality; one that applied only elsewhere is
     * another municipality's business, not even to be seen); never an installation administrator.
     */
    private boolean administers(Caller admin, UserAccount account) {
        if (account.getRole() == Role.INSTALLATION_ADMIN) {
            return false;
        }
        if (account.membershipIn(admin.municipalityId()).isPresent()) {
            return true;
        }
        if (account.getMunicipality() != null) {
            return account.getMunicipality().getId().equals(admin.municipalityId());
        }
        if (account.getPartner() != null) {
            return account.getPartner().getMunicipality() != null
                    && account.getPartner().getMunicipality().getId().equals(admin.municipalityId());
        }
        return !em.createQuery("SELECT a.id FROM Application a WHERE a.owner = :owner"
                        + " AND a.municipalityId = :municipality", Long.class)
                .setParameter("owner", account).setParameter("municipality", admin.municipalityId())
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** The accounts a fund manager lists: own staff, own partners' accounts, organisers who applied here. */
    private static final String LISTED = " FROM UserAccount u LEFT JOIN u.municipality m LEFT JOIN u.partner p"
            + " LEFT JOIN p.municipality pm WHERE m.id = :municipality OR EXISTS (SELECT s.id FROM StaffMembership s"
            + " WHERE s.account = u AND s.municipality.id = :municipality) OR (m.id IS NULL AND u.role <> :installation"
            + " AND (pm.id = :municipality OR (p.id IS NULL AND EXISTS (SELECT a.id FROM Application a"
            + " WHERE a.owner = u AND a.municipalityId = :municipality))))";

    @PermitAll
    public boolean anyAccountWithRole(Role role) {
        return !em.createQuery("SELECT u.id FROM UserAccount u WHERE u.role = :role", Long.class)
                .setParameter("role", role).setMaxResults(1).getResultList().isEmpty();
    }

    @PermitAll
    public Optional<UserAccount> findByEmail(String email) {
        if (email == null) {
            return Optional.empty();
        }
        return em.createQuery("SELECT u FROM UserAccount u WHERE u.email = :email", UserAccount.class)
                .setParameter("email", UserAccount.normaliseEmail(email))
                .getResultList().stream().findFirst();
    }

    private UserAccount create(NewAccount request, Long municipalityId) {
        List<String> problems = new ArrayList<>(request.problems());
        if (problems.isEmpty() && findByEmail(request.email()).isPresent()) {
            problems.add("email.taken");
        }
        PartnerOrganisation partner = null;
        Municipality municipality = null;
        if (problems.isEmpty() && request.role() != null && request.role().isMunicipalStaff()) {
            municipality = municipalityId == null ? null : em.find(Municipality.class, municipalityId);
            if (municipality == null) {
                problems.add("staff.noMunicipality");
            }
        }
        if (problems.isEmpty() && request.role() == Role.PARTNER) {
            partner = request.partnerId() == null ? null : em.find(PartnerOrganisation.class, request.partnerId());
            // A fund manager links partner accounts to the partners of their own municipality only; another
            // municipality's partner answers as unknown.
            if (partner == null || (municipalityId != null && (partner.getMunicipality() == null
                    || !partner.getMunicipality().getId().equals(municipalityId)))) {
                problems.add("partner.required");
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
        // An invitation gets a random password nobody knows until the invited person chooses their own.
        String password = request.isInvitation() ? newToken() : request.password();
        UserAccount account = new UserAccount(request.email(), request.displayName(), hasher.hash(password),
                request.role(), request.isInvitation() ? AccountStatus.PENDING : AccountStatus.ACTIVE, clock.instant());
        account.assignPartner(partner);
        account.assignMunicipality(municipality);
        em.persist(account);
        em.flush();
        return account;
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
