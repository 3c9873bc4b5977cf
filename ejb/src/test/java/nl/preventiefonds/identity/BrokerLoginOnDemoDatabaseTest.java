package nl.preventiefonds.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import nl.preventiefonds.platform.DemoDatabase;
import nl.preventiefonds.platform.SecretBox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whom a broker login lets in: an organisation's acting person by (issuer, pseudonym), created as an organiser on
 * the first login, with the organisation claim fired for the registry; a resident by BSN, which is stored only
 * encrypted and never reaches the audit trail; missing KvK or BSN refused.
 */
class BrokerLoginOnDemoDatabaseTest {
    private static final String EH_ISSUER = "https://makelaar.example/realms/eherkenning";
    private static final String DIGID_ISSUER = "https://makelaar.example/realms/digid";
    private static final String BSN = "999993653";
    private static DemoDatabase database;
    private static long assen;
    private static long zwolle;
    private static final List<OrganisationClaim> FIRED = new ArrayList<>();

    /** Records what the login fires, as the registry's observer would receive it. */
    private static final class RecordingEvent implements Event<OrganisationClaim> {
        @Override
        public void fire(OrganisationClaim event) {
            FIRED.add(event);
        }

        @Override
        public <U extends OrganisationClaim> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException("the login fires synchronously");
        }

        @Override
        public <U extends OrganisationClaim> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException("the login fires synchronously");
        }

        @Override
        public Event<OrganisationClaim> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends OrganisationClaim> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends OrganisationClaim> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }

    @BeforeAll
    static void world() {
        database = new DemoDatabase("broker-login");
        assen = StaffOnDemoDatabase.municipality(database, "GM0106", "Assen");
        zwolle = StaffOnDemoDatabase.municipality(database, "GM0193", "Zwolle");
        in(s -> {
            s.provisionAtStartup(assen, BrokerKind.EHERKENNING, new BrokerLoginSettings(EH_ISSUER, "preventiefonds",
                    null, true), "eh-geheim");
            s.provisionAtStartup(assen, BrokerKind.DIGID, new BrokerLoginSettings(DIGID_ISSUER, "preventiefonds",
                    null, true), "digid-geheim");
            s.provisionAtStartup(zwolle, BrokerKind.DIGID, new BrokerLoginSettings(DIGID_ISSUER + "-zwolle",
                    "preventiefonds", null, true), "digid-geheim-2");
            return null;
        });
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static <T> T in(Function<BrokerLoginService, T> call) {
        return database.inTransaction(em -> {
            BrokerLoginService service = new BrokerLoginService();
            DemoDatabase.inject(service, "em", em);
            DemoDatabase.inject(service, "audit", StaffOnDemoDatabase.auditAs(em, "installatie@example.org"));
            DemoDatabase.inject(service, "clock", Clock.fixed(StaffOnDemoDatabase.NOW, ZoneId.of("Europe/Amsterdam")));
            DemoDatabase.inject(service, "hasher", new PasswordHasher() {
                @Override
                public String hash(String password) {
                    return "plain:" + password;
                }
            });
            DemoDatabase.inject(service, "organisationClaims", new RecordingEvent());
            return call.apply(service);
        });
    }

    private static BrokerLoginService.BrokerClaims eh(String subject, String kvk, String level, String email) {
        return new BrokerLoginService.BrokerClaims(EH_ISSUER, subject, email, true, "Bea Bestuurder", level, kvk,
                "Buurtvereniging De Lariks", null);
    }

    @Test
    void anOrganisationsPersonIsCreatedOnceAsOrganiserAndTheClaimIsFired() {
        FIRED.clear();
        BrokerLoginService.BrokerSignIn first = in(s -> s.signIn("gm0106", BrokerKind.EHERKENNING,
                eh("eh-ps-1", "1234 5678", "urn:etoegang:core:assurance-class:loa3", "bea@lariks.example")));
        assertTrue(first.accepted(), String.valueOf(first.refusal()));
        assertEquals("bea@lariks.example", first.email());
        assertEquals(LevelOfAssurance.EH3, first.level());
        assertEquals("12345678", first.kvk());
        BrokerLoginService.BrokerSignIn again = in(s -> s.signIn("GM0106", BrokerKind.EHERKENNING,
                eh("eh-ps-1", "12345678", "urn:etoegang:core:assurance-class:loa2", "ander@lariks.example")));
        assertEquals("bea@lariks.example", again.email(), "found by issuer and pseudonym, not by e-mail");
        assertEquals(LevelOfAssurance.EH2, again.level(), "the level is this login's");
        assertEquals(1L, database.count("SELECT COUNT(u) FROM UserAccount u WHERE u.email = ?1 AND u.role = ?2",
                "bea@lariks.example", Role.ORGANISER));
        assertEquals(2, FIRED.size());
        long userId = database.count("SELECT u.id FROM UserAccount u WHERE u.email = ?1", "bea@lariks.example");
        assertEquals(new OrganisationClaim(userId, "12345678", "Buurtvereniging De Lariks", "EH3"), FIRED.get(0));
        assertEquals("EH2", FIRED.get(1).levelOfAssurance());
        assertEquals(1L, database.count("SELECT COUNT(a) FROM AuditEntry a WHERE a.action = 'BROKER_ACCOUNT_CREATED'"
                + " AND a.subjectId = ?1", String.valueOf(userId)));
    }

    @Test
    void aMissingOrInvalidKvkNumberIsRefusedAndCreatesNothing() {
        FIRED.clear();
        long before = database.count("SELECT COUNT(u) FROM UserAccount u");
        assertEquals("broker.refused.noKvk", in(s -> s.signIn("GM0106", BrokerKind.EHERKENNING,
                eh("eh-ps-2", null, "loa3", "z@example.org"))).refusal());
        assertEquals("broker.refused.noKvk", in(s -> s.signIn("GM0106", BrokerKind.EHERKENNING,
                eh("eh-ps-2", "1234", "loa3", "z@example.org"))).refusal());
        assertEquals(before, database.count("SELECT COUNT(u) FROM UserAccount u"));
        assertTrue(FIRED.isEmpty());
        assertEquals("oidc.refused.notConnected", in(s -> s.signIn("GM0193", BrokerKind.EHERKENNING,
                eh("eh-ps-2", "12345678", "loa3", "z@example.org"))).refusal(), "Zwolle has no eHerkenning");
    }

    @Test
    void anExistingAccountIsNeverTakenOverByItsAddress() {
        database.inTransaction(em -> {
            em.persist(new UserAccount("staf@assen.example", "Staf", "plain:x", Role.FUND_MANAGER,
                    AccountStatus.ACTIVE, StaffOnDemoDatabase.NOW));
            return null;
        });
        BrokerLoginService.BrokerSignIn login = in(s -> s.signIn("GM0106", BrokerKind.EHERKENNING,
                eh("eh-ps-3", "87654321", "loa3", "staf@assen.example")));
        assertTrue(login.accepted());
        assertNotEquals("staf@assen.example", login.email());
        assertTrue(login.email().endsWith(BrokerLoginService.NO_MAIL_DOMAIN));
    }

    @Test
    void aResidentsBsnIsKeptEncryptedFoundAgainByKeyedHashAndNeverAudited() {
        BrokerLoginService.BrokerSignIn resident = in(s -> s.signIn("GM0106", BrokerKind.DIGID,
                new BrokerLoginService.BrokerClaims(DIGID_ISSUER, "digid-sub-1", "ibrahim@example.org", true,
                        "Ibrahim Inwoner", "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract", null,
                        null, BSN)));
        assertTrue(resident.accepted(), String.valueOf(resident.refusal()));
        assertEquals(LevelOfAssurance.DIGID_MIDDEN, resident.level());
        String stored = database.inTransaction(em -> (String) em.createNativeQuery(
                "SELECT bsn_encrypted FROM broker_identity WHERE subject = 'digid-sub-1'").getSingleResult());
        assertTrue(SecretBox.isEncrypted(stored));
        assertFalse(stored.contains(BSN));
        assertEquals(BSN, SecretBox.installation().decrypt(stored));
        assertEquals(0L, database.count("SELECT COUNT(a) FROM AuditEntry a WHERE a.afterSummary LIKE ?1"
                + " OR a.beforeSummary LIKE ?1 OR a.subjectId LIKE ?1", "%" + BSN + "%"));
        // The same resident through Zwolle's broker, with another subject: the same account.
        BrokerLoginService.BrokerSignIn elsewhere = in(s -> s.signIn("GM0193", BrokerKind.DIGID,
                new BrokerLoginService.BrokerClaims(DIGID_ISSUER + "-zwolle", "other-sub", null, false, null,
                        "substantieel", null, null, BSN)));
        assertEquals(resident.email(), elsewhere.email());
        assertEquals("broker.refused.noBsn", in(s -> s.signIn("GM0106", BrokerKind.DIGID,
                new BrokerLoginService.BrokerClaims(DIGID_ISSUER, "digid-sub-2", null, false, null, "midden", null,
                        null, "123456789"))).refusal());
        for (BrokerIdentity identity : database.inTransaction(em -> em.createQuery("SELECT i FROM BrokerIdentity i",
                BrokerIdentity.class).getResultList())) {
            assertFalse(identity.toString().contains(BSN));
        }
    }

    @Test
    void theRequiredLevelDefaultsToEh3OnlyWhereEHerkenningIsConnected() {
        assertEquals(LevelOfAssurance.EH3, in(s -> s.requiredSubmitLevel(assen)).orElseThrow());
        assertTrue(in(s -> s.requiredSubmitLevel(zwolle)).isEmpty(), "no eHerkenning: local accounts as before");
    }

    @Test
    void secretsAreEncryptedAtRestAndReencryptedAfterARotation() {
        String stored = database.inTransaction(em -> (String) em.createNativeQuery(
                "SELECT client_secret FROM broker_login WHERE kind = 'DIGID' AND municipality_id = " + zwolle)
                .getSingleResult());
        assertTrue(SecretBox.isEncrypted(stored));
        assertEquals("digid-geheim-2", in(s -> s.connection("GM0193", BrokerKind.DIGID)).orElseThrow()
                .clientSecret());
        assertEquals(0, (int) in(BrokerLoginService::reencryptUnderCurrentKey), "nothing under an old key");
    }
}
