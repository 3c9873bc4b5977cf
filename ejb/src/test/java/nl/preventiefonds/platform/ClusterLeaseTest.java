package nl.preventiefonds.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** The lease statement itself, on the migrated schema (H2 in MariaDB mode, as the demo runs). */
class ClusterLeaseTest {
    private static final String URL =
            "jdbc:h2:mem:lease;DB_CLOSE_DELAY=-1;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE,YEAR,MONTH";

    private static int take(Connection db, String node, String job, Instant now, Duration hold) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(ClusterLease.TAKE)) {
            st.setString(1, node);
            st.setObject(2, ClusterLease.utc(now.plus(hold)));
            st.setString(3, job);
            st.setObject(4, ClusterLease.utc(now));
            st.setString(5, node);
            return st.executeUpdate();
        }
    }

    @Test
    void oneNodeHoldsTheLeaseUntilItExpires() throws SQLException {
        Flyway.configure().dataSource(URL, "sa", "sa").locations("classpath:db/migration").load().migrate();
        Instant t = Instant.parse("2026-03-02T06:00:00Z");
        try (Connection db = DriverManager.getConnection(URL, "sa", "sa")) {
            assertEquals(1, take(db, "node1", ClusterLease.REPORT_REMINDERS, t, Duration.ofHours(1)), "free: taken");
            assertEquals(0, take(db, "node2", ClusterLease.REPORT_REMINDERS, t.plusMillis(5), Duration.ofHours(1)),
                    "the other node at the same moment: skips");
            assertEquals(1, take(db, "node2", ClusterLease.MAIL_DELIVERY, t, Duration.ofSeconds(25)),
                    "another job has its own lease");
            assertEquals(0, take(db, "node2", ClusterLease.REPORT_REMINDERS, t.plus(Duration.ofMinutes(59)),
                    Duration.ofHours(1)), "still held");
            assertEquals(1, take(db, "node1", ClusterLease.REPORT_REMINDERS, t.plus(Duration.ofMinutes(59)),
                    Duration.ofHours(1)), "the holder renews");
            assertEquals(0, take(db, "node2", ClusterLease.REPORT_REMINDERS, t.plus(Duration.ofHours(1)),
                    Duration.ofHours(1)), "renewed: still held an hour later");
            assertEquals(1, take(db, "node2", ClusterLease.REPORT_REMINDERS, t.plus(Duration.ofMinutes(119)),
                    Duration.ofHours(1)), "expired: anyone may take it");
            assertEquals(0, take(db, "node1", "no-such-job", t, Duration.ofHours(1)), "unknown job: never runs");
        }
    }
}
