package nl.preventiefonds.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.platform.DemoDatabase;
import nl.preventiefonds.platform.ValidationFailedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whom a login through a municipality's identity provider lets in (the token itself is checked in the web layer):
 * only an active member of staff of that municipality whose groups there confirm their role; the secret goes in and
 * never out.
 */
class MunicipalLoginOnDemoDatabaseTest {
    private static final String ISSUER = "https://login.zwolle.example/realms/medewerkers";
    private static DemoDatabase database;
    private static long zwolle;
    private static long kampen;

    @BeforeAll
    static void world() {
        database = new DemoDatabase("municipal-login");
        zwolle = StaffOnDemoDatabase.municipality(database, "GM0193", "Zwolle");
        kampen = StaffOnDemoDatabase.municipality(database, "GM0166", "Kampen");
        in(s -> {
            s.provisionAtStartup(zwolle, new MunicipalLoginSettings(ISSUER, "preventiefonds", "groups",
                    "subsidieadviseurs, ", "beslissers", "", true), "geheim-van-zwolle");
            return null;
        });
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static <T> T in(Function<MunicipalLoginService, T> call) {
        return database.inTransaction(em -> {
            MunicipalLoginService service = new MunicipalLoginService();
            DemoDatabase.inject(service, "em", em);
            DemoDatabase.inject(service, "audit", StaffOnDemoDatabase.auditAs(em, "installatie@example.org"));
            DemoDatabase.inject(service, "clock", Clock.fixed(StaffOnDemoDatabase.NOW, ZoneId.of("Europe/Amsterdam")));
            return call.apply(service);
        });
    }

    private static long staff(String email, Role role, long municipality, AccountStatus status) {
        return database.inTransaction(em -> {
            UserAccount account = new UserAccount(email, "Naam", "plain:Een wijk vol buren", role, status,
                    StaffOnDemoDatabase.NOW);
            account.assignMunicipality(em.find(Municipality.class, municipality));
            em.persist(account);
            em.flush();
            return account.getId();
        });
    }

    @Test
    void anOfficerWhoseGroupConfirmsTheRoleIsLetIn() {
        staff("piet@zwolle.example", Role.OFFICER, zwolle, AccountStatus.ACTIVE);
        MunicipalLoginService.StaffLogin login = in(s -> s.matchStaff("GM0193", "Piet@Zwolle.example", true,
                List.of("/subsidieadviseurs", "kantine"), "GM0193"));
        assertTrue(login.accepted(), String.valueOf(login.refusal()));
        assertEquals("piet@zwolle.example", login.email());
        assertEquals(Role.OFFICER, login.role());
    }

    @Test
    void theProviderMustConfirmTheRoleTheAccountHasHere() {
        staff("bas@zwolle.example", Role.DECISION_MAKER, zwolle, AccountStatus.ACTIVE);
        assertEquals("oidc.refused.role", in(s -> s.matchStaff("GM0193", "bas@zwolle.example", true,
                List.of("subsidieadviseurs"), null)).refusal(), "an officer's group does not make a decision maker");
        assertEquals("oidc.refused.role", in(s -> s.matchStaff("GM0193", "bas@zwolle.example", true, null, null))
                .refusal(), "no groups at all");
        MunicipalLoginService.StaffLogin confirmed = in(s -> s.matchStaff("GM0193", "bas@zwolle.example", true,
                List.of("beslissers"), null));
        assertTrue(confirmed.accepted());
    }

    @Test
    void unknownBlockedUnverifiedAndOtherMunicipalitiesAreRefused() {
        staff("kees@kampen.example", Role.OFFICER, kampen, AccountStatus.ACTIVE);
        staff("geblokkeerd@zwolle.example", Role.OFFICER, zwolle, AccountStatus.DISABLED);
        List<String> groups = List.of("subsidieadviseurs");
        assertEquals("oidc.refused.unknown", in(s -> s.matchStaff("GM0193", "niemand@zwolle.example", true, groups,
                null)).refusal());
        assertEquals("oidc.refused.unknown", in(s -> s.matchStaff("GM0193", "kees@kampen.example", true, groups,
                null)).refusal(), "staff of Kampen are not staff of Zwolle because Zwolle's provider knows them");
        assertEquals("oidc.refused.unknown", in(s -> s.matchStaff("GM0193", "geblokkeerd@zwolle.example", true,
                groups, null)).refusal());
        assertEquals("oidc.refused.noEmail", in(s -> s.matchStaff("GM0193", "kees@kampen.example", false, groups,
                null)).refusal());
        assertEquals("oidc.refused.otherMunicipality", in(s -> s.matchStaff("GM0193", "kees@kampen.example", true,
                groups, "GM0166")).refusal());
        assertEquals("oidc.refused.notConnected", in(s -> s.matchStaff("GM0166", "kees@kampen.example", true,
                groups, null)).refusal(), "Kampen has no login through a provider");
    }

    @Test
    void theSecretIsWrittenNeverShownAndKeptWhenLeftEmpty() {
        assertTrue((boolean) in(s -> s.hasSecret(zwolle)));
        MunicipalLoginSettings shown = in(s -> s.settings(zwolle)).orElseThrow();
        assertFalse(shown.toString().contains("geheim-van-zwolle"), "settings carry no secret");
        in(s -> {
            s.configure(zwolle, new MunicipalLoginSettings(ISSUER, "preventiefonds-2", "groups", "subsidieadviseurs",
                    "beslissers", "", true), "  ");
            return null;
        });
        MunicipalLoginService.Connection connection = in(s -> s.connection("gm0193")).orElseThrow();
        assertEquals("geheim-van-zwolle", connection.clientSecret(), "an empty secret keeps the one set");
        assertEquals("preventiefonds-2", connection.clientId());
        assertFalse(connection.toString().contains("geheim"), "nor does a log line of the connection");
        assertEquals(0L, database.count("SELECT COUNT(a) FROM AuditEntry a WHERE a.afterSummary LIKE ?1 OR a.beforeSummary LIKE ?1",
                "%geheim-van-zwolle%"), "the audit trail never holds the secret");
        assertTrue(database.count("SELECT COUNT(a) FROM AuditEntry a WHERE a.action = 'MUNICIPAL_LOGIN_CONFIGURED'")
                >= 2);
    }

    @Test
    void badSettingsAreRefusedWithTheirReasons() {
        ValidationFailedException refused = assertThrows(ValidationFailedException.class, () -> in(s -> {
            s.configure(kampen, new MunicipalLoginSettings("http://login.kampen.example/realm?x=1", " ", null, " ",
                    "", null, true), null);
            return null;
        }));
        assertEquals(List.of("oidc.issuerInvalid", "oidc.clientIdRequired", "oidc.secretRequired",
                "oidc.groupsRequired"), refused.getMessageKeys());
        assertTrue(in(s -> s.connection("GM0166")).isEmpty(), "nothing half-written");
        assertTrue(MunicipalLoginService.acceptableIssuer("http://localhost:18080/realms/test"),
                "http only on this machine, for a provider under test");
        assertFalse(MunicipalLoginService.acceptableIssuer("http://login.kampen.example/realms/test"));
    }
}
