package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The build drops and recreates the MariaDB test database before the server starts, so this
 * deployment migrated an empty database: every migration file must be applied, in order.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MigrationIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @Test
    void everyMigrationWasAppliedToTheEmptyDatabase() throws Exception {
        File dir = new File(System.getProperty("pf.migrations.dir"));
        Set<String> files = Arrays.stream(dir.list((d, name) -> name.matches("V\\d+__.*\\.sql")))
                .map(name -> name.substring(1, name.indexOf("__")))
                .collect(Collectors.toCollection(java.util.HashSet::new));
        assertTrue(!files.isEmpty(), "migrations found in " + dir);
        // Java migrations (those that need the application, such as V91 which encrypts with the installation's key)
        // live beside the sources: ejb/src/main/java/db/migration.
        File java = new File(dir, "../../../java/db/migration");
        String[] javaMigrations = java.list((d, name) -> name.matches("V\\d+__.*\\.java"));
        if (javaMigrations != null) {
            Arrays.stream(javaMigrations).map(name -> name.substring(1, name.indexOf("__"))).forEach(files::add);
        }

        List<List<Object>> history = TestDatabase.query(
                "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank");
        Set<String> applied = history.stream().map(row -> (String) row.get(0)).collect(Collectors.toSet());
        assertEquals(files, applied);
        history.forEach(row -> assertTrue(Boolean.TRUE.equals(row.get(1)) || Integer.valueOf(1).equals(row.get(1)),
                "migration " + row.get(0) + " succeeded"));
        assertEquals("1", history.get(0).get(0), "the first migration ran first, on an empty schema");
    }

    @Test
    void theSchemaHasTheFoundationTablesInUtf8mb4() throws Exception {
        List<String> expected = List.of("app_user", "account_token", "audit_entry", "outbound_mail", "municipality",
                "neighbourhood", "fund", "fund_year_budget", "funding_call", "partner_organisation");
        for (String table : expected) {
            assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM information_schema.tables"
                    + " WHERE table_schema = ? AND table_name = ?", TestDatabase.name(), table), table);
        }
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ?"
                + " AND table_name IN ('app_user', 'audit_entry') AND table_collation NOT LIKE 'utf8mb4%'",
                TestDatabase.name()), "tables store €, ë and every other character");
    }

    @Test
    void moneyIsStoredWithCents() throws Exception {
        List<List<Object>> column = TestDatabase.query("SELECT data_type, numeric_scale FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = 'fund' AND column_name = 'total_budget'", TestDatabase.name());
        assertEquals("decimal", column.get(0).get(0));
        assertEquals(2, ((Number) column.get(0).get(1)).intValue());
    }
}
