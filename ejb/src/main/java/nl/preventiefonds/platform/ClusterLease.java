package nl.preventiefonds.platform;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Lets a timer job run on one node of a cluster: every node's timer fires, the first to take the job's lease runs
 * it, the others skip this turn. One conditional UPDATE, so the database decides (no cluster singleton service
 * needed, and it works the same on one node and on H2). Real time, not the adjustable application clock: a test
 * that moves the clock a year ahead must not leave a lease held for a year.
 */
@Stateless
@PermitAll
public class ClusterLease {
    public static final String MAIL_DELIVERY = "mail-delivery";
    public static final String REPORT_REMINDERS = "report-reminders";

    /**
     * Expired, or already ours, then taken (or renewed) by us: exactly one row changes for exactly one node. The
     * holder renews, so a run that outlasts the lease is not started a second time on another node; another node
     * takes over only when the holder has stopped renewing.
     */
    static final String TAKE = "UPDATE cluster_lease SET held_by = ?, held_until = ? WHERE name = ?"
            + " AND (held_until <= ? OR held_by = ?)";

    @PersistenceContext
    private EntityManager em;

    /** Committed at once, so the other nodes see the lease while this one works. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean acquire(String job, Duration hold) {
        Instant now = Instant.now();
        return em.createNativeQuery(TAKE).setParameter(1, node()).setParameter(2, utc(now.plus(hold)))
                .setParameter(3, job).setParameter(4, utc(now)).setParameter(5, node()).executeUpdate() == 1;
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static String node() {
        return System.getProperty("jboss.node.name", "node");
    }
}
