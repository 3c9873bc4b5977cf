package nl.preventiefonds.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Direct JDBC to the test database on MariaDB, to check what the application wrote. */
final class TestDatabase {

    private TestDatabase() {
    }

    static String name() {
        return System.getProperty("pf.db.name", "preventiefonds_it");
    }

    static Connection connect() throws SQLException {
        String url = "jdbc:mariadb://" + System.getProperty("pf.db.host", "127.0.0.1") + ":"
                + System.getProperty("pf.db.port", "3306") + "/" + name();
        return DriverManager.getConnection(url, System.getProperty("pf.db.user", "root"),
                System.getProperty("pf.db.password", ""));
    }

    static List<List<Object>> query(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<List<Object>> result = new ArrayList<>();
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(rows.getObject(c));
                    }
                    result.add(row);
                }
                return result;
            }
        }
    }

    static long count(String sql, Object... parameters) throws SQLException {
        return ((Number) query(sql, parameters).get(0).get(0)).longValue();
    }

    static long update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    /** A second account with the same role and password (and waived second factor) as an existing demo account. */
    static String cloneAccount(String email, Long partnerId) throws SQLException {
        String clone = "kloon-" + java.util.UUID.randomUUID() + "@example.org";
        long rows = update("INSERT INTO app_user (email, display_name, password_hash, role, status, partner_id,"
                + " municipality_id, preferred_locale, failed_logins, created_at, version, second_factor_waived)"
                + " SELECT ?, 'Kloon', password_hash, role, status, ?, municipality_id, 'nl', 0, created_at, 0,"
                + " second_factor_waived FROM app_user"
                + " WHERE email = ?", clone, partnerId, email);
        if (rows != 1) {
            throw new IllegalStateException("no account " + email + " to clone");
        }
        // Staff work for their municipality through a membership, as every account the application creates.
        update("INSERT INTO staff_membership (account_id, municipality_id, role, created_at) SELECT id,"
                + " municipality_id, role, created_at FROM app_user WHERE email = ? AND municipality_id IS NOT NULL"
                + " AND role IN ('OFFICER', 'DECISION_MAKER', 'FUND_MANAGER')", clone);
        return clone;
    }

    /** A cloned member of staff now works for another municipality, and for that one only. */
    static int moveToMunicipality(String email, Object municipalityId) throws SQLException {
        update("UPDATE staff_membership SET municipality_id = ? WHERE account_id = (SELECT id FROM app_user"
                + " WHERE email = ?)", municipalityId, email);
        return (int) update("UPDATE app_user SET municipality_id = ? WHERE email = ?", municipalityId, email);
    }

    static long userId(String email) throws SQLException {
        return count("SELECT id FROM app_user WHERE email = ?", email);
    }
}
