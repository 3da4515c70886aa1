package io.cdctest.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdctest.CdctestException;
import io.cdctest.spec.Engine;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A side's connection is used by one thread at a time, also when the other side fails: the checker
 * returns only once the lane that borrowed a connection has given it back. Connections here are
 * scripted fakes, no database.
 */
class TableDiffConnectionsTest {

    /** A scripted connection: a table of ids 1..1000; its chunk checksums fail, or take a while. */
    private static final class Fake {
        final boolean failing;
        final AtomicBoolean busy = new AtomicBoolean();
        final AtomicInteger overlaps = new AtomicInteger();
        final AtomicInteger checksums = new AtomicInteger();

        Fake(boolean failing) {
            this.failing = failing;
        }

        Connection connection() {
            return proxy(Connection.class, (method, args) -> switch (method) {
                case "prepareStatement" -> statement((String) args[0]);
                case "createStatement" -> proxy(Statement.class, (m, a) -> {
                    if (m.equals("executeQuery")) {
                        throw new SQLException("no CRC32C here");
                    }
                    return null;
                });
                default -> null;
            });
        }

        private PreparedStatement statement(String sql) {
            return proxy(PreparedStatement.class, (method, args) -> {
                if (!method.equals("executeQuery")) {
                    return null;
                }
                if (sql.startsWith("SELECT COUNT(*), SUM(")) {
                    return checksum();
                }
                if (sql.startsWith("SELECT MIN(")) {
                    return rows(new Object[] {"1", "1000"});
                }
                return rows(new Object[] {1000L});
            });
        }

        private ResultSet checksum() throws SQLException {
            if (!busy.compareAndSet(false, true)) {
                overlaps.incrementAndGet();
            }
            try {
                checksums.incrementAndGet();
                if (failing) {
                    throw new SQLException("lost connection");
                }
                long until = System.nanoTime() + 400_000_000L;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait(); // a query on the server: an interrupt does not end it
                }
                return rows(new Object[] {100L, BigDecimal.ONE});
            } finally {
                busy.set(false);
            }
        }
    }

    private interface Handler {
        Object handle(String method, Object[] args) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Handler handler) {
        return (T) Proxy.newProxyInstance(TableDiffConnectionsTest.class.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> {
                    if (method.getName().equals("toString")) {
                        return type.getSimpleName();
                    }
                    Object result = handler.handle(method.getName(), args);
                    if (result == null && method.getReturnType() == boolean.class) {
                        return false;
                    }
                    if (result == null && method.getReturnType() == int.class) {
                        return 0;
                    }
                    return result;
                });
    }

    /** A one-row result: getString, getLong and getBigDecimal of its columns. */
    private static ResultSet rows(Object[] row) {
        boolean[] read = {false};
        return proxy(ResultSet.class, (method, args) -> switch (method) {
            case "next" -> {
                boolean first = !read[0];
                read[0] = true;
                yield first;
            }
            case "getString" -> String.valueOf(row[(Integer) args[0] - 1]);
            case "getLong" -> ((Number) row[(Integer) args[0] - 1]).longValue();
            case "getBigDecimal" -> (BigDecimal) row[(Integer) args[0] - 1];
            default -> null;
        });
    }

    @Test
    void aFailingSideReturnsOnlyOnceTheOtherSidesLaneHasGivenItsConnectionBack() {
        Fake source = new Fake(true);
        Fake target = new Fake(false);
        TableDiff.Database a = new TableDiff.Database(source.connection(), Engine.MARIADB);
        TableDiff.Database b = new TableDiff.Database(target.connection(), Engine.MARIADB);
        DiffOptions options = DiffOptions.DEFAULT.withMode(DiffOptions.Mode.PUSHDOWN).withSizes(0, 100, 8);

        assertThatThrownBy(() -> new TableDiff(options).compare(a, b, Comparisons.plan("items")))
                .isInstanceOf(CdctestException.class).hasMessageContaining("lost connection");

        // the caller may use the target's connection at once: no lane is still running a query on it
        assertThat(target.busy).isFalse();
        assertThat(target.overlaps).hasValue(0);
        // and the target's lane stopped after its chunk rather than checksumming the other nine
        assertThat(target.checksums.get()).isLessThan(10);
    }
}
