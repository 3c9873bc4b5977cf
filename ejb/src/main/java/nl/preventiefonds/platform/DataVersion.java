package nl.preventiefonds.platform;

import jakarta.persistence.EntityManager;

/**
 * The newest id of the audit trail and of the named tables, as one string: a cheap read (primary key ends) that
 * changes with every service change (all are audited) and every row inserted around the services.
 */
public final class DataVersion {
    private DataVersion() {
    }

    /** {@code tables} are the caller's constants, never input. */
    public static String of(EntityManager em, String... tables) {
        StringBuilder sql = new StringBuilder("SELECT (SELECT MAX(id) FROM audit_entry)");
        for (String table : tables) {
            sql.append(", (SELECT MAX(id) FROM ").append(table).append(')');
        }
        Object result = em.createNativeQuery(sql.toString()).getSingleResult();
        Object[] newest = result instanceof Object[] row ? row : new Object[] {result};
        StringBuilder version = new StringBuilder();
        for (Object id : newest) {
            version.append(id).append('/');
        }
        return version.toString();
    }
}
