package io.cdctest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full run against password-protected source and target servers, looking for the password in
 * everything the run leaves or shows: console output (verbose), every file of the report
 * directory (logs, JUnit XML, JSON), the command lines of every process it starts, and files of
 * its work directory that are readable by others. The same for doctor, plan and a failing login.
 */
class SecretLeakIT {
    private static final String PASSWORD = "Canary-7f3a9e-Pw";

    @Test
    void thePasswordAppearsInNoOutputOfAFullRun(@TempDir Path dir) throws Exception {
        try (GuardedMariaDb server = GuardedMariaDb.start(dir.resolve("server"), 91, PASSWORD, List.of())) {
            Path scenario = dir.resolve("guarded.yaml");
            Files.writeString(scenario, String.join("\n",
                    "scenario_type: flink_cdc",
                    "testcase: quickstart_tests.yaml",
                    "source: {type: mariadb, host: 127.0.0.1, port: " + server.port() + ", user: cdc, password: '"
                            + PASSWORD + "', database: leak_src}",
                    "target: {type: mariadb, host: 127.0.0.1, port: " + server.port() + ", user: cdc, password: '"
                            + PASSWORD + "', database: leak_dst}",
                    "kafka: {provision: embedded}",
                    "flink_cdc: {tables: [cdc_test_base, cdc_test_composite_pk], checkpoint_interval: 2s}",
                    "data: {rows: 300, seed: 7}",
                    "validation: {check_interval: 2s, max_wait_time: 120s}", ""));
            List<String> databasesBefore = databases(server);
            Path reports = dir.resolve("reports");
            Set<String> commandLines = ConcurrentHashMap.newKeySet();
            Set<String> exposedFiles = ConcurrentHashMap.newKeySet();
            CompletableFuture<CliRunner> run = CompletableFuture.supplyAsync(() -> CliRunner.run("-v", "--scenario",
                    scenario.toString(), "--group", "basic", "--report-dir", reports.toString()));
            while (!run.isDone()) {
                ProcessHandle.current().descendants().forEach(p -> commandLines.add(commandLine(p)));
                exposedFiles.addAll(readableByOthersWithSecret());
                Thread.sleep(300);
            }
            CliRunner result = run.join();
            assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
            assertThat(databases(server)).as("the run's databases on a server it was given are dropped")
                    .isEqualTo(databasesBefore);
            assertThat(commandLines).as("processes seen during the run").hasSizeGreaterThanOrEqualTo(3)
                    .noneMatch(c -> c.contains(PASSWORD));
            assertThat(exposedFiles).as("work files holding the password that others may read").isEmpty();
            assertThat(result.out() + result.err()).doesNotContain(PASSWORD);
            List<Path> files = filesUnder(reports);
            assertThat(files).as("report files").anyMatch(f -> f.toString().endsWith(".xml"))
                    .anyMatch(f -> f.toString().endsWith(".log"));
            for (Path file : files) {
                assertThat(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain(PASSWORD);
            }

            for (String[] args : List.of(new String[] {"doctor", "--scenario", scenario.toString()},
                    new String[] {"plan", "--scenario", scenario.toString()},
                    new String[] {"-v", "--scenario", scenario.toString(), "--group", "basic", "--report-dir",
                            dir.resolve("wrong").toString(), "--set", "source.password=" + PASSWORD + "x"})) {
                CliRunner other = CliRunner.run(args);
                assertThat(other.out() + other.err()).as(String.join(" ", args)).doesNotContain(PASSWORD)
                        .isNotBlank();
            }
            assertThat(filesUnder(dir.resolve("wrong"))).allSatisfy(f ->
                    assertThat(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(PASSWORD));
        }
    }

    private static List<String> databases(GuardedMariaDb server) throws java.sql.SQLException {
        List<String> names = new ArrayList<>();
        try (var c = server.endpoint(null).connect(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT schema_name FROM information_schema.schemata ORDER BY 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static String commandLine(ProcessHandle p) {
        try {
            return String.join(" ", Files.readAllLines(Path.of("/proc", String.valueOf(p.pid()), "cmdline"))).replace('\0', ' ');
        } catch (Exception e) {
            return p.info().commandLine().orElse("");
        }
    }

    /** Files of running cdctest work directories that hold the password and that others than the owner may read. */
    private static List<String> readableByOthersWithSecret() {
        List<String> found = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            for (Path work : dirs.filter(p -> p.getFileName().toString().startsWith("cdctest-")).toList()) {
                for (Path file : filesUnder(work)) {
                    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
                    boolean shared = !Collections.disjoint(perms, EnumSet.of(PosixFilePermission.GROUP_READ,
                            PosixFilePermission.OTHERS_READ));
                    if (shared && Files.size(file) < 4_000_000 && new String(Files.readAllBytes(file),
                            java.nio.charset.StandardCharsets.ISO_8859_1).contains(PASSWORD)) {
                        found.add(file + " " + PosixFilePermission.class.getSimpleName() + " " + perms);
                    }
                }
            }
        } catch (Exception e) {
            // a directory removed while walking it: the run tore it down
        }
        return found;
    }

    private static List<Path> filesUnder(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (Exception e) {
            return List.of();
        }
    }
}
