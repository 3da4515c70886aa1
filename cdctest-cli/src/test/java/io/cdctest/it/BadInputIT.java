package io.cdctest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad inputs that need a real environment (docs/BAD_INPUT.md lists them with the file-only
 * ones): a wrong password, an unreachable host, a missing table or database, a table without a
 * primary key, a source without a ROW binary log, a port in use, a target database holding
 * tables the run did not create, a Kafka that does not answer... Each must end with one line
 * naming the cause, exit 2 or 3, no stack trace, no password, and no change to any database:
 * the server's schemas, tables and table checksums are the same before and after.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {
    private static final String PASSWORD = "Bad-Input-Pw-31";

    private Path dir;
    private GuardedMariaDb server;
    private GuardedMariaDb noBinlog;

    /** One bad input: a scenario built on the servers, extra arguments, the exit code and the words expected. */
    record Case(String name, Function<BadInputIT, String> scenario, List<String> args, int exit, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void startServers() throws Exception {
        dir = Files.createTempDirectory("cdctest-badinput-it");
        server = GuardedMariaDb.start(dir.resolve("server"), 61, PASSWORD, List.of());
        noBinlog = GuardedMariaDb.start(dir.resolve("nobinlog"), 62, PASSWORD, List.of("--skip-log-bin"));
        for (GuardedMariaDb s : List.of(server, noBinlog)) {
            s.execute("CREATE DATABASE shop", "CREATE TABLE shop.orders (id INT PRIMARY KEY, note VARCHAR(20))",
                    "INSERT INTO shop.orders VALUES (1, 'a'), (2, 'b')", "CREATE TABLE shop.audit_log (at DATETIME, what TEXT)",
                    "INSERT INTO shop.audit_log VALUES (NOW(), 'kept')", "CREATE DATABASE warehouse",
                    "CREATE TABLE warehouse.customers (id INT PRIMARY KEY, name TEXT)",
                    "INSERT INTO warehouse.customers VALUES (7, 'not cdctest''s')");
        }
    }

    @AfterAll
    void stopServers() throws Exception {
        noBinlog.close();
        server.close();
        io.cdctest.env.FileTrees.delete(dir);
    }

    /** The cases, also read by BadInputListTest to keep docs/BAD_INPUT.md in step. */
    static Stream<Case> cases() {
        return Stream.of(
                new Case("wrong password", t -> t.flinkCdc(t.source("shop").replace(PASSWORD, "wrong"), t.embeddedTarget()),
                        List.of(), 3, "preflight: source login: cannot connect to source mariadb at 127.0.0.1:"),
                new Case("unreachable host", t -> t.flinkCdc("{type: mysql, host: 127.0.0.1, port: 1, database: shop}",
                        t.embeddedTarget()), List.of(), 3, "preflight: source reachable: nothing answers at 127.0.0.1:1"),
                new Case("unknown host", t -> t.flinkCdc("{type: mysql, host: no-such-host.invalid, database: shop}",
                        t.embeddedTarget()), List.of(), 3, "nothing answers at no-such-host.invalid:3306"),
                new Case("missing table", t -> t.flinkCdc(t.source("shop"), t.embeddedTarget(), "[orders, refunds]"),
                        List.of(), 3, "table shop.refunds does not exist on the source 127.0.0.1:"),
                new Case("table without primary key", t -> t.flinkCdc(t.source("shop"), t.embeddedTarget(), "[audit_log]"),
                        List.of(), 3, "table shop.audit_log has no primary key"),
                new Case("missing source database", t -> t.flinkCdc(t.source("shopp"), t.embeddedTarget()),
                        List.of(), 3, "database shopp does not exist at 127.0.0.1:"),
                new Case("binary log off", t -> t.flinkCdc(t.source(t.noBinlog, "shop"), t.embeddedTarget()),
                        List.of(), 3, "preflight: source binlog: log_bin is OFF"),
                new Case("wrong target password", t -> t.flinkCdc(t.source("shop"),
                        t.target("warehouse").replace(PASSWORD, "wrong")), List.of(), 3,
                        "preflight: target login: cannot connect to target mariadb at 127.0.0.1:"),
                new Case("target database holds foreign tables", t -> t.flinkCdc(t.source("shop"), t.target("warehouse")),
                        List.of(), 3, "target database warehouse at 127.0.0.1:"),
                new Case("port in use", t -> t.flinkCdc("{type: mariadb, provision: embedded, port: " + t.server.port()
                        + ", database: s}", t.embeddedTarget()), List.of(), 3, "source port: port " ),
                new Case("kafka unreachable", t -> t.flinkCdc(t.source("shop"), t.embeddedTarget())
                        .replace("kafka: {provision: embedded}", "kafka: {provision: external, bootstrap_servers: '127.0.0.1:1'}"),
                        List.of(), 3, "preflight: kafka: "),
                new Case("data.sql fails", t -> t.flinkCdc(t.source("shop"), t.embeddedTarget())
                        + "data: {sql: ['CREATE TABLE broken (']}\n", List.of(), 2, "data.sql: "),
                new Case("unwritable report directory", t -> t.flinkCdc(t.source("shop"), t.embeddedTarget()),
                        List.of("--report-dir", "/dev/null/reports"), 2, "--report-dir /dev/null/reports: not writable"),
                new Case("--set path that does not exist", t -> t.flinkCdc(t.source("shop"), t.embeddedTarget()),
                        List.of("--set", "source.tls.mode=on"), 2, "--set source.tls.mode: unknown key 'tls' in source"),
                new Case("unknown testcase file", t -> t.flinkCdc(t.source("shop"), t.embeddedTarget()),
                        List.of("--testcase", "no_such_tests.yaml"), 2, "testcase file no_such_tests.yaml: file not found"),
                new Case("unknown group", t -> t.flinkCdc(t.source("shop"), t.embeddedTarget()),
                        List.of("--group", "basik"), 2, "quickstart_tests.yaml: unknown group 'basik' (known: basic"),
                new Case("mo-service binary missing", t -> t.flinkCdc(t.source("shop"), "{type: matrixone, provision: local, "
                        + "binary: /nonexistent/mo-service, database: w}"), List.of(), 3,
                        "preflight: target binary: target.binary: /nonexistent/mo-service is not an executable file"),
                new Case("engines the pipeline does not join", t -> String.join("\n", "scenario_type: mo_to_mo",
                        "source: " + t.source("shop"), "target: {type: matrixone, host: 127.0.0.1, port: 1, database: w}", ""),
                        List.of(), 2, "source.type: scenario_type mo_to_mo needs matrixone, got mariadb"),
                new Case("scenario file missing", t -> null, List.of("--scenario", "/nonexistent/s.yaml"), 2,
                        "scenario /nonexistent/s.yaml: file not found"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void endsWithOneLineAndChangesNoDatabase(Case c) throws Exception {
        String before = fingerprint(server) + fingerprint(noBinlog);
        List<String> args = new ArrayList<>();
        String yaml = c.scenario().apply(this);
        if (yaml != null) {
            Path file = dir.resolve(c.name().replaceAll("\\W+", "_") + ".yaml");
            Files.writeString(file, yaml);
            args.addAll(List.of("--scenario", file.toString()));
        }
        if (!c.args().contains("--report-dir")) {
            args.addAll(List.of("--report-dir", dir.resolve("reports").resolve(c.name().replaceAll("\\W+", "_")).toString()));
        }
        if (!c.args().contains("--group")) {
            args.addAll(List.of("--group", "basic"));
        }
        args.addAll(c.args());
        CliRunner run = CliRunner.run(args.toArray(String[]::new));
        String all = run.out() + run.err();
        assertThat(run.exitCode()).as(all).isEqualTo(c.exit());
        List<String> lines = all.lines().filter(l -> l.contains(c.expected())).toList();
        assertThat(lines).as("the line naming the cause in:\n" + all).hasSize(1);
        assertThat(all).doesNotContain("Exception", "\tat ", PASSWORD);
        if (c.expected().contains("login")) {
            assertThat(lines.get(0)).contains("Access denied for user 'cdc'");
        }
        assertThat(fingerprint(server) + fingerprint(noBinlog)).as("databases after the run").isEqualTo(before);
    }

    private String flinkCdc(String source, String target) {
        return flinkCdc(source, target, "[orders]");
    }

    private String flinkCdc(String source, String target, String tables) {
        return String.join("\n", "scenario_type: flink_cdc", "testcase: quickstart_tests.yaml", "source: " + source,
                "target: " + target, "kafka: {provision: embedded}", "flink_cdc: {tables: " + tables + "}", "");
    }

    private String source(String database) {
        return source(server, database);
    }

    private String source(GuardedMariaDb on, String database) {
        return "{type: mariadb, host: 127.0.0.1, port: " + on.port() + ", user: cdc, password: '" + PASSWORD
                + "', database: " + database + "}";
    }

    private String target(String database) {
        return source(database);
    }

    private String embeddedTarget() {
        return "{type: mariadb, provision: embedded, database: t}";
    }

    /** Every schema, table and table checksum of a server. */
    private static String fingerprint(GuardedMariaDb server) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = server.endpoint(null).connect(); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT table_schema, table_name FROM information_schema.tables "
                    + "WHERE table_schema NOT IN ('mysql', 'information_schema', 'performance_schema', 'sys') "
                    + "ORDER BY 1, 2")) {
                while (rs.next()) {
                    tables.add("`" + rs.getString(1) + "`.`" + rs.getString(2) + "`");
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT schema_name FROM information_schema.schemata ORDER BY 1")) {
                while (rs.next()) {
                    out.append(rs.getString(1)).append(' ');
                }
            }
            for (String table : tables) {
                try (ResultSet rs = st.executeQuery("CHECKSUM TABLE " + table)) {
                    rs.next();
                    out.append('\n').append(table).append(' ').append(rs.getLong(2));
                }
            }
        }
        return out.toString();
    }
}
