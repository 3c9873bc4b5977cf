package nl.preventiefonds.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.function.Function;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.platform.DemoDatabase;
import nl.preventiefonds.platform.ValidationFailedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Blocking accounts keeps every municipality manageable: nobody blocks themselves, and the last active fund manager
 * is not blocked (the end of two fund managers blocking each other at the same moment); another municipality's
 * account is unknown.
 */
class AccountStatusOnDemoDatabaseTest {
    private static final Instant NOW = StaffOnDemoDatabase.NOW;
    private static DemoDatabase database;
    private static long assen;
    private static long other;

    @BeforeAll
    static void world() {
        database = new DemoDatabase("accounts");
        assen = StaffOnDemoDatabase.municipality(database, "GM0106", "Assen");
        other = StaffOnDemoDatabase.municipality(database, "GM1904", "Stichtse Vecht");
    }

    private static long account(String email, Role role, AccountStatus status, long municipality) {
        return database.inTransaction(em -> {
            UserAccount account = new UserAccount(email, "Naam", "hash", role, status, NOW);
            account.assignMunicipality(em.find(Municipality.class, municipality));
            em.persist(account);
            em.flush();
            return account.getId();
        });
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static <T> T as(long userId, long municipality, Function<AccountService, T> call) {
        return database.inTransaction(em -> call.apply(service(em, userId, municipality)));
    }

    private static AccountService service(EntityManager em, long userId, long municipality) {
        AccessPolicy access = StaffOnDemoDatabase.accessOf(new Caller(userId, "beheerder-" + userId + "@example.org",
                Role.FUND_MANAGER, null, municipality));
        AuditTrail audit = StaffOnDemoDatabase.auditAs(em, "beheerder@example.org");
        AccountService service = new AccountService();
        DemoDatabase.inject(service, "em", em);
        DemoDatabase.inject(service, "access", access);
        return DemoDatabase.inject(service, "audit", audit);
    }

    private static String problem(Runnable change) {
        return assertThrows(ValidationFailedException.class, change::run).getProblems().get(0).key();
    }

    private static AccountStatus status(long id) {
        return database.inTransaction(em -> em.find(UserAccount.class, id).getStatus());
    }

    @Test
    void nobodyBlocksThemselvesNorTheLastActiveFundManager() {
        long ellen = account("ellen@assen.example", Role.FUND_MANAGER, AccountStatus.ACTIVE, assen);
        long kees = account("kees@assen.example", Role.FUND_MANAGER, AccountStatus.ACTIVE, assen);
        assertEquals("account.notYourself",
                problem(() -> as(ellen, assen, s -> { s.changeStatus(ellen, AccountStatus.DISABLED); return 0; })));

        as(ellen, assen, s -> { s.changeStatus(kees, AccountStatus.DISABLED); return 0; });
        assertEquals(AccountStatus.DISABLED, status(kees), "another fund manager may be blocked");
        // Kees blocked Ellen at the same moment (his request passed the role check before Ellen's was written):
        // Ellen is the last active fund manager now, so his block is refused.
        assertEquals("account.lastFundManager",
                problem(() -> as(kees, assen, s -> { s.changeStatus(ellen, AccountStatus.DISABLED); return 0; })));
        assertEquals(AccountStatus.ACTIVE, status(ellen));

        long officer = account("fatima@assen.example", Role.OFFICER, AccountStatus.ACTIVE, assen);
        as(ellen, assen, s -> { s.changeStatus(officer, AccountStatus.DISABLED); return 0; });
        assertEquals(AccountStatus.DISABLED, status(officer), "staff of the municipality may be blocked");
    }

    @Test
    void anotherMunicipalitysAccountIsUnknown() {
        // Stichtse Vecht's fund manager, so Assen's count of fund managers is not touched.
        long otherManager = account("beheer@stichtsevecht.example", Role.FUND_MANAGER, AccountStatus.ACTIVE, other);
        long assenOfficer = account("adviseur@assen.example", Role.OFFICER, AccountStatus.ACTIVE, assen);
        assertEquals("account.notFound", problem(() -> as(otherManager, other,
                s -> { s.changeStatus(assenOfficer, AccountStatus.DISABLED); return 0; })));
        assertEquals(AccountStatus.ACTIVE, status(assenOfficer));
    }
}
