package nl.preventiefonds.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** V91: a staff provider's secret stored in plain text before is encrypted by the migration, and reads back. */
class ClientSecretEncryptionMigrationTest {
    private static final String URL = "jdbc:h2:mem:secret-migration;DB_CLOSE_DELAY=-1;MODE=MariaDB;"
            + "DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE,YEAR,MONTH";

    @Test
    void plainSecretsAreEncryptedOnce() throws Exception {
        Flyway.configure().dataSource(URL, "sa", "sa").locations("classpath:db/migration").target("90").load()
                .migrate();
        try (Connection c = DriverManager.getConnection(URL, "sa", "sa"); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO municipality (code, name) VALUES ('GM0106', 'Assen')");
            s.executeUpdate("INSERT INTO municipal_login (municipality_id, issuer, client_id, client_secret,"
                    + " groups_claim, officer_groups, decision_maker_groups, fund_manager_groups, enabled, updated_at,"
                    + " version) SELECT id, 'https://login.assen.example', 'pf', 'oud-geheim', 'groups', 'a', '', '',"
                    + " TRUE, CURRENT_TIMESTAMP, 0 FROM municipality WHERE code = 'GM0106'");
        }
        Flyway.configure().dataSource(URL, "sa", "sa").locations("classpath:db/migration").load().migrate();
        try (Connection c = DriverManager.getConnection(URL, "sa", "sa"); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT client_secret FROM municipal_login")) {
            assertTrue(r.next());
            String stored = r.getString(1);
            assertTrue(SecretBox.isEncrypted(stored), stored.substring(0, 4));
            assertFalse(stored.contains("oud-geheim"));
            assertEquals("oud-geheim", SecretBox.installation().decrypt(stored));
        }
    }
}
