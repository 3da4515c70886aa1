package io.cdctest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.check.ComparisonPlan;
import io.cdctest.check.DiffOptions;
import io.cdctest.check.IncrementalCheck;
import io.cdctest.check.RowKey;
import io.cdctest.check.TableComparison;
import io.cdctest.check.TableDiff;
import io.cdctest.env.EmbeddedMariaDb;
import io.cdctest.spec.Engine;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Later checks of a table (IncrementalCheck) against two real MariaDB servers: equal only when the
 * written keys and the engine checksums agree, a full comparison in every other case.
 */
class IncrementalCheckIT {
    /** Tables above 100 rows are "larger" here, so 2,000 rows are checksummed in chunks. */
    private static final DiffOptions OPTIONS = DiffOptions.DEFAULT.withSizes(100, 500, 100);
    private static final String CREATE = "CREATE TABLE %s.t (id BIGINT PRIMARY KEY, a INT, b VARCHAR(32), c DECIMAL(12,2))";
    private static final String FILL = "INSERT INTO %s.t SELECT seq, seq * 7, IF(seq %% 50 = 0, NULL, CONCAT('n-', seq)),"
            + " seq / 100 FROM seq_1_to_2000";

    @TempDir
    static Path dir;
    private static EmbeddedMariaDb source;
    private static EmbeddedMariaDb target;
    private static int databases;
    private String db;
    private Connection s;
    private Connection t;

    @BeforeAll
    static void start() {
        source = EmbeddedMariaDb.start("source", dir.resolve("s"), dir.resolve("s.log"), 91);
        target = EmbeddedMariaDb.start("target", dir.resolve("t"), dir.resolve("t.log"), 92);
    }

    @AfterAll
    static void stop() {
        source.close();
        target.close();
    }

    @BeforeEach
    void tables() throws SQLException {
        db = "inc" + ++databases;
        s = source.endpoint().connect();
        t = target.endpoint().connect();
        for (Connection c : List.of(s, t)) {
            sql(c, "CREATE DATABASE " + db, "USE " + db, CREATE.formatted(db), FILL.formatted(db));
        }
    }

    @AfterEach
    void close() throws SQLException {
        s.close();
        t.close();
    }

    private static void sql(Connection c, String... statements) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String statement : statements) {
                st.execute(statement);
            }
        }
    }

    private TableDiff.Database side(Connection c) {
        return new TableDiff.Database(c, Engine.MARIADB);
    }

    private ComparisonPlan plan() {
        return TableDiff.plan(side(s), db, side(t), db, "t");
    }

    private TableComparison check(IncrementalCheck check) {
        return check.compare(side(s), side(t), plan());
    }

    private static List<RowKey> keys(long... ids) {
        return java.util.Arrays.stream(ids).mapToObj(id -> RowKey.of(List.of("id"), new String[] {String.valueOf(id)})).toList();
    }

    private static IncrementalCheck incremental(boolean enabled) {
        return new IncrementalCheck(new TableDiff(OPTIONS), enabled);
    }

    @Test
    void aTableFoundEqualIsCheckedAgainByItsWrittenKeysAndTheEngineChecksum() throws SQLException {
        IncrementalCheck check = incremental(true);
        TableComparison first = check(check);
        assertThat(first.equal()).isTrue();
        assertThat(first.method()).isNotEqualTo(TableComparison.Method.ENGINE_CHECKSUM);

        for (Connection c : List.of(s, t)) {
            sql(c, "UPDATE " + db + ".t SET b = 'changed' WHERE id IN (5, 1500)", "DELETE FROM " + db + ".t WHERE id = 9",
                    "INSERT INTO " + db + ".t VALUES (3000, 1, NULL, NULL)");
        }
        check.written(plan(), keys(5, 1500, 9, 3000));
        TableComparison later = check(check);
        assertThat(later.equal()).as(later.summary()).isTrue();
        assertThat(later.method()).isEqualTo(TableComparison.Method.ENGINE_CHECKSUM);
        assertThat(later.sourceRows()).isEqualTo(2000);
        assertThat(later.summary()).isEqualTo("t: 2000 rows equal");
    }

    @Test
    void aWrittenKeyThatDiffersMeansAFullComparisonThatFindsIt() throws SQLException {
        IncrementalCheck check = incremental(true);
        assertThat(check(check).equal()).isTrue();
        sql(s, "UPDATE " + db + ".t SET a = -1 WHERE id = 7");
        check.written(plan(), keys(7));
        TableComparison later = check(check);
        assertThat(later.equal()).isFalse();
        assertThat(later.method()).isNotEqualTo(TableComparison.Method.ENGINE_CHECKSUM);
        assertThat(later.differences()).isEqualTo(1);
        assertThat(later.samples().get(0).key().values()).containsExactly("7");
    }

    @Test
    void aChangeNobodyWroteIsCaughtByTheEngineChecksumAndFoundByTheFullComparison() throws SQLException {
        IncrementalCheck check = incremental(true);
        assertThat(check(check).equal()).isTrue();
        sql(t, "UPDATE " + db + ".t SET c = c + 0.01 WHERE id = 1234");
        TableComparison later = check(check);
        assertThat(later.equal()).isFalse();
        assertThat(later.samples().get(0).key().values()).containsExactly("1234");
        // a missing row the harness did not write, too
        sql(t, "UPDATE " + db + ".t SET c = c - 0.01 WHERE id = 1234");
        assertThat(check(check).equal()).isTrue();
        sql(t, "DELETE FROM " + db + ".t WHERE id = 77");
        TableComparison missing = check(check);
        assertThat(missing.equal()).isFalse();
        assertThat(missing.targetRows()).isEqualTo(1999);
    }

    @Test
    void afterForgetOrWhenDisabledOrWithUnknownKeysEveryCheckIsFull() throws SQLException {
        IncrementalCheck check = incremental(true);
        check(check);
        assertThat(check(check).method()).isEqualTo(TableComparison.Method.ENGINE_CHECKSUM);
        check.forget();
        assertThat(check(check).method()).isNotEqualTo(TableComparison.Method.ENGINE_CHECKSUM);
        assertThat(check(check).method()).isEqualTo(TableComparison.Method.ENGINE_CHECKSUM);
        check.written(plan(), null);
        assertThat(check(check).method()).isNotEqualTo(TableComparison.Method.ENGINE_CHECKSUM);
        check.written(plan(), IntStream.rangeClosed(1, 10_001).mapToObj(i -> keys(i).get(0)).toList());
        assertThat(check(check).method()).isNotEqualTo(TableComparison.Method.ENGINE_CHECKSUM);

        IncrementalCheck off = incremental(false);
        check(off);
        assertThat(check(off).method()).isNotEqualTo(TableComparison.Method.ENGINE_CHECKSUM);
    }

    @Test
    void tablesOfDifferentDefinitionsAreNeverJudgedByTheEngineChecksum() throws SQLException {
        sql(t, "ALTER TABLE " + db + ".t MODIFY b VARCHAR(40)");
        IncrementalCheck check = incremental(true);
        assertThat(check(check).equal()).isTrue();
        TableComparison later = check(check);
        assertThat(later.equal()).isTrue();
        assertThat(later.method()).isNotEqualTo(TableComparison.Method.ENGINE_CHECKSUM);
    }
}
