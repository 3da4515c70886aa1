package io.cdctest.run;

import static org.awaitility.Awaitility.await;

import io.cdctest.env.DatabaseServer;
import io.cdctest.pipeline.Databases;
import io.cdctest.sql.Sql;
import java.time.Duration;
import java.util.Optional;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Notices a database of the run that died under the testcases (crashed, killed from outside), so a
 * step names it ("the source database died: ...") instead of the connection error or the pipeline
 * failure it causes. A database a fault step holds down does not count.
 */
final class DatabaseDeaths {
    /** How long a lost connection may precede the server's exit being seen. */
    private static final Duration EXIT_NOTICED = Duration.ofSeconds(2);

    private final Databases databases;

    DatabaseDeaths(Databases databases) {
        this.databases = databases;
    }

    /** The first database of the run that is gone, named, or empty. */
    Optional<String> now() {
        return died(databases.source()).or(() -> died(databases.target()));
    }

    /**
     * The database whose death explains a step's error: one that is gone now, or, when the error is a
     * lost connection, one whose exit is seen shortly after.
     */
    Optional<String> explaining(Throwable error) {
        if (!Sql.connectionLost(error)) {
            return now();
        }
        try {
            return await().alias("a database gone").atMost(EXIT_NOTICED).pollInSameThread().pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(50)).until(this::now, Optional::isPresent);
        } catch (ConditionTimeoutException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> died(DatabaseServer server) {
        return server.failure().map(why -> "the " + server.endpoint().role() + " database died: " + why);
    }
}
