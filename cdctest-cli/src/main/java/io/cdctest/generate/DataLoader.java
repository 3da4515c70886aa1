package io.cdctest.generate;

import io.cdctest.CdctestException;
import io.cdctest.ExitCode;
import io.cdctest.sql.JdbcEndpoint;
import io.cdctest.sql.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;

/**
 * Loads generated rows fast: the row range is split over parallel connections, each writing with
 * LOAD DATA LOCAL INFILE where the server allows it, else with multi-row INSERTs. Rows depend only
 * on the seed and their number, so the result is the same with any number of threads.
 */
public final class DataLoader {
    private static final int LOAD_DATA_CHUNK = 20_000;

    private final JdbcEndpoint endpoint;
    private final int threads;
    private final int batchSize;
    private final LoadMethod method;

    /**
     * @param endpoint  where to load, with the database set
     * @param threads   parallel connections
     * @param batchSize rows per INSERT statement
     */
    public DataLoader(JdbcEndpoint endpoint, int threads, int batchSize, LoadMethod method) {
        this.endpoint = endpoint;
        this.threads = Math.max(1, threads);
        this.batchSize = Math.max(1, batchSize);
        this.method = method;
    }

    /** Inserts rows on one connection with multi-row INSERTs (for small writes during testcases). */
    public static void insert(Connection connection, String database, RowSource rows, long from, long count,
                              int batchSize) throws SQLException {
        new InsertWriter(batchSize).write(connection, database, rows, from, count, n -> { });
    }

    /** The method actually used: AUTO resolves to LOAD_DATA when the server has local_infile on. */
    public LoadMethod resolve(Connection connection) {
        if (method != LoadMethod.AUTO) {
            return method;
        }
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT @@local_infile")) {
            return rs.next() && rs.getInt(1) == 1 ? LoadMethod.LOAD_DATA : LoadMethod.INSERT;
        } catch (SQLException e) {
            return LoadMethod.INSERT;
        }
    }

    /**
     * Writes rows {@code from .. from+count-1}.
     *
     * @param progress told how many rows were added, from several threads
     * @return the method used
     */
    public LoadMethod load(RowSource rows, long from, long count, LongConsumer progress) {
        LoadMethod used;
        try (Connection probe = endpoint.connect()) {
            used = resolve(probe);
        } catch (SQLException e) {
            throw new CdctestException(ExitCode.ENVIRONMENT, "cannot connect to " + endpoint.address() + ": " + Sql.firstLine(e), e);
        }
        RowWriter writer = used == LoadMethod.LOAD_DATA ? new LoadDataWriter(LOAD_DATA_CHUNK) : new InsertWriter(batchSize);
        Properties props = new Properties();
        if (used == LoadMethod.LOAD_DATA) {
            props.setProperty("allowLoadLocalInfile", "true");
        }
        int parts = (int) Math.max(1, Math.min(threads, count / 1000));
        ExecutorService pool = Executors.newFixedThreadPool(parts, r -> {
            Thread t = new Thread(r, "cdctest-load");
            t.setDaemon(true);
            return t;
        });
        LongAdder written = new LongAdder();
        LongConsumer counting = n -> {
            written.add(n);
            progress.accept(n);
        };
        try {
            List<Future<Long>> futures = new ArrayList<>();
            long per = count / parts;
            for (int i = 0; i < parts; i++) {
                long start = from + i * per;
                long n = i == parts - 1 ? count - i * per : per;
                futures.add(pool.submit(() -> {
                    try (Connection c = endpoint.connect(props)) {
                        return writer.write(c, endpoint.database(), rows, start, n, counting);
                    }
                }));
            }
            for (Future<Long> f : futures) {
                f.get();
            }
            return used;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CdctestException ce) {
                throw ce;
            }
            String message = cause instanceof SQLException se ? Sql.firstLine(se) : String.valueOf(cause);
            throw new CdctestException(ExitCode.ENVIRONMENT, "loading " + rows.table().name() + " into "
                    + endpoint.address() + "/" + endpoint.database() + " failed: " + message, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CdctestException(ExitCode.ENVIRONMENT, "loading " + rows.table().name() + " was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
