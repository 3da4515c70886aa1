package io.cdctest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.check.RowDifference;
import io.cdctest.check.DiffOptions;
import io.cdctest.check.TableDiff;
import io.cdctest.check.TableComparison;
import io.cdctest.env.EmbeddedMariaDb;
import io.cdctest.spec.Engine;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Row comparison against two real MariaDB servers. */
class TableComparatorIT {
    @TempDir
    static Path dir;
    private static EmbeddedMariaDb source;
    private static EmbeddedMariaDb target;

    @BeforeAll
    static void start() {
        source = EmbeddedMariaDb.start("source", dir.resolve("s"), dir.resolve("s.log"), 11);
        target = EmbeddedMariaDb.start("target", dir.resolve("t"), dir.resolve("t.log"), 12);
    }

    @AfterAll
    static void stop() {
        source.close();
        target.close();
    }

    private static final String TABLE = """
            CREATE TABLE %s.items (
              k1 INT NOT NULL, k2 VARCHAR(20) NOT NULL, price DECIMAL(10,2), note VARCHAR(50), doc JSON,
              at DATETIME(6), PRIMARY KEY (k1, k2))""";
    private static final String ROWS = """
            INSERT INTO %s.items VALUES
              (1, 'alpha', 1.50, 'a', '{"x": 1, "y": [1, 2]}', '2024-01-01 00:00:00.500000'),
              (1, 'Beta', 2.00, '', NULL, NULL),
              (1, 'z😀', NULL, NULL, '{}', '2024-01-01 00:00:00'),
              (2, 'alpha', 3.25, 'it''s', '[]', '1999-12-31 23:59:59.999999')""";

    private static void sql(EmbeddedMariaDb db, String... statements) throws Exception {
        Statements.run(db.endpoint(), statements);
    }

    private static TableComparison compare(String database, String table) {
        try (Connection s = source.endpoint().connect(); Connection t = target.endpoint().connect()) {
            TableDiff.Database a = new TableDiff.Database(s, Engine.MARIADB);
            TableDiff.Database b = new TableDiff.Database(t, Engine.MARIADB);
            return new TableDiff(DiffOptions.DEFAULT).compare(a, b, TableDiff.plan(a, database, b, database, table));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void equalTablesCompareEqualDespiteFormattingAndCollationOrder() throws Exception {
        for (EmbeddedMariaDb db : new EmbeddedMariaDb[] {source, target}) {
            sql(db, "CREATE DATABASE eq", TABLE.formatted("eq"), ROWS.formatted("eq"));
        }
        sql(target, "UPDATE eq.items SET doc = '{\"y\": [1, 2.0], \"x\": 1}' WHERE k1 = 1 AND k2 = 'alpha'");
        TableComparison result = compare("eq", "items");
        assertThat(result.equal()).as(result.toString()).isTrue();
        assertThat(result.sourceRows()).isEqualTo(4);
        assertThat(result.typeOnly()).isEqualTo(1);
        assertThat(result.summary()).isEqualTo("items: 4 rows equal, 1 equal after a declared conversion");
    }

    @Test
    void everyKindOfDifferenceIsFoundWithKeysAndColumns() throws Exception {
        for (EmbeddedMariaDb db : new EmbeddedMariaDb[] {source, target}) {
            sql(db, "CREATE DATABASE diff", TABLE.formatted("diff"), ROWS.formatted("diff"));
        }
        sql(target,
                "DELETE FROM diff.items WHERE k1 = 1 AND k2 = 'Beta'",
                "INSERT INTO diff.items VALUES (9, 'extra', 0, NULL, NULL, NULL)",
                "UPDATE diff.items SET price = 3.26, note = NULL WHERE k1 = 2",
                "UPDATE diff.items SET at = '2024-01-01 00:00:00.000001' WHERE k2 = 'z😀'");
        TableComparison result = compare("diff", "items");

        assertThat(result.equal()).isFalse();
        assertThat(result.differences()).isEqualTo(4);
        assertThat(result.sourceRows()).isEqualTo(4);
        assertThat(result.targetRows()).isEqualTo(4);
        assertThat(result.samples()).extracting(RowDifference::toString).containsExactly(
                "missing in target: (k1=1, k2='Beta')",
                "different: (k1=1, k2='z😀'): at: source '2024-01-01 00:00:00', target '2024-01-01 00:00:00.000001'",
                "different: (k1=2, k2='alpha'): price: source 3.25, target 3.26; note: source 'it\\'s', target NULL",
                "extra in target: (k1=9, k2='extra')");
    }

    @Test
    void missingTablesAndTablesWithoutKeyAreReportedNotCompared() throws Exception {
        sql(source, "CREATE DATABASE odd", "CREATE TABLE odd.nokey (a INT)", "CREATE TABLE odd.only_source (a INT PRIMARY KEY)");
        sql(target, "CREATE DATABASE odd", "CREATE TABLE odd.nokey (a INT)");
        assertThat(compare("odd", "only_source").schemaProblems())
                .containsExactly("table odd.only_source does not exist on the target");
        assertThat(compare("odd", "nokey").schemaProblems()).singleElement().asString().contains("has no primary key");
    }
}
