package nl.preventiefonds.platform;

import jakarta.ejb.ApplicationException;
import java.sql.SQLException;

/**
 * Someone else changed the same thing at the same moment and won; this change was rolled back.
 * The API answers 409, pages show the message like any other refusal.
 */
@ApplicationException(rollback = true)
public class ConcurrentChangeException extends ValidationFailedException {
    private static final long serialVersionUID = 1L;

    public ConcurrentChangeException(String messageKey) {
        super(messageKey);
    }

    /** A unique key taken by a concurrent transaction (SQLSTATE 23...), or a deadlock it lost (40001). */
    public static boolean causedBy(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("23") || sql.getSQLState().equals("40001"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
