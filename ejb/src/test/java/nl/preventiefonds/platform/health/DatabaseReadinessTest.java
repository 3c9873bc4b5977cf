package nl.preventiefonds.platform.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DatabaseReadinessTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        executor.shutdownNow();
    }

    private static Connection connection(boolean valid) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isValid" -> valid;
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private interface Opening {
        Connection open() throws Exception;
    }

    private static DataSource dataSource(Opening opening) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return opening.open();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private HealthCheckResponse probe(Opening opening) {
        DatabaseReadiness readiness = new DatabaseReadiness();
        readiness.dataSource = dataSource(opening);
        readiness.executor = executor;
        readiness.probeMillis = 300;
        HealthCheckResponse response = readiness.call();
        assertEquals("database", response.getName());
        return response;
    }

    @Test
    void upWhenTheConnectionIsValid() {
        HealthCheckResponse response = probe(() -> connection(true));
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertEquals(Map.of("timeoutSeconds", (long) DatabaseReadiness.PROBE_SECONDS), response.getData().orElseThrow());
    }

    @Test
    void downWhenTheConnectionIsNotValid() {
        assertEquals(HealthCheckResponse.Status.DOWN, probe(() -> connection(false)).getStatus());
    }

    @Test
    void downWithoutTheErrorWhenNoConnectionOpens() {
        HealthCheckResponse response = probe(() -> {
            throw new SQLException("Could not connect to db.internal:3306 as preventiefonds");
        });
        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertEquals(Map.of("timeoutSeconds", (long) DatabaseReadiness.PROBE_SECONDS), response.getData().orElseThrow());
    }

    @Test
    void downInTimeWhenOpeningHangs() {
        long start = System.nanoTime();
        HealthCheckResponse response = probe(() -> {
            release.await();
            return connection(true);
        });
        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "the probe waits no longer than its bound");
    }
}
