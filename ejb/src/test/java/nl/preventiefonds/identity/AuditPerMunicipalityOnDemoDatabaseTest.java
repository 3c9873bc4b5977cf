package nl.preventiefonds.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.SessionContext;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.List;
import nl.preventiefonds.audit.AuditEntry;
import nl.preventiefonds.audit.AuditFilter;
import nl.preventiefonds.audit.AuditLog;
import nl.preventiefonds.audit.AuditTrail;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.platform.DemoDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each municipality has its own audit trail: a line is on the trail of the object's municipality, else of the acting
 * member of staff's; a fund manager reads only their own, and nothing of another municipality's.
 */
class AuditPerMunicipalityOnDemoDatabaseTest {
    private static DemoDatabase database;
    private static long assen;
    private static long stichtseVecht;
    private static long assenOfficer;

    @BeforeAll
    static void world() {
        database = new DemoDatabase("audit-per-municipality");
        assen = StaffOnDemoDatabase.municipality(database, "GM0106", "Assen");
        stichtseVecht = StaffOnDemoDatabase.municipality(database, "GM1904", "Stichtse Vecht");
        account("beheer@assen.example", Role.FUND_MANAGER, assen);
        account("beheer@stichtsevecht.example", Role.FUND_MANAGER, stichtseVecht);
        assenOfficer = account("adviseur@assen.example", Role.OFFICER, assen);
        account("bewoner@example.org", Role.ORGANISER, null);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static long account(String email, Role role, Long municipality) {
        return database.inTransaction(em -> {
            UserAccount account = new UserAccount(email, "Naam", "hash", role, AccountStatus.ACTIVE,
                    StaffOnDemoDatabase.NOW);
            account.assignMunicipality(municipality == null ? null : em.find(Municipality.class, municipality));
            em.persist(account);
            em.flush();
            return account.getId();
        });
    }

    private static AuditEntry record(String actor, String action, String subjectType, Object subjectId) {
        return database.inTransaction(em -> {
            AuditTrail trail = StaffOnDemoDatabase.auditAs(em, actor);
            trail.recordAs(actor, action, subjectType, subjectId, null, null);
            em.flush();
            return em.createQuery("SELECT a FROM AuditEntry a WHERE a.action = :action ORDER BY a.id DESC",
                    AuditEntry.class).setParameter("action", action).setMaxResults(1).getSingleResult();
        });
    }

    private static List<AuditEntry> trailOf(String fundManager, AuditFilter filter) {
        return database.inTransaction(em -> {
            SessionContext session = (SessionContext) Proxy.newProxyInstance(
                    AuditPerMunicipalityOnDemoDatabaseTest.class.getClassLoader(),
                    new Class<?>[] {SessionContext.class}, (proxy, method, args) -> {
                        if (method.getName().equals("getCallerPrincipal")) {
                            return (Principal) () -> fundManager;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
            AuditLog log = DemoDatabase.inject(DemoDatabase.inject(new AuditLog(), "em", em), "session", session);
            assertEquals(log.page(filter, 0, 200).size(), log.count(filter), "count and page agree");
            return log.page(filter, 0, 200);
        });
    }

    @Test
    void aLineIsOnTheTrailOfItsSubjectsMunicipalityElseOfTheActingStaffs() {
        assertEquals(stichtseVecht, record("beheer@stichtsevecht.example", "TEST_RENAMED", "Municipality",
                stichtseVecht).getMunicipalityId(), "the subject decides");
        assertEquals(assen, record("beheer@stichtsevecht.example", "TEST_OTHER_ACCOUNT", "UserAccount",
                assenOfficer).getMunicipalityId(), "the account's municipality, not the actor's");
        assertEquals(assen, record("beheer@assen.example", "TEST_EQUATED_DAY", "EquatedDay", "2029-05-11")
                .getMunicipalityId(), "an object of no municipality: the acting fund manager's");
        assertNull(record("bewoner@example.org", "TEST_LOGIN", "UserAccount", 987_654L).getMunicipalityId(),
                "an organiser's own business is on no municipality's trail");
        assertNull(record(AuditTrail.SYSTEM, "TEST_SYSTEM", "Report", "x").getMunicipalityId());
    }

    @Test
    void aFundManagerReadsOnlyTheirOwnMunicipalitysTrail() {
        record("beheer@assen.example", "TEST_ASSEN_ONLY", "Municipality", assen);
        record("beheer@stichtsevecht.example", "TEST_VECHT_ONLY", "Municipality", stichtseVecht);
        AuditFilter all = new AuditFilter(null, "TEST_", null, null, null, null);
        List<AuditEntry> assens = trailOf("beheer@assen.example", all);
        assertTrue(assens.stream().anyMatch(e -> e.getAction().equals("TEST_ASSEN_ONLY")));
        assertTrue(assens.stream().noneMatch(e -> e.getAction().equals("TEST_VECHT_ONLY")), "not Stichtse Vecht's");
        assertTrue(assens.stream().allMatch(e -> Long.valueOf(assen).equals(e.getMunicipalityId())));
        List<AuditEntry> vechts = trailOf("beheer@stichtsevecht.example", all);
        assertTrue(vechts.stream().anyMatch(e -> e.getAction().equals("TEST_VECHT_ONLY")));
        assertTrue(vechts.stream().noneMatch(e -> e.getAction().equals("TEST_ASSEN_ONLY")), "not Assen's");
        assertEquals(List.of(), trailOf("bewoner@example.org", all), "an account of no municipality reads nothing");
    }
}
