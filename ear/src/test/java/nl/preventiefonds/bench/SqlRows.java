package nl.preventiefonds.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Multi-row INSERT statements for one table, flushed every few thousand rows: far faster than row-by-row
 * inserts, and needs nothing but plain JDBC. Values are rendered as SQL literals (generated data, no user input).
 */
final class SqlRows implements AutoCloseable {
    private static final int ROWS_PER_STATEMENT = 2_000;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final Connection connection;
    private final String head;
    private final StringBuilder sql = new StringBuilder(1 << 20);
    private int pending;
    private long total;

    SqlRows(Connection connection, String table, String columns) {
        this.connection = connection;
        this.head = "INSERT INTO " + table + " (" + columns + ") VALUES ";
    }

    void row(Object... values) throws SQLException {
        sql.append(pending == 0 ? head : ",").append('(');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sql.append(',');
            }
            literal(values[i]);
        }
        sql.append(')');
        total++;
        if (++pending >= ROWS_PER_STATEMENT) {
            flush();
        }
    }

    private void literal(Object value) {
        if (value == null) {
            sql.append("NULL");
        } else if (value instanceof Number || value instanceof BigDecimal) {
            sql.append(value);
        } else if (value instanceof Boolean b) {
            sql.append(b ? "TRUE" : "FALSE");
        } else if (value instanceof LocalDateTime t) {
            sql.append('\'').append(DATE_TIME.format(t)).append('\'');
        } else if (value instanceof LocalDate d) {
            sql.append('\'').append(d).append('\'');
        } else if (value instanceof Enum<?> e) {
            sql.append('\'').append(e.name()).append('\'');
        } else {
            sql.append('\'').append(value.toString().replace("\\", "\\\\").replace("'", "''")).append('\'');
        }
    }

    void flush() throws SQLException {
        if (pending == 0) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql.toString());
        }
        sql.setLength(0);
        pending = 0;
    }

    long total() {
        return total;
    }

    @Override
    public void close() throws SQLException {
        flush();
    }
}
