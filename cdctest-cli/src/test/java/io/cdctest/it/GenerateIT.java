package io.cdctest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.check.DiffOptions;
import io.cdctest.check.TableDiff;
import io.cdctest.check.TableComparison;
import io.cdctest.cli.CliRunner;
import io.cdctest.env.EmbeddedMariaDb;
import io.cdctest.generate.TableCatalog;
import io.cdctest.generate.TableDef;
import io.cdctest.spec.Engine;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code cdctest generate} against a real embedded MariaDB, through the CLI. */
class GenerateIT {
    @TempDir
    static Path dir;
    private static EmbeddedMariaDb db;
    private static String port;

    @BeforeAll
    static void start() {
        db = EmbeddedMariaDb.start("generate", dir.resolve("db"), dir.resolve("db.log"), 21);
        port = String.valueOf(db.endpoint().port());
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static CliRunner generate(String... args) {
        List<String> all = new ArrayList<>(List.of("generate", "--host", "127.0.0.1", "--port", port));
        all.addAll(List.of(args));
        return CliRunner.run(all.toArray(String[]::new));
    }

    private static long query(String sql) throws Exception {
        try (Connection c = db.endpoint().connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"basic", "fulltext", "vector", "partition"})
    void everyGroupGeneratesExactRowCounts(String group) throws Exception {
        CliRunner run = generate("--database", "g_" + group, "--group", group, "--count", "10000", "--create-indexes");
        assertThat(run.exitCode()).as(run.err()).isZero();
        for (TableDef table : TableCatalog.group(group)) {
            assertThat(query("SELECT COUNT(*) FROM g_" + group + "." + table.name())).as(table.name()).isEqualTo(10_000);
            assertThat(run.out()).containsPattern(table.name() + " +10000 ");
        }
    }

    @Test
    void sameSeedSameContentWhateverTheThreadsOrMethod() throws Exception {
        assertThat(generate("--database", "same_a", "--group", "all", "--count", "3000", "--seed", "7", "--threads", "1",
                "--method", "insert").exitCode()).isZero();
        assertThat(generate("--database", "same_b", "--group", "all", "--count", "3000", "--seed", "7", "--threads", "4",
                "--method", "load_data").exitCode()).isZero();
        assertThat(generate("--database", "other", "--tables", "cdc_test_base", "--count", "3000", "--seed", "8").exitCode())
                .isZero();
        try (Connection a = db.endpoint().connect(); Connection b = db.endpoint().connect()) {
            TableDiff diff = new TableDiff(DiffOptions.DEFAULT.withMode(DiffOptions.Mode.JAVA));
            TableDiff.Database sa = new TableDiff.Database(a, Engine.MARIADB);
            TableDiff.Database sb = new TableDiff.Database(b, Engine.MARIADB);
            for (TableDef table : TableCatalog.all()) {
                TableComparison same = diff.compare(sa, sb, TableDiff.plan(sa, "same_a", sb, "same_b", table.name()));
                assertThat(same.equal()).as(same.toString()).isTrue();
                assertThat(same.sourceRows()).isEqualTo(3000);
            }
            TableComparison other = diff.compare(sa, sb, TableDiff.plan(sa, "same_a", sb, "other", "cdc_test_base"));
            assertThat(other.differences()).isEqualTo(3000);
        }
    }

    @Test
    void createOnlyCreateIndexesAndIndexesOnlyDoWhatTheySay() throws Exception {
        String fulltextIndexes = "SELECT COUNT(DISTINCT index_name) FROM information_schema.statistics "
                + "WHERE table_schema = '%s' AND table_name = 'cdc_test_fulltext' AND index_type = 'FULLTEXT'";
        assertThat(generate("--database", "idx", "--group", "fulltext", "--create-only").exitCode()).isZero();
        assertThat(query("SELECT COUNT(*) FROM idx.cdc_test_fulltext")).isZero();
        assertThat(query(fulltextIndexes.formatted("idx"))).isZero();

        assertThat(generate("--database", "idx", "--group", "fulltext", "--indexes-only").exitCode()).isZero();
        assertThat(query(fulltextIndexes.formatted("idx"))).isEqualTo(3);
        assertThat(query("SELECT COUNT(*) FROM idx.cdc_test_fulltext")).isZero();

        assertThat(generate("--database", "idx2", "--group", "fulltext", "--count", "500").exitCode()).isZero();
        assertThat(query(fulltextIndexes.formatted("idx2"))).isZero();
        assertThat(generate("--database", "idx3", "--group", "fulltext", "--count", "500", "--create-indexes").exitCode()).isZero();
        assertThat(query(fulltextIndexes.formatted("idx3"))).isEqualTo(3);
        assertThat(query("SELECT COUNT(*) FROM idx3.cdc_test_fulltext WHERE MATCH(content) AGAINST('pipeline')")).isPositive();
    }

    @Test
    void badArgumentsFailWithOneLineAndChangeNothing() throws Exception {
        assertThat(generate("--database", "keep", "--tables", "cdc_test_base", "--count", "50").exitCode()).isZero();
        long checksum = query("SELECT SUM(CRC32(CONCAT_WS('|', id, col_varchar, col_json))) FROM keep.cdc_test_base");

        CliRunner existing = generate("--database", "keep", "--group", "basic", "--count", "10");
        assertThat(existing.exitCode()).isEqualTo(2);
        assertThat(existing.err().lines().filter(l -> l.startsWith("cdctest:")).toList()).containsExactly(
                "cdctest: table keep.cdc_test_base at 127.0.0.1:" + port
                        + " already holds 50 rows; use --drop-existing to replace it");
        assertThat(query("SELECT SUM(CRC32(CONCAT_WS('|', id, col_varchar, col_json))) FROM keep.cdc_test_base"))
                .isEqualTo(checksum);
        assertThat(query("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'keep'")).isEqualTo(1);

        CliRunner group = generate("--database", "keep", "--group", "everything");
        assertThat(group.exitCode()).isEqualTo(2);
        assertThat(group.err()).contains("Invalid value for option '--group'");
        CliRunner count = generate("--database", "keep", "--count", "-1");
        assertThat(count.exitCode()).isEqualTo(2);
        assertThat(count.err().strip()).isEqualTo("cdctest: --count must be 0 or more, got -1");
        assertThat(count.out()).isEmpty();
        CliRunner host = CliRunner.run("generate", "--host", "127.0.0.1", "--port", "1", "--database", "keep");
        assertThat(host.exitCode()).isEqualTo(3);
        assertThat(host.err().strip()).startsWith("cdctest: cannot connect to database mysql at 127.0.0.1:1:")
                .doesNotContain("\n");
        assertThat(query("SELECT COUNT(*) FROM keep.cdc_test_base")).isEqualTo(50);

        CliRunner replaced = generate("--database", "keep", "--tables", "cdc_test_base", "--count", "20", "--drop-existing");
        assertThat(replaced.exitCode()).isZero();
        assertThat(query("SELECT COUNT(*) FROM keep.cdc_test_base")).isEqualTo(20);
    }
}
