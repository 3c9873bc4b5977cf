package nl.preventiefonds.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * The run command uses H2 in MariaDB mode (the integration tests use real MariaDB): every
 * migration must apply there too, with the same constraints.
 */
class MigrationsOnDemoDatabaseTest {
    private static final String URL =
            "jdbc:h2:mem:migrations;DB_CLOSE_DELAY=-1;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE,YEAR,MONTH";

    @Test
    void allMigrationsApplyToAnEmptyDemoDatabaseAndConstraintsHold() throws SQLException {
        MigrateResult result = Flyway.configure().dataSource(URL, "sa", "sa")
                .locations("classpath:db/migration").load().migrate();
        assertTrue(result.success);
        assertTrue(result.migrationsExecuted >= 1);

        try (Connection connection = DriverManager.getConnection(URL, "sa", "sa");
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO municipality (code, name) VALUES ('GM0106', 'Assen')");
            assertThrows(SQLException.class, () -> statement.executeUpdate(
                    "INSERT INTO municipality (code, name) VALUES ('GM0106', 'Assen again')"), "unique code");
            assertThrows(SQLException.class, () -> statement.executeUpdate(
                    "INSERT INTO fund (municipality_id, name, total_budget) VALUES (1, 'Negatief', -1.00)"),
                    "a budget is never negative");
            statement.executeUpdate("INSERT INTO fund (municipality_id, name, total_budget) VALUES (1, 'F', 1000000.005)");
            try (ResultSet rows = statement.executeQuery("SELECT total_budget FROM fund")) {
                rows.next();
                assertEquals(2, rows.getBigDecimal(1).scale(), "euros with cents");
            }
            statement.executeUpdate("INSERT INTO neighbourhood (municipality_id, code, name) VALUES (1, 'WK010601', 'Oost')");
            statement.executeUpdate("INSERT INTO care_indicator_import (municipality_id, imported_at, imported_by,"
                    + " file_shape, row_count, value_count, suppressed_count, replaced_count, periods)"
                    + " VALUES (1, CURRENT_TIMESTAMP, 'x', 'LONG', 1, 1, 1, 0, '2024')");
            String value = "INSERT INTO care_indicator_value (neighbourhood_id, period_label, period_start, indicator,"
                    + " indicator_value, suppressed, imported_at, import_id) VALUES (1, '2024', DATE '2024-01-01', ";
            statement.executeUpdate(value + "'WMO_CLIENTS', NULL, TRUE, CURRENT_TIMESTAMP, 1)");
            assertThrows(SQLException.class, () -> statement.executeUpdate(
                    value + "'WMO_CLIENTS', 3, FALSE, CURRENT_TIMESTAMP, 1)"), "one value per period and indicator");
            assertThrows(SQLException.class, () -> statement.executeUpdate(
                    value + "'YOUTH_CARE_PERCENT', 0, TRUE, CURRENT_TIMESTAMP, 1)"), "suppressed means no value");
            assertThrows(SQLException.class, () -> statement.executeUpdate(
                    value + "'YOUTH_CARE_PERCENT', -1, FALSE, CURRENT_TIMESTAMP, 1)"), "never negative");
        }
    }

    /** No dead settings: the call's distribution rule was stored but never read, so V13 dropped it. */
    @Test
    void aCallKeepsNoDistributionRule() throws SQLException {
        Flyway.configure().dataSource(URL, "sa", "sa").locations("classpath:db/migration").load().migrate();
        try (Connection connection = DriverManager.getConnection(URL, "sa", "sa");
             ResultSet columns = connection.getMetaData().getColumns(null, null, "funding_call", null)) {
            java.util.Set<String> names = new java.util.HashSet<>();
            while (columns.next()) {
                names.add(columns.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
            }
            assertTrue(names.contains("budget_year"), "the call's columns were read: " + names);
            assertTrue(!names.contains("distribution_rule"), "no distribution rule any more: " + names);
        }
    }
}
