package nl.preventiefonds.platform;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Recognises a failure that means "the database cannot be reached" (server down, connection lost, no connection in
 * the pool), so pages and the API can answer 503 with a clear message instead of a general 500. Anything else is a
 * bug and stays a 500.
 */
public final class DatabaseOutage {
    /** What IronJacamar throws when the pool cannot hand out a connection. */
    private static final String RESOURCE_EXCEPTION = "jakarta.resource.ResourceException";

    private DatabaseOutage() {
    }

    public static boolean causedBy(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = failure; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // SQLSTATE class 08: connection exception (SQL standard)
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
                if (type.getName().equals(RESOURCE_EXCEPTION)) {
                    return true;
                }
            }
        }
        return false;
    }
}
