package nl.preventiefonds.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.eclipse.microprofile.health.Readiness;

/**
 * The database in WildFly's /health/ready (management port). Packaged apart from the ejb jar, in the EAR's lib/:
 * WildFly registers health checks only of the EAR's top-level unit, not of its ejb jar or war (WFLY-12835).
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    /** Seconds the database may take to answer a validation. */
    static final int VALID_SECONDS = 2;
    /** Bounds the whole probe: opening a connection to an unreachable host can wait for the driver's timeout. */
    static final int PROBE_SECONDS = 3;

    @Resource(lookup = "java:jboss/datasources/PreventiefondsDS")
    DataSource dataSource;

    @Resource(lookup = "java:jboss/ee/concurrency/executor/default")
    ExecutorService executor;

    /** The probe's bound; the unit test shortens it. */
    long probeMillis = TimeUnit.SECONDS.toMillis(PROBE_SECONDS);

    @Override
    public HealthCheckResponse call() {
        boolean up;
        Future<Boolean> answer = null;
        try {
            answer = executor.submit(this::valid);
            up = answer.get(probeMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            up = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            up = false;
        } catch (ExecutionException | RuntimeException e) {
            up = false;
        }
        // no exception text in the answer: it may name hosts and users
        return new HealthCheckResponse("database", up ? Status.UP : Status.DOWN,
                Optional.of(Map.of("timeoutSeconds", (long) PROBE_SECONDS)));
    }

    private boolean valid() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALID_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }
}
