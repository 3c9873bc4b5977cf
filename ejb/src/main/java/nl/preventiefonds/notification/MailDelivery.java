package nl.preventiefonds.notification;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.preventiefonds.platform.ClusterLease;

/**
 * Delivers the outbox every half minute: each due mail in a transaction of its own (MailAttempt), so one slow or
 * failing mail neither holds back nor undoes the others. Failures are retried with backoff for 72 hours
 * (RetrySchedule). With -Dpreventiefonds.mail.deliver=false (demo mode) mail is written to the server log instead,
 * so nobody gets real mail from demo data.
 */
@Singleton
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailDelivery {
    private static final Logger LOG = Logger.getLogger(MailDelivery.class.getName());
    private static final int BATCH = 50;
    // Renewed before every mail; another node takes over five minutes after the holder stops.
    private static final Duration LEASE = Duration.ofMinutes(5);
    // A run ends in time for the next timer, which picks up what is left.
    private static final Duration RUN = Duration.ofSeconds(25);

    /** One run at a time on this node; the lease keeps the other nodes out. */
    private final ReentrantLock running = new ReentrantLock();

    @EJB
    private MailAttempt attempts;

    @Inject
    private Clock clock;

    @Inject
    private ClusterLease lease;

    @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false)
    public void onTimer() {
        if (running.tryLock()) {
            try {
                run();
            } finally {
                running.unlock();
            }
        }
    }

    /**
     * A run now, waiting for one in progress to end first (the test server's trigger uses it). Returns the number of
     * mails attempted.
     */
    public int deliverDueNow() {
        try {
            if (!running.tryLock(2, TimeUnit.MINUTES)) {
                return 0;
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return 0;
        }
        try {
            return run();
        } finally {
            running.unlock();
        }
    }

    private int run() {
        boolean deliver = MailAttempt.deliverySwitchedOn();
        long until = System.nanoTime() + RUN.toNanos();
        Set<Long> tried = new HashSet<>();
        while (System.nanoTime() < until) {
            // On a cluster every node's timer fires: the lease holder sends, so no mail goes out twice.
            if (!lease.acquire(ClusterLease.MAIL_DELIVERY, LEASE)) {
                return tried.size();
            }
            List<Long> due = new ArrayList<>(attempts.due(clock.instant(), BATCH + tried.size()));
            due.removeAll(tried);
            if (due.isEmpty()) {
                break;
            }
            for (Long id : due) {
                if (System.nanoTime() >= until || !lease.acquire(ClusterLease.MAIL_DELIVERY, LEASE)) {
                    return tried.size();
                }
                tried.add(id);
                try {
                    attempts.attempt(id, deliver);
                } catch (EJBException e) {
                    // Its transaction rolled back (e.g. the database went away): it stays due for the next run.
                    LOG.log(Level.WARNING, "Mail " + id + " could not be attempted", e);
                }
            }
        }
        return tried.size();
    }
}
