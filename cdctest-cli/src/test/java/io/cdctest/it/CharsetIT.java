package io.cdctest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.cli.CliRunner;
import io.cdctest.generate.TableCatalog;
import io.cdctest.spec.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Servers whose default character set is latin1 (MySQL 5.7's default, a MariaDB without
 * configuration), given to cdctest as external endpoints: {@code cdctest generate}, the tables a run
 * creates on the source and the consumer's target tables hold every value (Chinese, emoji), and a
 * given target table whose own character set cannot hold them makes the run say so in one line
 * naming table, column and character set.
 */
class CharsetIT {
    private static final String PASSWORD = "latin-pw";
    private static final List<String> LATIN1 = List.of("--character-set-server=latin1", "--collation-server=latin1_swedish_ci");

    @TempDir
    static Path dir;
    private static GuardedMariaDb source;
    private static GuardedMariaDb target;

    @BeforeAll
    static void start() throws Exception {
        source = GuardedMariaDb.start(dir.resolve("source"), 41, PASSWORD, LATIN1);
        target = GuardedMariaDb.start(dir.resolve("target"), 42, PASSWORD, LATIN1);
        for (GuardedMariaDb server : List.of(source, target)) {
            try (Connection c = server.endpoint(null).connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT @@character_set_server")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("latin1");
            }
        }
    }

    @AfterAll
    static void stop() {
        if (source != null) {
            source.close();
        }
        if (target != null) {
            target.close();
        }
    }

    @Test
    void generateFillsEveryTableOfItsCatalogOnALatin1Server() throws Exception {
        CliRunner run = generate("generated", "all");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        try (Connection c = source.endpoint("generated").connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM cdc_test_base WHERE col_varchar_null = '中文字符'"
                     + " OR col_varchar = 'emoji 😀🚀'")) {
            rs.next();
            assertThat(rs.getLong(1)).as("rows holding Chinese or emoji").isPositive();
        }
    }

    @Test
    void aFlinkCdcRunBetweenLatin1ServersPasses() throws Exception {
        Path scenario = dir.resolve("latin1.yaml");
        Files.writeString(scenario, String.join("\n", "scenario_type: flink_cdc",
                "source: " + endpoint(source, "shop"), "target: " + endpoint(target, "warehouse"),
                "flink_cdc: {tables: [cdc_test_base, cdc_test_composite_pk]}", "data: {rows: 200}", ""));
        CliRunner run = CliRunner.run("--scenario", scenario.toString(), "--testcase", "quickstart_tests.yaml", "--group",
                "basic", "--report-dir", dir.resolve("reports-run").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("6 testcases: 6 passed");
    }

    @Test
    void aGivenTargetTableThatCannotHoldTheValuesIsNamedWithItsColumnAndCharacterSet() throws Exception {
        assertThat(generate("orders", "basic").exitCode()).isZero();
        String utf8mb4 = TableCatalog.find("cdc_test_base").orElseThrow().createSql("legacy", Engine.MARIADB);
        target.execute("CREATE DATABASE legacy", utf8mb4.replace(Engine.MARIADB.utf8mb4(), "")); // the server's latin1
        Path scenario = dir.resolve("given.yaml");
        Files.writeString(scenario, String.join("\n", "scenario_type: flink_cdc",
                "source: " + endpoint(source, "orders"),
                "target: " + endpoint(target, "legacy").replace("}", ", disposable: true}"),
                "flink_cdc: {tables: [cdc_test_base]}", "validation: {max_wait_time: 60}", ""));
        CliRunner run = CliRunner.run("--scenario", scenario.toString(), "--testcase", "quickstart_tests.yaml", "--group",
                "snapshot", "--report-dir", dir.resolve("reports-given").toString());
        String all = run.out() + run.err();
        assertThat(run.exitCode()).as(all).isEqualTo(1);
        assertThat(all.lines().filter(l -> l.contains("cannot hold the value")).toList()).as(all).singleElement().asString()
                .contains("target table legacy.cdc_test_base column ", " (character set latin1) cannot hold the value: "
                        + "Incorrect string value: ");
    }

    private static CliRunner generate(String database, String group) {
        return CliRunner.run("generate", "--host", "127.0.0.1", "--port", String.valueOf(source.port()), "--user",
                GuardedMariaDb.USER, "--password", PASSWORD, "--database", database, "--group", group, "--count", "300");
    }

    private static String endpoint(GuardedMariaDb server, String database) {
        return "{type: mariadb, host: 127.0.0.1, port: " + server.port() + ", user: " + GuardedMariaDb.USER + ", password: '"
                + PASSWORD + "', database: " + database + "}";
    }
}
