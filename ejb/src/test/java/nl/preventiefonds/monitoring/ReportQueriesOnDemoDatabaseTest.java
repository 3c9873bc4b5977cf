package nl.preventiefonds.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.persistence.jpa.JpaHelper;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import nl.preventiefonds.application.Application;
import nl.preventiefonds.application.ApplicationQueries;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.identity.Caller;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.platform.DemoDatabase;

/**
 * The reports of an application with their activities, indicators and spending, on the run command's database
 * (H2 in MariaDB mode): batch fetching (IN) reads each kind of row for all reports in one statement, so three
 * reports cost as many statements as one, and every row lands on its own report. SqlStatementCountIT counts the
 * application page on MariaDB.
 */
class ReportQueriesOnDemoDatabaseTest {
    private static final String URL = "jdbc:h2:mem:reports;DB_CLOSE_DELAY=-1;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;"
            + "NON_KEYWORDS=VALUE,YEAR,MONTH";
    /** Application 1 has one report, application 2 three. */
    private static final long ONE = 1;
    private static final long THREE = 2;
    private static DemoDatabase database;

    @BeforeAll
    static void world() throws SQLException {
        database = new DemoDatabase("reports");
        try (Connection c = DriverManager.getConnection(URL, "sa", "sa"); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO municipality (id, code, name) VALUES (1, 'GM0106', 'Assen')");
            s.executeUpdate("INSERT INTO fund (id, municipality_id, name, total_budget) VALUES (1, 1, 'F', 1000000)");
            s.executeUpdate("INSERT INTO funding_call (id, fund_id, title, opens_at, closes_at, max_amount, min_amount,"
                    + " decision_term_weeks, budget_year, version) VALUES (1, 1, 'R', TIMESTAMP '2026-01-01 00:00:00',"
                    + " TIMESTAMP '2026-06-01 00:00:00', 50000, 0, 8, 2026, 0)");
            s.executeUpdate("INSERT INTO app_user (id, email, display_name, password_hash, role, status, created_at)"
                    + " VALUES (1, 'o@example.org', 'O', 'x', 'ORGANISER', 'ACTIVE', TIMESTAMP '2026-01-01 00:00:00')");
            int report = 1;
            for (long application : List.of(ONE, THREE)) {
                s.executeUpdate("INSERT INTO application (id, reference, call_id, municipality_id, owner_id, status, title, start_date,"
                        + " end_date, total_costs, co_funding, requested_amount, created_at, updated_at, version)"
                        + " VALUES (" + application + ", 'A-" + application + "', 1, 1, 1, 'AWARDED', 'T',"
                        + " DATE '2026-02-01', DATE '2026-12-01', 4000, 0, 4000, TIMESTAMP '2026-01-01 00:00:00',"
                        + " TIMESTAMP '2026-01-01 00:00:00', 0)");
                for (int position = 1; position <= 2; position++) {
                    s.executeUpdate("INSERT INTO application_activity (id, application_id, position, name,"
                            + " planned_participants, planned_sessions, planned_volunteers) VALUES ("
                            + (application * 10 + position) + ", " + application + ", " + position + ", 'Act', 10, 2, 1)");
                }
                s.executeUpdate("INSERT INTO budget_line (id, application_id, position, kind, description, amount)"
                        + " VALUES (" + application + ", " + application + ", 1, 'COST', 'Huur', 1000)");
                s.executeUpdate("INSERT INTO grant_decision (id, application_id, outcome, amount, budget_year, fund_id,"
                        + " advance_percent, decided_at, decided_on, decided_by, objection_deadline) VALUES ("
                        + application + ", " + application + ", 'AWARD', 4000, 2026, 1, 80,"
                        + " TIMESTAMP '2026-02-01 00:00:00', DATE '2026-02-01', 'd@example.org', DATE '2026-03-15')");
                for (int i = 0; i < (application == ONE ? 1 : 3); i++, report++) {
                    s.executeUpdate("INSERT INTO report_request (id, application_id, decision_id, purpose,"
                            + " required_kind, due_on, status, created_at, version) VALUES (" + report + ", "
                            + application + ", " + application + ", 'PROGRESS', 'ACTIVITY_REPORT', DATE '2026-06-0"
                            + (i + 1) + "', 'SUBMITTED', TIMESTAMP '2026-02-01 00:00:00', 0)");
                    s.executeUpdate("INSERT INTO report (id, request_id, submitted_at, submitted_by, narrative,"
                            + " participants_total) VALUES (" + report + ", " + report + ", TIMESTAMP '2026-06-0"
                            + (i + 1) + " 10:00:00', 'o@example.org', 'Verslag " + report + "', 20)");
                    for (int position = 1; position <= 2; position++) {
                        s.executeUpdate("INSERT INTO report_activity (report_id, activity_id, participants, sessions,"
                                + " volunteers) VALUES (" + report + ", " + (application * 10 + position) + ", "
                                + report + ", 1, 1)");
                    }
                    s.executeUpdate("INSERT INTO report_indicator (report_id, position, name, indicator_value)"
                            + " VALUES (" + report + ", 1, 'Indicator " + report + "', " + report + ")");
                    s.executeUpdate("INSERT INTO report_spending (report_id, position, budget_line_id, description,"
                            + " budgeted, spent) VALUES (" + report + ", 1, " + application + ", 'Huur', 1000, "
                            + report + ")");
                }
            }
        }
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void threeReportsCostAsManyStatementsAsOne() {
        Read one = read(ONE);
        Read three = read(THREE);
        assertEquals(1, one.reports().size());
        assertEquals(3, three.reports().size());
        assertEquals(one.statements().size(), three.statements().size(),
                "with one report:\n" + String.join("\n", one.statements()) + "\nwith three:\n"
                        + String.join("\n", three.statements()));
    }

    @Test
    void everyRowLandsOnItsOwnReport() {
        for (String line : read(THREE).reports()) {
            String report = line.substring(0, line.indexOf(':'));
            // Each report's rows carry its own number: participants, indicator value and spending.
            assertEquals(report + ": [" + report + ", " + report + "] [Indicator " + report + "] [" + report + ".00]",
                    line);
        }
    }

    private record Read(List<String> reports, List<String> statements) {
    }

    /** The reports of one application as an officer reads them, with the statements sent to the database. */
    private static Read read(long applicationId) {
        return database.inTransaction(em -> {
            List<String> statements = new ArrayList<>();
            SessionEventAdapter counter = new SessionEventAdapter() {
                @Override
                public void postExecuteCall(SessionEvent event) {
                    statements.add(String.valueOf(event.getCall()));
                }
            };
            var events = JpaHelper.getEntityManager(em).getServerSession().getEventManager();
            events.addListener(counter);
            try {
                ReportQueries queries = queries(em);
                List<String> reports = queries.reportsFor(applicationId).stream().map(describe()).toList();
                return new Read(reports, List.copyOf(statements));
            } finally {
                events.removeListener(counter);
            }
        });
    }

    private static Function<Report, String> describe() {
        return r -> r.getId() + ": "
                + r.getActivities().stream().map(a -> String.valueOf(a.getParticipants())).toList() + " "
                + r.getIndicators().stream().map(ReportIndicator::getName).toList() + " "
                + r.getSpending().stream().map(sp -> sp.getSpent().toPlainString()).collect(Collectors.toList());
    }

    private static ReportQueries queries(EntityManager em) {
        AccessPolicy access = new AccessPolicy() {
            @Override
            public Caller caller() {
                return new Caller(2L, "officer@example.org", Role.OFFICER, null);
            }
        };
        ApplicationQueries applications = new ApplicationQueries() {
            @Override
            public Application visible(long applicationId) {
                return em.find(Application.class, applicationId);
            }
        };
        ReportQueries queries = DemoDatabase.inject(new ReportQueries(), "em", em);
        DemoDatabase.inject(queries, "access", access);
        return DemoDatabase.inject(queries, "queries", applications);
    }
}
