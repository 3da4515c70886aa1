package io.cdctest.pipeline.matrixone;

import io.cdctest.CdctestException;
import io.cdctest.ExitCode;
import io.cdctest.sql.JdbcEndpoint;
import io.cdctest.sql.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One connection to a MatrixOne server that runs the pipeline's statements, records each one
 * (passwords masked) for the run's log, and knows the server's version and clock.
 */
final class MoSession implements AutoCloseable {
    private final JdbcEndpoint endpoint;
    private final Connection connection;
    private final Consumer<String> journal;
    private final MoVersion version;
    private final Duration clockOffset;
    private final ZoneOffset zone;

    MoSession(JdbcEndpoint endpoint, Consumer<String> journal) {
        this.endpoint = endpoint;
        this.journal = journal;
        this.connection = endpoint.connect();
        String text = queryOne("SELECT version()");
        try {
            this.version = MoVersion.parse(text);
        } catch (IllegalArgumentException e) {
            close();
            throw CdctestException.environment(endpoint.role() + " at " + endpoint.address() + " is not MatrixOne (version "
                    + text + ")");
        }
        Instant before = Instant.now();
        String[] now = query("SELECT UTC_TIMESTAMP(6), NOW(6)").get(0);
        LocalDateTime utc = LocalDateTime.parse(now[0].replace(' ', 'T'));
        this.clockOffset = Duration.between(before, utc.toInstant(ZoneOffset.UTC));
        this.zone = zoneOf(utc, LocalDateTime.parse(now[1].replace(' ', 'T')));
    }

    /** The offset between a server's local and UTC clocks, to the quarter hour (the reading takes a moment). */
    static ZoneOffset zoneOf(LocalDateTime utc, LocalDateTime local) {
        long seconds = Duration.between(utc, local).getSeconds();
        long quarters = Math.round(seconds / 900.0);
        return ZoneOffset.ofTotalSeconds((int) (quarters * 900));
    }

    /** The server's local time zone (SHOW CCPR SUBSCRIPTIONS writes its watermark in it). */
    ZoneOffset zone() {
        return zone;
    }

    MoVersion version() {
        return version;
    }

    JdbcEndpoint endpoint() {
        return endpoint;
    }

    /**
     * The server's clock for an instant of ours: the same instant shifted by the clock skew (read
     * with UTC_TIMESTAMP, so a server in another time zone is not taken for one hours ahead).
     * MatrixOne watermarks are server time.
     */
    Instant serverTime(Instant local) {
        return local.plus(clockOffset);
    }

    /** Whether this session belongs to the sys account (which alone sees mo_catalog's CDC tables). */
    boolean sys() {
        return endpoint.account() == null || endpoint.account().isBlank() || endpoint.account().equalsIgnoreCase("sys");
    }

    void execute(String sql) {
        executeUnless(sql, message -> false);
    }

    /** Runs a statement; an error whose text satisfies {@code tolerated} is ignored (teardown). */
    void executeTolerating(String sql, java.util.function.Predicate<String> tolerated) {
        executeUnless(sql, tolerated);
    }

    /**
     * Runs a statement; returns false, without running it again, when its error satisfies {@code
     * retryLater} (a state change MatrixOne cannot take yet), and true when it ran.
     */
    boolean executeUnless(String sql, java.util.function.Predicate<String> retryLater) {
        journal.accept(MoUri.redacted(sql));
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
            return true;
        } catch (SQLException e) {
            if (retryLater.test(e.getMessage())) {
                return false;
            }
            throw failed(" refused: " + Sql.abbreviate(MoUri.redacted(sql), 120), e);
        }
    }

    String queryOne(String sql) {
        List<String[]> rows = query(sql);
        return rows.isEmpty() ? null : rows.get(0)[0];
    }

    /** All rows of a query, every column as text. */
    List<String[]> query(String sql) {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            List<String[]> rows = new ArrayList<>();
            while (rs.next()) {
                String[] row = new String[n];
                for (int i = 0; i < n; i++) {
                    row[i] = rs.getString(i + 1);
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw failed(": " + Sql.abbreviate(sql, 120), e);
        }
    }

    /** Column names of a query's result, lower case, for reading SHOW output by name. */
    List<String> columns(String sql) {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                names.add(rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT));
            }
            return names;
        } catch (SQLException e) {
            throw failed(": " + Sql.abbreviate(sql, 120), e);
        }
    }

    /** An environment error: {@code <role> MatrixOne at <address><detail>: <first line of the error>}. */
    private CdctestException failed(String detail, SQLException e) {
        return new CdctestException(ExitCode.ENVIRONMENT, endpoint.role() + " MatrixOne at " + endpoint.address()
                + detail + ": " + Sql.firstLine(e), e);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a broken connection
        }
    }
}
