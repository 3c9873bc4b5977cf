package nl.preventiefonds.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The retention SQL on the demo database (H2 in MariaDB mode); the system test runs it on MariaDB. */
class RetentionFactsOnDemoDatabaseTest {
    private static final String URL = "jdbc:h2:mem:retention;DB_CLOSE_DELAY=-1;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;"
            + "NON_KEYWORDS=VALUE,YEAR,MONTH";
    private static final long DETERMINED_ORGANISER = 1;
    private static final long RUNNING_ORGANISER = 2;
    private static final long IDLE_ORGANISER = 3;

    @BeforeAll
    static void world() throws SQLException {
        Flyway.configure().dataSource(URL, "sa", "sa").locations("classpath:db/migration").load().migrate();
        try (Connection c = DriverManager.getConnection(URL, "sa", "sa"); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO municipality (id, code, name) VALUES (1, 'GM0106', 'Assen')");
            s.executeUpdate("INSERT INTO fund (id, municipality_id, name, total_budget) VALUES (1, 1, 'F', 1000)");
            s.executeUpdate("INSERT INTO funding_call (id, fund_id, title, opens_at, closes_at, max_amount)"
                    + " VALUES (1, 1, 'R', TIMESTAMP '2025-01-01 00:00:00', TIMESTAMP '2025-06-01 00:00:00', 500)");
            for (long id = 1; id <= 3; id++) {
                s.executeUpdate("INSERT INTO app_user (id, email, display_name, password_hash, role, status, created_at)"
                        + " VALUES (" + id + ", 'o" + id + "@example.org', 'O" + id + "', 'x', 'ORGANISER', 'ACTIVE',"
                        + " TIMESTAMP '2025-01-05 10:00:00')");
            }
            s.executeUpdate("UPDATE app_user SET last_login_at = TIMESTAMP '2025-11-20 08:00:00' WHERE id = 3");
            s.executeUpdate("INSERT INTO application (id, call_id, municipality_id, owner_id, status, created_at,"
                    + " updated_at) VALUES (1, 1, 1, 1, 'DETERMINED', TIMESTAMP '2025-02-01 10:00:00',"
                    + " TIMESTAMP '2025-04-01 10:00:00')");
            s.executeUpdate("INSERT INTO application (id, call_id, municipality_id, owner_id, status, created_at,"
                    + " updated_at) VALUES (2, 1, 1, 2, 'IN_ASSESSMENT', TIMESTAMP '2025-02-01 10:00:00',"
                    + " TIMESTAMP '2025-02-01 10:00:00')");
            s.executeUpdate("INSERT INTO grant_decision (id, application_id, outcome, amount, fund_id, decided_at, decided_on,"
                    + " decided_by, objection_deadline) VALUES (1, 1, 'AWARD', 400, 1, TIMESTAMP '2025-04-01 10:00:00',"
                    + " DATE '2025-04-01', 'b', DATE '2025-05-13')");
            s.executeUpdate("INSERT INTO determination (decision_id, application_id, awarded, final_amount, paid_before,"
                    + " cancelled_unpaid, direct_tier, determined_on, determined_at, determined_by, objection_deadline)"
                    + " VALUES (1, 1, 400, 400, 400, 0, FALSE, DATE '2026-03-10', TIMESTAMP '2026-03-10 10:00:00', 'a',"
                    + " DATE '2026-04-21')");
        }
    }

    private static List<Long> pastTerm(LocalDate today) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "sa", "sa");
             PreparedStatement s = c.prepareStatement("SELECT u.id " + RetentionFacts.PAST_TERM + " ORDER BY f.last_fact")) {
            s.setDate(1, Date.valueOf(RetentionRule.cutoff(today)));
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }

    private static Object single(String sql, long id) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "sa", "sa"); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getObject(1);
            }
        }
    }

    @Test
    void theLastFactIsTheLatestOfAccountApplicationDecisionAndDetermination() throws SQLException {
        assertEquals(LocalDate.of(2026, 3, 10), Anonymisation.date(single(RetentionFacts.LAST_FACT, DETERMINED_ORGANISER)));
        assertEquals(LocalDate.of(2025, 11, 20), Anonymisation.date(single(RetentionFacts.LAST_FACT, IDLE_ORGANISER)));
    }

    @Test
    void anApplicationInAssessmentIsAnOpenMatter() throws SQLException {
        assertEquals(1L, ((Number) single(RetentionFacts.HAS_OPEN_MATTER, RUNNING_ORGANISER)).longValue());
        assertEquals(0L, ((Number) single(RetentionFacts.HAS_OPEN_MATTER, DETERMINED_ORGANISER)).longValue());
    }

    @Test
    void theListHoldsOnlyOrganisersPastTheTermWithoutOpenMatters() throws SQLException {
        assertEquals(List.of(), pastTerm(LocalDate.of(2032, 11, 20)));
        assertEquals(List.of(IDLE_ORGANISER), pastTerm(LocalDate.of(2032, 11, 21)));
        assertEquals(List.of(IDLE_ORGANISER), pastTerm(LocalDate.of(2033, 3, 10)));
        assertEquals(List.of(IDLE_ORGANISER, DETERMINED_ORGANISER), pastTerm(LocalDate.of(2033, 3, 11)));
        assertEquals(List.of(IDLE_ORGANISER, DETERMINED_ORGANISER), pastTerm(LocalDate.of(2060, 1, 1)),
                "the one in assessment never appears");
    }
}
