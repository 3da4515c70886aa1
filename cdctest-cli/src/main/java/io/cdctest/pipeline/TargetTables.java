package io.cdctest.pipeline;

import io.cdctest.CdctestException;
import io.cdctest.ready.Readiness;
import io.cdctest.ready.Wait;
import io.cdctest.sql.JdbcEndpoint;
import io.cdctest.sql.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waits for the tables a pipeline creates on the target itself (a MatrixOne CDC task's sink, a CCPR
 * subscription): they appear only once the pipeline's first snapshot lands, seconds after it starts,
 * and nothing can be compared before.
 */
public final class TargetTables {
    private TargetTables() {
    }

    /**
     * Returns once every table exists in {@code database} on the target; fails at once when
     * {@code failure} names one, and after {@code timeout} naming the tables still missing.
     *
     * @param what the pipeline, for messages ("CDC task cdctest_x")
     */
    public static void await(JdbcEndpoint target, String database, List<String> tables, Duration timeout,
                             Supplier<Optional<String>> failure, String what) {
        List<String> missing = new ArrayList<>(tables);
        try (Connection c = target.withDatabase(null).connect()) {
            Wait.until(what, "create the target tables").atMost(timeout).on(Readiness.unbroken(failure).and(() -> {
                try {
                    List<String> present = io.cdctest.check.Mappings.tables(c, database).stream()
                            .map(t -> t.toLowerCase(Locale.ROOT)).toList();
                    missing.removeIf(t -> present.contains(t.toLowerCase(Locale.ROOT)));
                } catch (SQLException e) {
                    throw unreadable(target, database, e);
                }
                return missing.isEmpty() ? Readiness.ready() : Readiness.waiting(String.join(", ", missing)
                        + " still missing in " + database + " on the target " + target.address());
            }));
        } catch (SQLException e) {
            throw unreadable(target, database, e);
        }
    }

    private static CdctestException unreadable(JdbcEndpoint target, String database, SQLException e) {
        return CdctestException.environment("cannot read the tables of " + database + " on the target " + target.address()
                + ": " + Sql.firstLine(e), e);
    }
}
