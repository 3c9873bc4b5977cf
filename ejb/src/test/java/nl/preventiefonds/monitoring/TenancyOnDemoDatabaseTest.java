package nl.preventiefonds.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import nl.preventiefonds.application.ApplicationQueries;
import nl.preventiefonds.application.ApplicationRow;
import nl.preventiefonds.application.StaffListCounts;
import nl.preventiefonds.call.CallDirectory;
import nl.preventiefonds.call.CallOption;
import nl.preventiefonds.decision.DecisionQueries;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.identity.StaffOnDemoDatabase;
import nl.preventiefonds.payment.PaymentInstruction;
import nl.preventiefonds.payment.PaymentService;
import nl.preventiefonds.payment.Reclaim;
import nl.preventiefonds.platform.DemoDatabase;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * Two municipalities on the run command's database (H2 in MariaDB mode, migrated by Flyway up to V17 first, then
 * the rest): V18 gives every existing application its call's fund's municipality, and every staff list, count and
 * read of applications and what hangs off them (decisions, payments, reclaims, reports, deadlines, the call filter)
 * holds only the caller's municipality's; another municipality's application is answered as one that does not exist.
 */
class TenancyOnDemoDatabaseTest {
    private static final String NAME = "tenancy";
    private static final String URL = "jdbc:h2:mem:" + NAME + ";DB_CLOSE_DELAY=-1;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;"
            + "NON_KEYWORDS=VALUE,YEAR,MONTH";
    private static final long ASSEN = 1;
    private static final long STICHTSE_VECHT = 2;
    /** Application 1 is Assen's, 2 Stichtse Vecht's (both awarded, paid in part, reported on), 3 Assen's draft. */
    private static final long ASSEN_APPLICATION = 1;
    private static final long VECHT_APPLICATION = 2;
    private static final Instant NOW = Instant.parse("2026-06-02T09:00:00Z");
    private static DemoDatabase database;

    @BeforeAll
    static void world() throws SQLException {
        // The world as it stood before V18: applications without a municipality of their own.
        Flyway.configure().dataSource(URL, "sa", "sa").locations("classpath:db/migration").target("17").load()
                .migrate();
        try (Connection c = DriverManager.getConnection(URL, "sa", "sa"); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO municipality (id, code, name) VALUES (1, 'GM0106', 'Assen'),"
                    + " (2, 'GM1904', 'Stichtse Vecht')");
            s.executeUpdate("INSERT INTO app_user (id, email, display_name, password_hash, role, status, created_at)"
                    + " VALUES (1, 'o@example.org', 'O', 'x', 'ORGANISER', 'ACTIVE', TIMESTAMP '2026-01-01 00:00:00')");
            for (long m = 1; m <= 2; m++) {
                s.executeUpdate("INSERT INTO fund (id, municipality_id, name, total_budget) VALUES (" + m + ", " + m
                        + ", 'Fonds " + m + "', 1000000)");
                s.executeUpdate("INSERT INTO funding_call (id, fund_id, title, opens_at, closes_at, max_amount,"
                        + " min_amount, decision_term_weeks, budget_year, version) VALUES (" + m + ", " + m
                        + ", 'Ronde " + m + "', TIMESTAMP '2026-01-01 00:00:00', TIMESTAMP '2026-12-01 00:00:00',"
                        + " 50000, 0, 8, 2026, 0)");
            }
            for (long a = 1; a <= 3; a++) {
                long call = a == 2 ? 2 : 1;
                s.executeUpdate("INSERT INTO application (id, reference, call_id, owner_id, status, org_name, title,"
                        + " start_date, end_date, total_costs, co_funding, requested_amount, created_at, updated_at,"
                        + " submitted_at, decision_due_on, version) VALUES (" + a + ", 'A-" + a + "', " + call + ", 1, "
                        + (a == 3 ? "'DRAFT'" : "'AWARDED'") + ", 'Stichting " + a + "', 'Buurtkamer " + a + "',"
                        + " DATE '2026-02-01', DATE '2026-12-01', 4000, 0, 4000, TIMESTAMP '2026-01-01 00:00:00',"
                        + " TIMESTAMP '2026-01-01 00:00:00', " + (a == 3 ? "NULL" : "TIMESTAMP '2026-01-0" + a
                        + " 10:00:00'") + ", DATE '2026-06-03', 0)");
            }
        }
        database = new DemoDatabase(NAME); // migrates the rest: V18 and after
        try (Connection c = DriverManager.getConnection(URL, "sa", "sa"); Statement s = c.createStatement()) {
            for (long a = 1; a <= 2; a++) {
                s.executeUpdate("INSERT INTO grant_decision (id, application_id, outcome, amount, budget_year, fund_id,"
                        + " advance_percent, decided_at, decided_on, decided_by, objection_deadline) VALUES (" + a + ", "
                        + a + ", 'AWARD', 4000, 2026, " + a + ", 80, TIMESTAMP '2026-02-01 00:00:00', DATE '2026-02-01',"
                        + " 'd@example.org', DATE '2026-03-15')");
                s.executeUpdate("INSERT INTO payment_instruction (id, decision_id, application_id, label, amount,"
                        + " due_on, payee_name, payee_iban, status, created_at) VALUES (" + a + ", " + a + ", " + a
                        + ", 'Voorschot', 3200, DATE '2026-06-01', 'Stichting " + a + "', 'NL91ABNA0417164300', 'DUE',"
                        + " TIMESTAMP '2026-02-01 00:00:00')");
                s.executeUpdate("INSERT INTO report_request (id, application_id, decision_id, purpose, required_kind,"
                        + " due_on, status, created_at, version) VALUES (" + a + ", " + a + ", " + a + ", 'PROGRESS',"
                        + " 'ACTIVITY_REPORT', DATE '2026-06-01', 'SUBMITTED', TIMESTAMP '2026-02-01 00:00:00', 0)");
                s.executeUpdate("INSERT INTO report (id, request_id, submitted_at, submitted_by, narrative,"
                        + " participants_total) VALUES (" + a + ", " + a + ", TIMESTAMP '2026-05-2" + a
                        + " 10:00:00', 'o@example.org', 'Verslag', 20)");
            }
        }
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void v18GivesEveryApplicationItsCallsFundsMunicipality() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "sa", "sa"); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT id, municipality_id FROM application ORDER BY id")) {
            StringBuilder found = new StringBuilder();
            while (rows.next()) {
                found.append(rows.getLong(1)).append('=').append(rows.getLong(2)).append(' ');
            }
            assertEquals("1=1 2=2 3=1 ", found.toString());
            assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE application SET municipality_id = NULL"),
                    "every application belongs to a municipality");
            assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE application SET municipality_id = 99"),
                    "to one that exists");
        }
    }

    @Test
    void theStaffListAndItsCountHoldOnlyTheCallersMunicipality() {
        ApplicationQueries.Filter all = new ApplicationQueries.Filter(null, null, null);
        assertEquals(List.of("A-1"), read(em -> references(applications(em, officer(ASSEN))
                .page(all, 0, 50))));
        assertEquals(List.of("A-2"), read(em -> references(applications(em,
                officer(STICHTSE_VECHT)).page(all, 0, 50))));
        // The counts share one cache: each municipality its own total.
        StaffListCounts counts = new StaffListCounts();
        assertEquals(1L, (long) read(em -> applications(em, officer(ASSEN), counts).count(all)));
        assertEquals(1L, (long) read(em -> applications(em, officer(STICHTSE_VECHT), counts)
                .count(all)));
        ApplicationQueries.Filter assenCall = new ApplicationQueries.Filter(null, 1L, "buurtkamer");
        assertEquals(0L, (long) read(em -> applications(em, officer(STICHTSE_VECHT), counts)
                .count(assenCall)), "another municipality's call filters to nothing");
        assertEquals(List.of(), read(em -> references(applications(em, officer(STICHTSE_VECHT))
                .page(assenCall, 0, 50))));
        assertThrows(RuntimeException.class, () -> read(em -> applications(em, officer(null))
                .page(all, 0, 50)), "staff of no municipality list nothing");
    }

    @Test
    void anotherMunicipalitysApplicationIsAnsweredAsOneThatDoesNotExist() {
        assertEquals("A-1", read(em -> applications(em, officer(ASSEN)).visible(ASSEN_APPLICATION)
                .getReference()));
        ValidationFailedException other = assertThrows(ValidationFailedException.class, () -> read(em -> applications(em, officer(STICHTSE_VECHT)).visible(ASSEN_APPLICATION)));
        ValidationFailedException missing = assertThrows(ValidationFailedException.class, () -> read(em -> applications(em, officer(STICHTSE_VECHT)).visible(999)));
        assertEquals(missing.getMessage(), other.getMessage());
        assertEquals("application.notFound", other.getMessage());
        ValidationFailedException attachment = assertThrows(ValidationFailedException.class, () -> read(em -> applications(em, officer(STICHTSE_VECHT)).visible(ASSEN_APPLICATION,
                        "attachment.notFound")));
        assertEquals("attachment.notFound", attachment.getMessage());
        Caller organiser = new Caller(1L, "o@example.org", Role.ORGANISER, null);
        assertEquals("A-2", read(em -> applications(em, organiser).visible(VECHT_APPLICATION).getReference()),
                "an organiser sees their own application in every municipality");
    }

    @Test
    void paymentsReclaimsAndTheExportHoldOnlyTheCallersMunicipality() {
        PaymentService.Filter all = new PaymentService.Filter(null, null);
        assertEquals(List.of("A-1"), read(em -> payments(em, fundManager(ASSEN)).page(all, 0, 50)
                .stream().map(p -> p.getApplication().getReference()).toList()));
        assertEquals(1L, (long) read(em -> payments(em, fundManager(STICHTSE_VECHT))
                .count(all)));
        assertEquals(List.of("A-2"), read(em -> payments(em, fundManager(STICHTSE_VECHT))
                .page(all, 0, 50).stream().map(p -> p.getApplication().getReference()).toList()));
        assertThrows(ValidationFailedException.class, () -> read(em -> payments(em,
                fundManager(STICHTSE_VECHT)).forApplication(ASSEN_APPLICATION)));
        assertEquals(1, (int) read(em -> payments(em, fundManager(ASSEN))
                .forApplication(ASSEN_APPLICATION).size()));
        assertEquals(0L, (long) read(em -> payments(em, fundManager(STICHTSE_VECHT))
                .countReclaims(null, null)));
    }

    @Test
    void decisionsReportsAndDeadlinesHoldOnlyTheCallersMunicipality() {
        assertEquals(List.of("A-1"), read(em -> decisions(em, officer(ASSEN)).awards(0, 50).items()
                .stream().map(DecisionQueries.Award::reference).toList()));
        assertEquals(1L, (long) read(em -> decisions(em, officer(STICHTSE_VECHT)).awards(0, 50)
                .total()));
        assertEquals(List.of("A-2"), read(em -> reports(em, officer(STICHTSE_VECHT))
                .reports(0, 50).items().stream().map(ReportQueries.ReportSummary::reference).toList()));
        assertEquals(1L, (long) read(em -> reports(em, officer(ASSEN)).reports(0, 50).total()));
        DeadlineService.Overview assen = read(em -> deadlines(em, officer(ASSEN)).overview());
        assertTrue(assen.overdue().items().stream().allMatch(i -> i.reference().equals("A-1")), assen.toString());
        assertTrue(assen.overdue().total() > 0 && assen.waiting().total() > 0, assen.toString());
        DeadlineService.Overview vecht = read(em -> deadlines(em, officer(STICHTSE_VECHT))
                .overview());
        assertTrue(vecht.overdue().items().stream().allMatch(i -> i.reference().equals("A-2")), vecht.toString());
        assertEquals(assen.overdue().total(), vecht.overdue().total(), "the same things are due in each");
        assertFalse(vecht.waiting().items().stream().anyMatch(i -> i.reference().equals("A-1")));
    }

    @Test
    void theCallFilterOffersStaffOnlyTheirMunicipalitysCalls() {
        assertEquals(List.of("Ronde 1"), read(em -> calls(em, officer(ASSEN)).options().stream()
                .map(CallOption::getTitle).toList()));
        assertEquals(List.of("Ronde 2"), read(em -> calls(em, officer(STICHTSE_VECHT))
                .searchOptions("ronde", 20).stream().map(CallOption::getTitle).toList()));
        assertTrue((boolean) read(em -> calls(em, officer(STICHTSE_VECHT)).option(1).isEmpty()));
        assertEquals(2, (int) read(em -> calls(em, Caller.ANONYMOUS).options().size()),
                "the public sees every call");
    }

    private static Caller officer(Long municipality) {
        return new Caller(10L + (municipality == null ? 0 : municipality), "adviseur@example.org", Role.OFFICER, null,
                municipality);
    }

    private static Caller fundManager(Long municipality) {
        return new Caller(20L + municipality, "beheerder@example.org", Role.FUND_MANAGER, null, municipality);
    }

    private static <T> T read(Function<EntityManager, T> work) {
        return database.inTransaction(work);
    }

    private static List<String> references(List<ApplicationRow> rows) {
        return rows.stream().map(ApplicationRow::getReference).toList();
    }

    private static ApplicationQueries applications(EntityManager em, Caller caller) {
        return applications(em, caller, new StaffListCounts());
    }

    private static ApplicationQueries applications(EntityManager em, Caller caller, StaffListCounts counts) {
        ApplicationQueries queries = DemoDatabase.inject(new ApplicationQueries(), "em", em);
        DemoDatabase.inject(queries, "access", StaffOnDemoDatabase.accessOf(caller));
        DemoDatabase.inject(queries, "counts", counts);
        DemoDatabase.inject(queries, "representation", DemoDatabase.inject(
                new nl.preventiefonds.organisation.Representatives(), "em", em));
        return DemoDatabase.inject(queries, "clock", Clock.fixed(NOW, ZoneId.of("Europe/Amsterdam")));
    }

    private static PaymentService payments(EntityManager em, Caller caller) {
        PaymentService service = DemoDatabase.inject(new PaymentService(), "em", em);
        DemoDatabase.inject(service, "access", StaffOnDemoDatabase.accessOf(caller));
        DemoDatabase.inject(service, "clock", Clock.fixed(NOW, ZoneId.of("Europe/Amsterdam")));
        return DemoDatabase.inject(service, "queries", applications(em, caller));
    }

    private static DecisionQueries decisions(EntityManager em, Caller caller) {
        DecisionQueries queries = DemoDatabase.inject(new DecisionQueries(), "em", em);
        DemoDatabase.inject(queries, "access", StaffOnDemoDatabase.accessOf(caller));
        return DemoDatabase.inject(queries, "applications", applications(em, caller));
    }

    private static ReportQueries reports(EntityManager em, Caller caller) {
        ReportQueries queries = DemoDatabase.inject(new ReportQueries(), "em", em);
        DemoDatabase.inject(queries, "access", StaffOnDemoDatabase.accessOf(caller));
        return DemoDatabase.inject(queries, "queries", applications(em, caller));
    }

    private static DeadlineService deadlines(EntityManager em, Caller caller) {
        DeadlineService service = DemoDatabase.inject(new DeadlineService(), "em", em);
        DemoDatabase.inject(service, "access", StaffOnDemoDatabase.accessOf(caller));
        return DemoDatabase.inject(service, "clock", Clock.fixed(NOW, ZoneId.of("Europe/Amsterdam")));
    }

    private static CallDirectory calls(EntityManager em, Caller caller) {
        CallDirectory directory = DemoDatabase.inject(new CallDirectory(), "em", em);
        DemoDatabase.inject(directory, "access", StaffOnDemoDatabase.accessOf(caller));
        return DemoDatabase.inject(directory, "clock", Clock.fixed(NOW, ZoneId.of("Europe/Amsterdam")));
    }
}
