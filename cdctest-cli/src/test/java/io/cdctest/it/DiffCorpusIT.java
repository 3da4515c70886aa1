package io.cdctest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.check.ComparisonPlan;
import io.cdctest.check.DiffOptions;
import io.cdctest.check.KeyHistory;
import io.cdctest.check.RowDifference;
import io.cdctest.check.TableComparison;
import io.cdctest.check.TableDiff;
import io.cdctest.env.EmbeddedMariaDb;
import io.cdctest.generate.Generation;
import io.cdctest.generate.LoadMethod;
import io.cdctest.generate.TableCatalog;
import io.cdctest.spec.Engine;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The correctness corpus of the consistency engine: every column type of the catalog and every
 * kind of divergence is injected into a copy of a generated table, and each of the engine's
 * three ways (rows at once, Java-merged chunks, in-database checksums settled by row hashes) must
 * find exactly it. Equal copies, and copies that differ only by declared conversions, must report none.
 */
class DiffCorpusIT {
    @TempDir
    static Path dir;
    private static EmbeddedMariaDb db;
    private static final AtomicInteger COPIES = new AtomicInteger();
    private static final String TABLE = "cdc_test_base";

    /** The three ways the engine compares, forced on a small table with tiny chunks. */
    static final List<DiffOptions> WAYS = List.of(
            DiffOptions.DEFAULT.withMode(DiffOptions.Mode.JAVA),
            DiffOptions.DEFAULT.withMode(DiffOptions.Mode.JAVA).withSizes(0, 37, 8),
            DiffOptions.DEFAULT.withMode(DiffOptions.Mode.PUSHDOWN).withSizes(0, 64, 8));

    @BeforeAll
    static void start() {
        db = EmbeddedMariaDb.start("corpus", dir.resolve("db"), dir.resolve("db.log"), 51);
        new Generation(db.endpoint().withDatabase("src"), Engine.MARIADB, new Generation.Options(
                List.of(TableCatalog.find(TABLE).orElseThrow(), TableCatalog.find("cdc_test_composite_pk").orElseThrow()),
                400, 100, 1, 5, LoadMethod.INSERT, false, false, false, false)).run(Generation.Progress.NONE);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    /** A fresh copy of src.table as database tN; returns tN. */
    private static String copy(String table, boolean keepKey) throws Exception {
        String copy = "t" + COPIES.incrementAndGet();
        sql("CREATE DATABASE " + copy,
                keepKey ? "CREATE TABLE " + copy + "." + table + " LIKE src." + table
                        : "CREATE TABLE " + copy + "." + table + " AS SELECT * FROM src." + table + " WHERE 1 = 0",
                "INSERT INTO " + copy + "." + table + " SELECT * FROM src." + table);
        return copy;
    }

    private static int sql(String... statements) throws Exception {
        return Statements.run(db.endpoint(), statements);
    }

    private static String first(String query) throws Exception {
        return Statements.first(db.endpoint(), query);
    }

    private static List<TableComparison> compareAllWays(String target, String table, TableDiff.Classifier classifier)
            throws Exception {
        List<TableComparison> results = new ArrayList<>();
        try (Connection s = db.endpoint().connect(); Connection t = db.endpoint().connect()) {
            // databases that can open more connections: the in-database way checksums chunks on two lanes per side
            TableDiff.Database a = new TableDiff.Database(s, Engine.MARIADB, false, db.endpoint()::connect);
            TableDiff.Database b = new TableDiff.Database(t, Engine.MARIADB, false, db.endpoint()::connect);
            ComparisonPlan plan = TableDiff.plan(a, "src", b, target, table);
            for (DiffOptions way : WAYS) {
                results.add(new TableDiff(way, classifier).compare(a, b, plan));
            }
        }
        return results;
    }

    /**
     * Two databases, {@code <name>s} and {@code <name>t}, each with a table {@code pair} of these
     * {@code columns} filled by each of {@code fills} (an INSERT's rows: {@code SELECT ...} or
     * {@code VALUES ...}); returns the name.
     */
    private static String pairOfTables(String prefix, String columns, String... fills) throws Exception {
        String name = prefix + COPIES.incrementAndGet();
        List<String> statements = new ArrayList<>();
        for (String side : List.of(name + "s", name + "t")) {
            statements.add("CREATE DATABASE " + side);
            statements.add("CREATE TABLE " + side + ".pair (" + columns + ")");
            for (String fill : fills) {
                statements.add("INSERT INTO " + side + ".pair " + fill);
            }
        }
        sql(statements.toArray(String[]::new));
        return name;
    }

    /** {@code <name>s.pair} compared with {@code <name>t.pair} in each of {@code ways}, on one connection per side. */
    private static List<TableComparison> comparePair(String name, List<DiffOptions> ways) throws Exception {
        List<TableComparison> results = new ArrayList<>();
        try (Connection s = db.endpoint().connect(); Connection t = db.endpoint().connect()) {
            TableDiff.Database a = new TableDiff.Database(s, Engine.MARIADB);
            TableDiff.Database b = new TableDiff.Database(t, Engine.MARIADB);
            ComparisonPlan plan = TableDiff.plan(a, name + "s", b, name + "t", "pair");
            for (DiffOptions way : ways) {
                results.add(new TableDiff(way).compare(a, b, plan));
            }
        }
        return results;
    }

    /** The smallest meaningful change of a column, on one row where it applies. */
    record Change(String column, String condition, String expression) {
        @Override
        public String toString() {
            return column + " := " + expression;
        }
    }

    static Stream<Arguments> changes() {
        List<Change> changes = new ArrayList<>();
        String numeric = "IF(%1$s > 0, %1$s - %2$s, %1$s + %2$s)";
        for (String c : List.of("col_tinyint", "col_smallint", "col_int", "col_int_nn", "col_bigint",
                "col_tinyint_unsigned", "col_smallint_unsigned", "col_int_unsigned", "col_bigint_unsigned", "idx_col1")) {
            changes.add(new Change(c, "", numeric.formatted(c, "1")));
        }
        changes.add(new Change("col_decimal", "", numeric.formatted("col_decimal", "0.01")));
        changes.add(new Change("col_decimal_nn", "", numeric.formatted("col_decimal_nn", "0.0001")));
        changes.add(new Change("col_decimal_wide", "", numeric.formatted("col_decimal_wide", "0.0000000001")));
        changes.add(new Change("col_float", "AND ABS(col_float) BETWEEN 1 AND 1e6", "col_float * 1.01"));
        changes.add(new Change("col_double", "AND ABS(col_double) BETWEEN 1 AND 1e12", "col_double * (1 + 1e-9)"));
        changes.add(new Change("col_bit", "", "col_bit ^ 1"));
        changes.add(new Change("col_bit16", "", "col_bit16 ^ 32768"));
        for (String c : List.of("col_char", "col_varchar", "col_varchar_null", "col_text", "composite_key_part", "idx_col2")) {
            changes.add(new Change(c, "AND CHAR_LENGTH(" + c + ") > 1 AND " + c + " REGEXP '^[a-z]+$'",
                    "CONCAT(LEFT(" + c + ", CHAR_LENGTH(" + c + ") - 1), IF(RIGHT(" + c + ", 1) = 'a', 'b', 'a'))"));
        }
        changes.add(new Change("col_varchar", "AND col_varchar REGEXP '^[a-z]+$'", "UPPER(col_varchar)"));
        changes.add(new Change("col_varchar", "AND CHAR_LENGTH(col_varchar) < 200 AND col_varchar REGEXP '^[a-z]+$'",
                "CONCAT(col_varchar, ' ')"));
        changes.add(new Change("col_enum", "", "IF(col_enum = 'A', 'B', 'A')"));
        changes.add(new Change("col_binary", "", "UNHEX(CONCAT(LEFT(HEX(col_binary), 30), IF(RIGHT(HEX(col_binary), 2) = '00', '01', '00')))"));
        changes.add(new Change("col_varbinary", "", "CONCAT(col_varbinary, X'00')"));
        changes.add(new Change("col_blob", "AND LENGTH(col_blob) > 0", "UNHEX(CONCAT(LEFT(HEX(col_blob), LENGTH(col_blob) * 2 - 2), IF(RIGHT(HEX(col_blob), 2) = '00', '01', '00')))"));
        changes.add(new Change("col_json", "AND JSON_TYPE(col_json) = 'OBJECT'", "JSON_SET(col_json, '$.cdctest', 1)"));
        changes.add(new Change("col_time", "AND col_time < '23:00:00'", "ADDTIME(col_time, '00:00:01')"));
        changes.add(new Change("col_time6", "AND col_time6 < '23:00:00'", "ADDTIME(col_time6, '00:00:00.000001')"));
        changes.add(new Change("col_date", "AND col_date < '9999-01-01'", "col_date + INTERVAL 1 DAY"));
        changes.add(new Change("col_date_nn", "AND col_date_nn < '9999-01-01'", "col_date_nn + INTERVAL 1 DAY"));
        changes.add(new Change("col_datetime", "AND col_datetime < '9999-01-01'", "col_datetime + INTERVAL 1 SECOND"));
        changes.add(new Change("col_datetime3", "AND col_datetime3 < '9999-01-01'", "col_datetime3 + INTERVAL 1000 MICROSECOND"));
        changes.add(new Change("col_datetime6", "AND col_datetime6 < '9999-01-01'", "col_datetime6 + INTERVAL 1 MICROSECOND"));
        changes.add(new Change("col_timestamp", "AND col_timestamp < '2038-01-01'", "col_timestamp + INTERVAL 1000 MICROSECOND"));
        changes.add(new Change("col_timestamp6", "AND col_timestamp6 < '2038-01-01'", "col_timestamp6 + INTERVAL 1 MICROSECOND"));
        changes.add(new Change("col_bool", "", "1 - col_bool"));
        return changes.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void smallestChangeOfEveryTypeIsFoundInEveryWay(Change change) throws Exception {
        String target = copy(TABLE, true);
        String id = first("SELECT MIN(id) FROM src." + TABLE + " WHERE " + change.column() + " IS NOT NULL " + change.condition());
        assertThat(id).as("a row for " + change).isNotNull();
        assertThat(sql("UPDATE " + target + "." + TABLE + " SET " + change.column() + " = " + change.expression()
                + " WHERE id = " + id)).as("the change took effect: " + change).isEqualTo(1);
        for (TableComparison c : compareAllWays(target, TABLE, (t, d) -> d)) {
            assertThat(c.differences()).as(c.method().id() + ": " + c.samples()).isEqualTo(1);
            assertThat(c.samples()).singleElement().isInstanceOfSatisfying(RowDifference.Different.class, d -> {
                assertThat(d.key().values()).containsExactly(id);
                assertThat(d.columns()).singleElement().satisfies(col -> assertThat(col.column()).isEqualTo(change.column()));
            });
        }
    }

    @Test
    void nullVersusEmptyIsADifferenceBothWays() throws Exception {
        String target = copy(TABLE, true);
        String nullRow = first("SELECT MIN(id) FROM src." + TABLE + " WHERE col_text IS NULL");
        String emptyRow = first("SELECT MIN(id) FROM src." + TABLE + " WHERE CHAR_LENGTH(col_varchar_null) = 0");
        assertThat(sql("UPDATE " + target + "." + TABLE + " SET col_text = '' WHERE id = " + nullRow)).isEqualTo(1);
        assertThat(sql("UPDATE " + target + "." + TABLE + " SET col_varchar_null = NULL WHERE id = " + emptyRow)).isEqualTo(1);
        for (TableComparison c : compareAllWays(target, TABLE, (t, d) -> d)) {
            assertThat(c.samples()).as(c.method().id()).extracting(RowDifference::toString).containsExactlyInAnyOrder(
                    "different: id=" + nullRow + ": col_text: source NULL, target ''",
                    "different: id=" + emptyRow + ": col_varchar_null: source '', target NULL");
        }
    }

    /**
     * {@code ('x#', 'y')} and {@code ('x', '#y')} joined with {@code #} give the same text; the checksum's
     * text holds each value's length, so the in-database way must find the row like the others.
     */
    @Test
    void aSeparatorInsideAValueCannotMoveABoundary() throws Exception {
        String name = pairOfTables("sep", "id INT PRIMARY KEY, a VARCHAR(10), b VARCHAR(10)",
                "SELECT id, 'x', 'y' FROM src." + TABLE);
        String id = first("SELECT MAX(id) FROM src." + TABLE);
        sql("UPDATE " + name + "s.pair SET a = 'x#', b = 'y' WHERE id = " + id,
                "UPDATE " + name + "t.pair SET a = 'x', b = '#y' WHERE id = " + id);
        for (TableComparison c : comparePair(name, WAYS)) {
            assertThat(c.samples()).as(c.method().id()).extracting(RowDifference::toString).containsExactly(
                    "different: id=" + id + ": a: source 'x#', target 'x'; b: source 'y', target '#y'");
        }
    }

    /**
     * Two rows whose values are swapped, chosen so that the swap cancels exactly in a sum of CRC-32 and
     * CRC-32C (both linear; see PushdownChecksum): in one chunk, in every way, and in the database by
     * checksums whose chunk holds both rows, the swap is two differences.
     */
    @Test
    void mirroredEditsInOneChunkAreFoundInEveryWay() throws Exception {
        String name = pairOfTables("mirror", "id INT PRIMARY KEY, v VARCHAR(10)",
                "SELECT id + 10000, 'bbbbbbbb' FROM src." + TABLE + " WHERE id < 300",
                "VALUES (10000, 'aaaaaaaa'), (13816, 'rnjwfjhx')");
        sql("UPDATE " + name + "t.pair SET v = IF(id = 10000, 'rnjwfjhx', 'aaaaaaaa') WHERE id IN (10000, 13816)");
        List<DiffOptions> ways = new ArrayList<>(WAYS);
        ways.add(DiffOptions.DEFAULT.withMode(DiffOptions.Mode.PUSHDOWN).withSizes(0, 5_000, 8)); // one chunk, settled by row hashes
        ways.add(DiffOptions.DEFAULT.withMode(DiffOptions.Mode.PUSHDOWN).withSizes(0, 5_000, 5_000)); // one chunk, settled by rows
        for (TableComparison c : comparePair(name, ways)) {
            assertThat(c.samples()).as(c.method().id()).extracting(RowDifference::toString).containsExactly(
                    "different: id=10000: v: source 'aaaaaaaa', target 'rnjwfjhx'",
                    "different: id=13816: v: source 'rnjwfjhx', target 'aaaaaaaa'");
        }
    }

    /**
     * {@code auto} on MariaDB (which has CRC32C): a table of up to {@code smallTableRows} rows is
     * compared row by row, a larger one by checksums in the database; decided on the rows the table
     * holds, so a difference in a small table is found by comparing rows, never by a checksum alone.
     */
    @Test
    void autoComparesSmallTablesByRowsAndLargerOnesInTheDatabase() throws Exception {
        String small = "small" + COPIES.incrementAndGet();
        sql("CREATE DATABASE " + small, "CREATE TABLE " + small + "." + TABLE + " LIKE src." + TABLE,
                "INSERT INTO " + small + "." + TABLE + " SELECT * FROM src." + TABLE + " WHERE id <= 100",
                "CREATE DATABASE " + small + "t", "CREATE TABLE " + small + "t." + TABLE + " LIKE src." + TABLE,
                "INSERT INTO " + small + "t." + TABLE + " SELECT * FROM src." + TABLE + " WHERE id <= 100",
                "UPDATE " + small + "t." + TABLE + " SET col_varchar = 'changed' WHERE id = 50");
        String large = copy(TABLE, true);
        sql("UPDATE " + large + "." + TABLE + " SET col_varchar = 'changed' WHERE id = 50");
        DiffOptions auto = DiffOptions.DEFAULT.withSizes(100, 64, 8);
        try (Connection s = db.endpoint().connect(); Connection t = db.endpoint().connect()) {
            TableDiff.Database a = new TableDiff.Database(s, Engine.MARIADB, false, db.endpoint()::connect);
            TableDiff.Database b = new TableDiff.Database(t, Engine.MARIADB, false, db.endpoint()::connect);
            TableComparison rows = new TableDiff(auto).compare(a, b, TableDiff.plan(a, small, b, small + "t", TABLE));
            assertThat(rows.method()).isEqualTo(TableComparison.Method.ROWS);
            assertThat(rows.samples()).extracting(d -> d.key().values().get(0)).containsExactly("50");
            TableComparison pushdown = new TableDiff(auto).compare(a, b, TableDiff.plan(a, "src", b, large, TABLE));
            assertThat(pushdown.method()).isEqualTo(TableComparison.Method.PUSHDOWN);
            assertThat(pushdown.samples()).extracting(d -> d.key().values().get(0)).containsExactly("50");
            assertThat(pushdown.sourceRows()).isEqualTo(400);
        }
    }

    /**
     * {@code auto} on one machine checksums chunks in the database until over a quarter of those checked
     * mismatch, then streams the rest of the table's rows (java chunks): with differences in every chunk
     * it switches after the first round, reports that, and still finds and explains every row exactly as
     * java mode does, in the same ranges; forced pushdown checksums every chunk and finds the same rows.
     */
    @Test
    void autoSwitchesToRowsWhenMostChunksMismatchAndStillFindsEveryRow() throws Exception {
        String target = copy(TABLE, true);
        int changed = sql("UPDATE " + target + "." + TABLE + " SET col_varchar = 'changed' WHERE id % 10 = 0");
        int deleted = sql("DELETE FROM " + target + "." + TABLE + " WHERE id % 50 = 7");
        sql("INSERT INTO " + target + "." + TABLE + " (id, col_varchar) VALUES (-3, 'below'), (5000, 'beyond')");
        assertThat(changed).isEqualTo(40);
        assertThat(deleted).isEqualTo(8);
        DiffOptions auto = DiffOptions.DEFAULT.withSizes(100, 64, 8); // 400 rows: 7 chunks, each with differences
        try (Connection s = db.endpoint().connect(); Connection t = db.endpoint().connect()) {
            TableDiff.Database a = new TableDiff.Database(s, Engine.MARIADB, false, db.endpoint()::connect);
            TableDiff.Database b = new TableDiff.Database(t, Engine.MARIADB, false, db.endpoint()::connect);
            ComparisonPlan plan = TableDiff.plan(a, "src", b, target, TABLE);
            KeyHistory history = new KeyHistory();
            history.snapshot(a, plan);
            TableComparison java = new TableDiff(auto.withMode(DiffOptions.Mode.JAVA), history).compare(a, b, plan);
            TableComparison switched = new TableDiff(auto, history).compare(a, b, plan);
            TableComparison pushdown = new TableDiff(auto.withMode(DiffOptions.Mode.PUSHDOWN), history).compare(a, b, plan);

            assertThat(java.method()).isEqualTo(TableComparison.Method.JAVA_CHUNKS);
            assertThat(java.differences()).isEqualTo(40 + 8 + 2);
            assertThat(switched.method()).isEqualTo(TableComparison.Method.PUSHDOWN_THEN_JAVA_CHUNKS);
            assertThat(switched.method().id()).isEqualTo("pushdown-then-java-chunks");
            assertThat(pushdown.method()).isEqualTo(TableComparison.Method.PUSHDOWN);
            for (TableComparison c : List.of(switched, pushdown)) {
                assertThat(c.differences()).as(c.method().id()).isEqualTo(java.differences());
                assertThat(c.samples()).as(c.method().id()).extracting(d -> d + " " + d.explanation())
                        .containsExactlyElementsOf(java.samples().stream().map(d -> d + " " + d.explanation()).toList());
                assertThat(c.sourceRows()).as(c.method().id()).isEqualTo(400);
                assertThat(c.targetRows()).as(c.method().id()).isEqualTo(400 - 8 + 2);
                assertThat(c.pending()).as(c.method().id()).isEqualTo(java.pending()).hasSize(7);
            }
            assertThat(switched.samples()).extracting(d -> d.explanation().id()).containsOnly("corrupt", "missing", "extra");

            // a recheck reads the ranges that differed as rows and finds the same
            TableComparison again = new TableDiff(auto, history).recheck(a, b, switched);
            assertThat(again.method()).isEqualTo(TableComparison.Method.PUSHDOWN_THEN_JAVA_CHUNKS);
            assertThat(again.samples()).extracting(RowDifference::toString)
                    .containsExactlyElementsOf(java.samples().stream().map(RowDifference::toString).toList());
        }
    }

    /**
     * Integer keys far sparser than the table's rows (ids a trillion apart): spans of at most a chunk of
     * key values would be trillions, so the key index is walked, and chunk boundaries are keys the
     * table holds; differences are found in every way.
     */
    @Test
    void sparseIntegerKeysAreCutAtKeysTheTableHolds() throws Exception {
        long apart = 1_000_000_000_000L;
        String name = pairOfTables("sparse", "id BIGINT PRIMARY KEY, v VARCHAR(10)",
                "SELECT id * " + apart + ", 'x' FROM src." + TABLE);
        sql("UPDATE " + name + "t.pair SET v = 'y' WHERE id = " + 77 * apart,
                "DELETE FROM " + name + "t.pair WHERE id = " + 78 * apart);
        List<DiffOptions> ways = new ArrayList<>(WAYS);
        ways.add(DiffOptions.DEFAULT.withMode(DiffOptions.Mode.PUSHDOWN).withSizes(0, 64, 5_000));
        for (TableComparison c : comparePair(name, ways)) {
            assertThat(c.samples()).as(c.method().id()).extracting(RowDifference::toString).containsExactly(
                    "different: id=" + 77 * apart + ": v: source 'x', target 'y'", "missing in target: id=" + 78 * apart);
            assertThat(c.sourceRows()).as(c.method().id()).isEqualTo(400);
            if (c.method() != TableComparison.Method.ROWS) {
                assertThat(c.pending()).as(c.method().id()).singleElement().satisfies(range -> {
                    assertThat(Long.parseLong(range.after()[0]) % apart).isZero();
                    assertThat(Long.parseLong(range.upTo()[0]) % apart).isZero();
                });
            }
        }
    }

    @Test
    void equalCopiesReportNothingInEveryWay() throws Exception {
        for (String table : List.of(TABLE, "cdc_test_composite_pk")) {
            String target = copy(table, true);
            for (TableComparison c : compareAllWays(target, table, (t, d) -> d)) {
                assertThat(c.equal()).as(c.method().id() + " " + c.samples()).isTrue();
                assertThat(c.typeOnly()).isZero();
                assertThat(c.sourceRows()).isEqualTo(400);
                assertThat(c.targetRows()).isEqualTo(400);
            }
        }
    }

    @Test
    void declaredConversionsAreEqualAndCountedAsTypeOnly() throws Exception {
        String target = "conv" + COPIES.incrementAndGet();
        sql("CREATE DATABASE " + target, "CREATE TABLE " + target + "." + TABLE + " LIKE src." + TABLE,
                "ALTER TABLE " + target + "." + TABLE + " MODIFY col_decimal DECIMAL(14,4), MODIFY col_datetime DATETIME(6),"
                        + " MODIFY col_char CHAR(60), MODIFY col_time TIME(3), MODIFY col_enum TINYINT",
                "INSERT INTO " + target + "." + TABLE + " SELECT * FROM src." + TABLE,
                "UPDATE " + target + "." + TABLE + " SET col_json = REPLACE(col_json, ', ', ',') WHERE JSON_TYPE(col_json) = 'OBJECT'");
        assertThat(first("SELECT COUNT(*) FROM " + target + "." + TABLE + " WHERE col_enum = 2")).as("ENUM stored as its index")
                .isNotEqualTo("0");
        for (TableComparison c : compareAllWays(target, TABLE, (t, d) -> d)) {
            assertThat(c.equal()).as(c.method().id() + " " + c.samples()).isTrue();
            assertThat(c.typeOnly()).as(c.method().id()).isGreaterThan(300);
        }
        sql("UPDATE " + target + "." + TABLE + " SET col_enum = 4 WHERE col_enum = 1 LIMIT 1");
        for (TableComparison c : compareAllWays(target, TABLE, (t, d) -> d)) {
            assertThat(c.samples()).as(c.method().id()).singleElement().asString().contains("col_enum: source 'A', target 'D'");
        }
    }

    @Test
    void rowsMissingExtraMovedAndDuplicatedAreFoundInEveryWay() throws Exception {
        String target = copy(TABLE, true);
        sql("DELETE FROM " + target + "." + TABLE + " WHERE id = 7",
                "INSERT INTO " + target + "." + TABLE + " (id, col_varchar) VALUES (5000, 'extra')",
                "INSERT INTO " + target + "." + TABLE + " (id, col_varchar) VALUES (-5, 'below every source key')",
                "UPDATE " + target + "." + TABLE + " SET id = 6000 WHERE id = 9");
        for (TableComparison c : compareAllWays(target, TABLE, (t, d) -> d)) {
            assertThat(c.samples()).as(c.method().id()).extracting(RowDifference::toString).containsExactly(
                    "extra in target: id=-5", "missing in target: id=7", "missing in target: id=9",
                    "extra in target: id=5000", "extra in target: id=6000");
        }
        String noKey = copy(TABLE, false);
        sql("INSERT INTO " + noKey + "." + TABLE + " SELECT * FROM src." + TABLE + " WHERE id = 11");
        for (TableComparison c : compareAllWays(noKey, TABLE, (t, d) -> d)) {
            assertThat(c.samples()).as(c.method().id()).extracting(RowDifference::toString)
                    .containsExactly("duplicate key in target: id=11");
        }
    }

    @Test
    void compositeKeysInByteOrderFindEveryKindInEveryWay() throws Exception {
        String table = "cdc_test_composite_pk";
        String target = copy(table, true);
        sql("DELETE FROM " + target + "." + table + " WHERE pk1 = 3 AND pk2 = 'Beta'",
                "UPDATE " + target + "." + table + " SET col_int = IFNULL(col_int, 0) + 1 WHERE pk1 = 5 AND pk2 = '中文'",
                "INSERT INTO " + target + "." + table + " (pk1, pk2) VALUES (5, 'omega')");
        for (TableComparison c : compareAllWays(target, table, (t, d) -> d)) {
            assertThat(c.samples()).as(c.method().id()).extracting(RowDifference::toString).containsExactly(
                    "missing in target: (pk1=3, pk2='Beta')", "extra in target: (pk1=5, pk2='omega')",
                    c.samples().get(2).toString());
            assertThat(c.samples().get(2).toString()).startsWith("different: (pk1=5, pk2='中文'): col_int:");
        }
    }

    @Test
    void historyExplainsStaleCorruptResurrectedExtraAndMissing() throws Exception {
        String source = "hist" + COPIES.incrementAndGet();
        sql("CREATE DATABASE " + source, "CREATE TABLE " + source + "." + TABLE + " LIKE src." + TABLE,
                "INSERT INTO " + source + "." + TABLE + " SELECT * FROM src." + TABLE);
        KeyHistory history = new KeyHistory();
        try (Connection s = db.endpoint().connect(); Connection t = db.endpoint().connect()) {
            TableDiff.Database a = new TableDiff.Database(s, Engine.MARIADB);
            TableDiff.Database b = new TableDiff.Database(t, Engine.MARIADB);
            String target = "histt" + COPIES.incrementAndGet();
            sql("CREATE DATABASE " + target, "CREATE TABLE " + target + "." + TABLE + " LIKE " + source + "." + TABLE,
                    "INSERT INTO " + target + "." + TABLE + " SELECT * FROM " + source + "." + TABLE);
            ComparisonPlan plan = TableDiff.plan(a, source, b, target, TABLE);
            history.snapshot(a, plan);
            sql("UPDATE " + source + "." + TABLE + " SET col_varchar = 'v2' WHERE id = 20",
                    "DELETE FROM " + source + "." + TABLE + " WHERE id = 21");
            history.snapshot(a, plan);
            sql("UPDATE " + target + "." + TABLE + " SET col_varchar = 'garbage' WHERE id = 22",
                    "DELETE FROM " + target + "." + TABLE + " WHERE id = 23",
                    "INSERT INTO " + target + "." + TABLE + " (id, col_varchar) VALUES (9999, 'never')");
            for (DiffOptions way : WAYS) {
                TableComparison c = new TableDiff(way, history).compare(a, b, plan);
                assertThat(c.samples()).as(c.method().id()).extracting(d -> d.key().values().get(0) + " " + d.cause())
                        .containsExactly("20 stale", "21 resurrected", "22 corrupt", "23 missing", "9999 extra");
            }
        }
    }
}
