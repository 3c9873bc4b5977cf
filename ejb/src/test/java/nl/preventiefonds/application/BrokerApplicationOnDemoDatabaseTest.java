package nl.preventiefonds.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneId;
import java.util.function.Function;
import nl.preventiefonds.identity.BrokerKind;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.LevelOfAssurance;
import nl.preventiefonds.identity.LoginAssurance;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.identity.StaffOnDemoDatabase;
import nl.preventiefonds.platform.DemoDatabase;
import nl.preventiefonds.platform.RoleRequiredException;
import nl.preventiefonds.platform.ValidationFailedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The application service after a broker login, in a municipality with eHerkenning: the login's KvK number fills the
 * draft and cannot be changed for it; a submission on behalf of an organisation below EH3 (or with a password) is
 * refused before anything changes.
 */
class BrokerApplicationOnDemoDatabaseTest {
    private static final String NAME = "broker-application";
    private static final String URL = "jdbc:h2:mem:" + NAME + ";DB_CLOSE_DELAY=-1;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;"
            + "NON_KEYWORDS=VALUE,YEAR,MONTH";
    private static final Caller ORGANISER = new Caller(1L, "bea@lariks.example", Role.ORGANISER, null);
    private static final LoginAssurance EH2 = new LoginAssurance(BrokerKind.EHERKENNING, LevelOfAssurance.EH2,
            "12345678", "Buurtvereniging De Lariks");
    private static DemoDatabase database;

    @BeforeAll
    static void world() throws Exception {
        database = new DemoDatabase(NAME);
        try (Connection c = DriverManager.getConnection(URL, "sa", "sa"); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO municipality (id, code, name) VALUES (1, 'GM0106', 'Assen')");
            s.executeUpdate("INSERT INTO app_user (id, email, display_name, password_hash, role, status, created_at)"
                    + " VALUES (1, 'bea@lariks.example', 'Bea', 'x', 'ORGANISER', 'ACTIVE', TIMESTAMP '2026-01-01"
                    + " 00:00:00')");
            s.executeUpdate("INSERT INTO fund (id, municipality_id, name, total_budget) VALUES (1, 1, 'F', 1000000)");
            s.executeUpdate("INSERT INTO funding_call (id, fund_id, title, opens_at, closes_at, max_amount, min_amount,"
                    + " decision_term_weeks, budget_year, version) VALUES (1, 1, 'R', TIMESTAMP '2026-01-01 00:00:00',"
                    + " TIMESTAMP '2026-12-10 00:00:00', 50000, 0, 8, 2026, 0)");
            s.executeUpdate("INSERT INTO broker_login (municipality_id, kind, issuer, client_id, client_secret,"
                    + " required_submit_level, enabled, updated_at, version) VALUES (1, 'EHERKENNING',"
                    + " 'https://makelaar.example/eh', 'pf', 'enc:v1:x:y', 'EH3', TRUE, TIMESTAMP '2026-01-01 00:00:00',"
                    + " 0)");
        }
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static <T> T in(Function<ApplicationService, T> work) {
        return database.inTransaction(em -> work.apply(service(em)));
    }

    private static ApplicationService service(EntityManager em) {
        ApplicationService service = DemoDatabase.inject(new ApplicationService(), "em", em);
        DemoDatabase.inject(service, "access", StaffOnDemoDatabase.accessOf(ORGANISER));
        DemoDatabase.inject(service, "audit", StaffOnDemoDatabase.auditAs(em, ORGANISER.email()));
        DemoDatabase.inject(service, "clock", Clock.fixed(StaffOnDemoDatabase.NOW, ZoneId.of("Europe/Amsterdam")));
        return service;
    }

    @Test
    void theKvkNumberOfTheLoginIsFixedAndALowerLevelCannotSubmit() {
        long id = in(s -> s.startDraft(1L, EH2));
        ApplicationForm form = in(s -> s.load(id));
        assertEquals("12345678", form.getKvkNumber());
        assertTrue(form.isKvkFromBroker());
        assertEquals("Buurtvereniging De Lariks", form.getOrganisationName());

        form.setKvkNumber("87654321");
        ValidationFailedException changed = assertThrows(ValidationFailedException.class,
                () -> in(s -> s.saveDraft(form)));
        assertEquals("application.kvkFromBroker", changed.getMessage());

        form.setKvkNumber("1234 5678");
        form.setLegalForm(LegalForm.FOUNDATION);
        form.setTitle("Koffie-ochtend");
        ApplicationForm saved = in(s -> s.saveDraft(form));
        assertEquals("12345678", saved.getKvkNumber(), "the same number as typed with a space is no change");

        ValidationFailedException low = assertThrows(ValidationFailedException.class,
                () -> in(s -> s.submit(id, EH2)));
        assertInstanceOf(RoleRequiredException.class, low, "403");
        assertEquals("application.levelTooLow", low.getProblems().get(0).key());
        ValidationFailedException password = assertThrows(ValidationFailedException.class,
                () -> in(s -> s.submit(id)));
        assertEquals("application.levelTooLow", password.getProblems().get(0).key(), "a password login");
        ApplicationForm kept = in(s -> s.load(id));
        assertEquals("Koffie-ochtend", kept.getTitle(), "the draft is kept");
        assertEquals(0L, database.count("SELECT COUNT(a) FROM Application a WHERE a.id = ?1 AND a.status <> ?2", id,
                ApplicationStatus.DRAFT));
        assertFalse(in(s -> s.load(id)).getKvkNumber().isEmpty());
    }

    @Test
    void aPasswordDraftKeepsItsFreeKvkNumber() {
        long id = in(s -> s.startDraft(1L));
        ApplicationForm form = in(s -> s.load(id));
        assertFalse(form.isKvkFromBroker());
        form.setKvkNumber("87654321");
        assertEquals("87654321", in(s -> s.saveDraft(form)).getKvkNumber());
    }
}
