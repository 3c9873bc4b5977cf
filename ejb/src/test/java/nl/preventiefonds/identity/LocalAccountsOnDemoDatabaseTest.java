package nl.preventiefonds.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.notification.Outbox;
import nl.preventiefonds.platform.DemoDatabase;
import nl.preventiefonds.platform.TooManyAttemptsException;
import nl.preventiefonds.platform.ValidationFailedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The safeguards of local accounts on the embedded database: the password-reset link (single use, expiring,
 * silent about unknown addresses, throttled), the second factor (enrolment, replay, lockout, recovery codes),
 * what a right password leads to, and the throttle's counter in the database.
 */
class LocalAccountsOnDemoDatabaseTest {
    private static final String PASSWORD = "Een wijk vol buren";
    private static DemoDatabase database;
    private static long assen;
    private Instant now;

    @BeforeAll
    static void world() {
        database = new DemoDatabase("localaccounts");
        assen = StaffOnDemoDatabase.municipality(database, "GM0106", "Assen");
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @BeforeEach
    void startOfTheDay() {
        now = StaffOnDemoDatabase.NOW;
    }

    private Clock clock() {
        return Clock.fixed(now, ZoneId.of("Europe/Amsterdam"));
    }

    private static long account(String email, Role role) {
        return database.inTransaction(em -> {
            UserAccount account = new UserAccount(email, "Naam", "plain:" + PASSWORD, role, AccountStatus.ACTIVE,
                    StaffOnDemoDatabase.NOW);
            if (role.isMunicipalStaff()) {
                account.assignMunicipality(em.find(Municipality.class, assen));
            }
            em.persist(account);
            em.flush();
            return account.getId();
        });
    }

    private record Services(AccountService accounts, PasswordReset reset, SecondFactor secondFactor,
                            Throttle throttle) {
    }

    private <T> T as(Caller caller, Function<Services, T> work) {
        return database.inTransaction(em -> work.apply(services(em, caller)));
    }

    private Services services(EntityManager em, Caller caller) {
        AccountService accounts = StaffOnDemoDatabase.accountsAs(em, caller);
        DemoDatabase.inject(accounts, "clock", clock());
        Throttle throttle = DemoDatabase.inject(DemoDatabase.inject(new Throttle(), "em", em), "clock", clock());
        Outbox outbox = DemoDatabase.inject(DemoDatabase.inject(new Outbox(), "em", em), "clock", clock());
        PasswordReset reset = new PasswordReset();
        DemoDatabase.inject(reset, "em", em);
        DemoDatabase.inject(reset, "accounts", accounts);
        DemoDatabase.inject(reset, "throttle", throttle);
        DemoDatabase.inject(reset, "hasher", plainHasher());
        DemoDatabase.inject(reset, "audit", StaffOnDemoDatabase.auditAs(em, "anonymous"));
        DemoDatabase.inject(reset, "outbox", outbox);
        DemoDatabase.inject(reset, "clock", clock());
        SecondFactor secondFactor = new SecondFactor();
        DemoDatabase.inject(secondFactor, "em", em);
        DemoDatabase.inject(secondFactor, "access", StaffOnDemoDatabase.accessOf(caller));
        DemoDatabase.inject(secondFactor, "audit", StaffOnDemoDatabase.auditAs(em, String.valueOf(caller.email())));
        DemoDatabase.inject(secondFactor, "clock", clock());
        return new Services(accounts, reset, secondFactor, throttle);
    }

    private static PasswordHasher plainHasher() {
        return new PasswordHasher() {
            @Override
            public String hash(String password) {
                return "plain:" + password;
            }

            @Override
            public boolean matches(String password, String storedHash) {
                return ("plain:" + password).equals(storedHash);
            }

            @Override
            public void spendEqualTime(String password) {
            }
        };
    }

    private static Caller staff(long id, String email, Role role) {
        return new Caller(id, email, role, null, assen);
    }

    private static long mails(String to, String subjectPart) {
        return database.count("SELECT COUNT(m) FROM OutboundMail m WHERE m.recipient = ?1 AND m.subject LIKE ?2",
                to, "%" + subjectPart + "%");
    }

    private static String resetToken(String email) {
        String body = database.inTransaction(em -> em.createQuery("SELECT m.body FROM OutboundMail m"
                        + " WHERE m.recipient = :to ORDER BY m.id DESC", String.class)
                .setParameter("to", email).setMaxResults(1).getSingleResult());
        Matcher link = Pattern.compile("reset-password\\.xhtml\\?token=([A-Za-z0-9_-]+)").matcher(body);
        assertTrue(link.find(), "the mail holds the reset link: " + body);
        return link.group(1);
    }

    private static List<String> problems(Runnable change) {
        return assertThrows(ValidationFailedException.class, change::run).getMessageKeys();
    }

    private void request(String email, String client) {
        as(Caller.ANONYMOUS, s -> {
            s.reset().request(email, client, "https://pf.example");
            return 0;
        });
    }

    @Test
    void aResetLinkWorksOnceWithinTheHourAndEndsOlderSessions() {
        String email = "reset-once@example.org";
        account(email, Role.ORGANISER);
        request(email, "192.0.2.1");
        assertEquals(1, mails(email, "Nieuw wachtwoord"));
        String token = resetToken(email);
        assertTrue((boolean) as(Caller.ANONYMOUS, s -> s.reset().isUsable(token)));

        assertEquals(List.of("password.common"), problems(() -> as(Caller.ANONYMOUS, s -> {
            s.reset().reset(token, "iloveyou12");
            return 0;
        })), "the password policy holds, the breached list included");
        assertTrue((boolean) as(Caller.ANONYMOUS, s -> s.reset().isUsable(token)), "a refused password spends nothing");

        now = now.plusSeconds(600);
        as(Caller.ANONYMOUS, s -> {
            s.reset().reset(token, "Een nieuwe zin voor mij");
            return 0;
        });
        assertTrue((boolean) as(Caller.ANONYMOUS, s -> s.accounts().authenticate(email, "Een nieuwe zin voor mij")).isPresent());
        assertTrue((boolean) as(Caller.ANONYMOUS, s -> s.accounts().authenticate(email, PASSWORD)).isEmpty());
        assertEquals(1, mails(email, "gewijzigd"), "the owner hears of it");
        long id = as(Caller.ANONYMOUS, s -> s.accounts().findByEmail(email).orElseThrow().getId());
        assertEquals(1, database.count("SELECT COUNT(a) FROM AuditEntry a WHERE a.action = 'PASSWORD_RESET'"
                + " AND a.subjectId = ?1", String.valueOf(id)), "audited");

        AccountService.ActiveAccount active = as(Caller.ANONYMOUS, s -> s.accounts().activeAccount(email))
                .orElseThrow();
        assertFalse(active.acceptsLoginAt(now.minusSeconds(1)), "a session from before the reset ends");
        assertTrue(active.acceptsLoginAt(now.plusSeconds(1)), "a login after it counts");

        assertFalse((boolean) as(Caller.ANONYMOUS, s -> s.reset().isUsable(token)), "used once");
        assertEquals(List.of("reset.invalid"), problems(() -> as(Caller.ANONYMOUS, s -> {
            s.reset().reset(token, "Nog een andere zin");
            return 0;
        })));
    }

    @Test
    void aResetLinkExpiresAfterAnHourAndOnlyTheNewestWorks() {
        String email = "reset-expiry@example.org";
        account(email, Role.ORGANISER);
        request(email, "192.0.2.2");
        String first = resetToken(email);
        request(email, "192.0.2.2");
        String second = resetToken(email);
        assertFalse((boolean) as(Caller.ANONYMOUS, s -> s.reset().isUsable(first)), "a newer request spends the older link");
        assertTrue((boolean) as(Caller.ANONYMOUS, s -> s.reset().isUsable(second)));
        now = now.plus(PasswordReset.VALIDITY);
        assertFalse((boolean) as(Caller.ANONYMOUS, s -> s.reset().isUsable(second)), "expired after an hour");
        assertFalse((boolean) as(Caller.ANONYMOUS, s -> s.reset().isUsable("no-such-token")));
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() {
        String email = "nobody-here@example.org";
        request(email, "192.0.2.3");
        assertEquals(0, mails(email, ""));
    }

    @Test
    void resetRequestsAreThrottledPerAddressMailedAndPerClient() {
        String email = "bombed@example.org";
        account(email, Role.ORGANISER);
        for (int i = 0; i < Throttle.Scope.RESET_EMAIL.limit; i++) {
            request(email, "198.51.100." + i);
        }
        TooManyAttemptsException refused = assertThrows(TooManyAttemptsException.class,
                () -> request(email, "198.51.100.99"));
        assertEquals(now.plus(Throttle.Scope.RESET_EMAIL.window), refused.getRetryAt());
        assertEquals((long) Throttle.Scope.RESET_EMAIL.limit, mails(email, "Nieuw wachtwoord"), "no more mails than the limit");

        for (int i = 0; i < Throttle.Scope.RESET_ADDRESS.limit; i++) {
            request("someone-" + i + "@example.org", "203.0.113.7");
        }
        assertThrows(TooManyAttemptsException.class, () -> request("someone-else@example.org", "203.0.113.7"));
        request("someone-else@example.org", "203.0.113.8");
        now = now.plus(Throttle.Scope.RESET_ADDRESS.window);
        request("someone-else@example.org", "203.0.113.7");
        assertEquals(1, database.count("SELECT COUNT(t) FROM ThrottleCounter t WHERE t.key = ?1",
                Throttle.key(Throttle.Scope.RESET_ADDRESS, "203.0.113.7")), "one row per source, keyed by a hash");
    }

    @Test
    void staffEnrolWithACodeOfTheAppAndThenLogInWithCodesThatWorkOnce() {
        String email = "beslisser-2fa@example.org";
        long id = account(email, Role.DECISION_MAKER);
        Caller me = staff(id, email, Role.DECISION_MAKER);
        AccountService.PasswordAccepted before = as(Caller.ANONYMOUS, s -> s.accounts().checkPassword(email, PASSWORD))
                .orElseThrow();
        assertTrue(before.enrolmentNeeded(), "a decision maker without a second factor enrols first");
        assertFalse(before.codeNeeded());

        String secret = TotpCodes.newSecret();
        assertEquals(List.of("secondFactor.codeWrong"), problems(() -> as(me, s -> s.secondFactor().enrol(secret,
                TotpCodes.codeAt(secret, now.minusSeconds(120))))), "an old code proves nothing");
        List<String> recovery = as(me, s -> s.secondFactor().enrol(secret, TotpCodes.codeAt(secret, now)));
        assertEquals(10, recovery.size());
        SecondFactor.Status status = as(me, s -> s.secondFactor().status());
        assertTrue(status.enrolled() && status.required());
        assertEquals(10, status.recoveryCodesLeft());

        AccountService.PasswordAccepted after = as(Caller.ANONYMOUS, s -> s.accounts().checkPassword(email, PASSWORD))
                .orElseThrow();
        assertTrue(after.codeNeeded(), "the password alone no longer logs in");
        assertFalse((boolean) as(Caller.ANONYMOUS, s -> s.secondFactor().verifyLogin(email, TotpCodes.codeAt(secret, now))),
                "the code used for enrolment is not accepted again in its window");
        now = now.plusSeconds(30);
        String code = TotpCodes.codeAt(secret, now);
        assertTrue((boolean) as(Caller.ANONYMOUS, s -> s.secondFactor().verifyLogin(email, code)));
        assertFalse((boolean) as(Caller.ANONYMOUS, s -> s.secondFactor().verifyLogin(email, code)), "no replay");
        assertTrue((boolean) as(Caller.ANONYMOUS, s -> s.secondFactor().verifyLogin(email, recovery.get(3).toUpperCase())),
                "a recovery code stands in for the app");
        assertFalse((boolean) as(Caller.ANONYMOUS, s -> s.secondFactor().verifyLogin(email, recovery.get(3))), "once");
        assertEquals(9, as(me, s -> s.secondFactor().status()).recoveryCodesLeft());
        assertEquals(List.of("secondFactor.required"), problems(() -> as(me, s -> {
            s.secondFactor().remove(TotpCodes.codeAt(secret, now.plusSeconds(30)));
            return 0;
        })), "a decision maker cannot turn it off");
    }

    @Test
    void wrongCodesLockTheAccountAndEachLockInARowLastsTwiceAsLong() {
        String email = "beheerder-2fa@example.org";
        long id = account(email, Role.FUND_MANAGER);
        String secret = TotpCodes.newSecret();
        as(staff(id, email, Role.FUND_MANAGER), s -> s.secondFactor().enrol(secret, TotpCodes.codeAt(secret, now)));
        String wrong = TotpCodes.codeAt(secret, now).equals("000000") ? "111111" : "000000";
        for (int i = 0; i < UserAccount.LOCK_AFTER_FAILURES; i++) {
            assertFalse((boolean) as(Caller.ANONYMOUS, s -> s.secondFactor().verifyLogin(email, wrong)));
        }
        Instant firstLock = as(Caller.ANONYMOUS, s -> s.accounts().findByEmail(email).orElseThrow().getLockedUntil());
        assertEquals(now.plus(UserAccount.LOCK_DURATION), firstLock);
        now = now.plusSeconds(60);
        String right = TotpCodes.codeAt(secret, now);
        assertFalse((boolean) as(Caller.ANONYMOUS, s -> s.secondFactor().verifyLogin(email, right)), "locked: no code helps");
        assertTrue((boolean) as(Caller.ANONYMOUS, s -> s.accounts().checkPassword(email, PASSWORD)).isEmpty(),
                "nor the password");

        now = firstLock;
        for (int i = 0; i < UserAccount.LOCK_AFTER_FAILURES; i++) {
            as(Caller.ANONYMOUS, s -> s.accounts().authenticate(email, "not the password at all"));
        }
        assertEquals(now.plus(UserAccount.LOCK_DURATION.multipliedBy(2)),
                as(Caller.ANONYMOUS, s -> s.accounts().findByEmail(email).orElseThrow().getLockedUntil()),
                "the second lock in a row lasts twice as long");
        assertEquals(UserAccount.LOCK_AFTER_FAILURES - 1, database.count("SELECT COUNT(a) FROM AuditEntry a"
                + " WHERE a.action = 'SECOND_FACTOR_FAILED' AND a.subjectId = ?1", String.valueOf(id)),
                "wrong codes are audited (the fifth as the lock)");
    }

    @Test
    void officersChooseTheSecondFactorAndMayTurnItOff() {
        String email = "adviseur-2fa@example.org";
        long id = account(email, Role.OFFICER);
        Caller me = staff(id, email, Role.OFFICER);
        assertFalse((boolean) as(Caller.ANONYMOUS, s -> s.accounts().checkPassword(email, PASSWORD)).orElseThrow()
                .enrolmentNeeded(), "optional for officers");
        String secret = TotpCodes.newSecret();
        as(me, s -> s.secondFactor().enrol(secret, TotpCodes.codeAt(secret, now)));
        assertEquals(List.of("secondFactor.alreadyEnrolled"), problems(() -> as(me,
                s -> s.secondFactor().enrol(TotpCodes.newSecret(), "123456"))));
        now = now.plusSeconds(30);
        as(me, s -> {
            s.secondFactor().remove(TotpCodes.codeAt(secret, now));
            return 0;
        });
        assertFalse((boolean) as(Caller.ANONYMOUS, s -> s.accounts().checkPassword(email, PASSWORD)).orElseThrow()
                .codeNeeded());
        assertEquals(0, database.count("SELECT COUNT(c) FROM RecoveryCode c WHERE c.user.id = ?1", id));
    }

    @Test
    void aDemoAccountNeedsNoSecondFactor() {
        String email = "beslisser-demo@example.org";
        long id = account(email, Role.DECISION_MAKER);
        database.inTransaction(em -> {
            em.find(UserAccount.class, id).waiveSecondFactor();
            return 0;
        });
        Optional<AccountService.PasswordAccepted> accepted = as(Caller.ANONYMOUS,
                s -> s.accounts().checkPassword(email, PASSWORD));
        assertFalse(accepted.orElseThrow().enrolmentNeeded());
        assertTrue((boolean) as(staff(id, email, Role.DECISION_MAKER), s -> s.secondFactor().status()).waived());
    }

    @Test
    void theThrottleCountsInTheDatabaseAcrossTransactions() {
        String client = "198.51.100.200";
        for (int i = 0; i < Throttle.Scope.LOGIN_ADDRESS.limit; i++) {
            assertTrue((boolean) as(Caller.ANONYMOUS, s -> s.throttle().count(Throttle.Scope.LOGIN_ADDRESS, client)).isEmpty());
        }
        Optional<Instant> blocked = as(Caller.ANONYMOUS, s -> s.throttle().count(Throttle.Scope.LOGIN_ADDRESS, client));
        assertEquals(Optional.of(now.plus(Throttle.Scope.LOGIN_ADDRESS.window)), blocked);
        assertEquals(blocked, as(Caller.ANONYMOUS, s -> s.throttle().blocked(Throttle.Scope.LOGIN_ADDRESS, client)));
        assertTrue((boolean) as(Caller.ANONYMOUS, s -> s.throttle().blocked(Throttle.Scope.LOGIN_ADDRESS, "198.51.100.201"))
                .isEmpty(), "another address is not blocked");
        now = now.plus(Duration.ofMinutes(15));
        assertTrue((boolean) as(Caller.ANONYMOUS, s -> s.throttle().blocked(Throttle.Scope.LOGIN_ADDRESS, client)).isEmpty());
    }
}
