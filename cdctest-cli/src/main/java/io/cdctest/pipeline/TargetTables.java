package io.cdctest.pipeline;

import io.cdctest.CdctestException;
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
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

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
            Awaitility.await().alias(what + " creating the target tables").atMost(timeout).pollInSameThread()
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500)).until(() -> {
                        Optional<String> broken = failure.get();
                        if (broken.isPresent()) {
                            throw CdctestException.environment(what + " failed before the target tables existed: "
                                    + broken.get());
                        }
                        List<String> present = io.cdctest.check.Mappings.tables(c, database).stream()
                                .map(t -> t.toLowerCase(Locale.ROOT)).toList();
                        missing.removeIf(t -> present.contains(t.toLowerCase(Locale.ROOT)));
                        return missing.isEmpty();
                    });
        } catch (ConditionTimeoutException e) {
            throw CdctestException.environment(what + " had not created " + String.join(", ", missing) + " in " + database
                    + " on the target " + target.address() + " after " + timeout.toSeconds() + " s", e);
        } catch (SQLException e) {
            throw CdctestException.environment("cannot read the tables of " + database + " on the target " + target.address()
                    + ": " + Sql.firstLine(e), e);
        }
    }
}
