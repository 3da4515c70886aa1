package io.cdctest.bench;

import io.cdctest.check.TableComparison;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The programs {@code bench/diff} runs as processes, as users run them, timed from start to exit:
 * {@code cdctest diff} itself and the peers sync-diff-inspector, pt-table-sync and reladiff. A peer
 * that is not on the PATH is skipped, saying so.
 */
final class DiffPeers {
    /** One run of a program: wall time, rows it reported as differing (-1: unknown), what to say. */
    record Outcome(double seconds, long found, String note, boolean failed) {
    }

    /** A program to compare one table of two servers. */
    interface Peer {
        String name();

        /** Why it cannot run here, or empty. */
        Optional<String> skipped();

        Outcome run(Target target) throws Exception;
    }

    /** A database on 127.0.0.1. */
    record Db(String scheme, int port, String user, String password, String database) {
        static Db mariadb(int port) {
            return new Db("mariadb", port, "root", "", "bench");
        }

        String url() {
            return scheme + "://" + user + "@127.0.0.1:" + port + "/" + database;
        }
    }

    /** The table to compare. */
    record Target(Db source, Db target, String table, List<String> keys, List<String> columns, Path work) {
    }

    static final long TIMEOUT_SECONDS = 1800;

    private DiffPeers() {
    }

    static Optional<Path> onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(d -> Path.of(d, program)).filter(Files::isExecutable).findFirst();
    }

    /** Runs a command, its output to a file; wall time from start to exit. */
    record Ran(double seconds, int exit, String output, boolean timedOut, long maxRssKb) {
    }

    static Ran run(List<String> command, Map<String, String> env, Path work) throws Exception {
        Path out = Files.createTempFile(work, "out", ".txt");
        Path rss = Files.createTempFile(work, "rss", ".txt");
        List<String> full = new ArrayList<>();
        boolean timeTool = Files.isExecutable(Path.of("/usr/bin/time"));
        if (timeTool) {
            full.addAll(List.of("/usr/bin/time", "-f", "%M", "-o", rss.toString()));
        }
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
            return new Ran(TIMEOUT_SECONDS, -1, "", true, -1);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String text = Files.readString(out, StandardCharsets.ISO_8859_1);
        long kb = -1;
        if (timeTool) {
            List<String> lines = Files.readAllLines(rss);
            String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1).trim();
            kb = last.matches("\\d+") ? Long.parseLong(last) : -1;
        }
        Files.deleteIfExists(out);
        Files.deleteIfExists(rss);
        return new Ran(seconds, p.exitValue(), text, false, kb);
    }

    /** {@code ./cdctest diff} in one mode, with the heap capped at 512 MB. */
    static Peer cdctest(Path home, String mode) {
        return new Peer() {
            @Override
            public String name() {
                return "cdctest diff --mode " + mode;
            }

            @Override
            public Optional<String> skipped() {
                return Optional.empty();
            }

            @Override
            public Outcome run(Target t) throws Exception {
                Path reports = Files.createTempDirectory(t.work(), "cdctest");
                Ran r = DiffPeers.run(List.of(home.resolve("cdctest").toString(), "diff",
                        "--source", t.source().url(), "--target", t.target().url(),
                        "--tables", t.table(), "--mode", mode, "--report-dir", reports.toString()),
                        Map.of("CDCTEST_JAVA_OPTS", "-Xmx512m -XX:+UseSerialGC",
                                "CDCTEST_SOURCE_PASSWORD", t.source().password(),
                                "CDCTEST_TARGET_PASSWORD", t.target().password()), t.work());
                io.cdctest.env.FileTrees.delete(reports);
                if (r.timedOut()) {
                    return new Outcome(r.seconds(), -1, "did not finish", true);
                }
                Matcher m = Pattern.compile("(\\d+) rows? differs? \\(").matcher(r.output());
                long found = m.find() ? Long.parseLong(m.group(1)) : r.output().contains("rows equal") ? 0 : -1;
                boolean failed = r.exit() > 1 || found < 0;
                String rss = r.maxRssKb() > 0 ? ", peak RSS " + r.maxRssKb() / 1024 + " MB" : "";
                // the way the table was compared, as its line shows it: "(pushdown-then-java-chunks, 2.1 s)"
                Matcher how = Pattern.compile("\\((" + Arrays.stream(TableComparison.Method.values())
                        .map(TableComparison.Method::id).collect(Collectors.joining("|"))
                        + "), ").matcher(r.output());
                String method = how.find() ? ", " + how.group(1) : "";
                return new Outcome(r.seconds(), found, failed ? "exit " + r.exit() + ": " + firstLine(r.output())
                        : "exit " + r.exit() + method + rss, failed);
            }
        };
    }

    /** PingCAP's sync-diff-inspector, 4 checking threads, fix SQL exported (counted as its rows). */
    static Peer syncDiff() {
        return new Peer() {
            @Override
            public String name() {
                return "sync-diff-inspector (4 threads)";
            }

            @Override
            public Optional<String> skipped() {
                return onPath("sync_diff_inspector").isPresent() ? Optional.empty()
                        : Optional.of("sync_diff_inspector is not on the PATH (build it from github.com/pingcap/tiflow, "
                        + "sync_diff_inspector/, see docs/BENCHMARKS.md)");
            }

            @Override
            public Outcome run(Target t) throws Exception {
                Path dir = Files.createTempDirectory(t.work(), "syncdiff");
                Path config = dir.resolve("config.toml");
                boolean renamed = !t.source().database().equals(t.target().database());
                Files.writeString(config, """
                        check-thread-count = 4
                        export-fix-sql = true
                        check-struct-only = false
                        [data-sources.source]
                        host = "127.0.0.1"
                        port = %d
                        user = "%s"
                        password = "%s"
                        %s
                        [data-sources.target]
                        host = "127.0.0.1"
                        port = %d
                        user = "%s"
                        password = "%s"
                        %s
                        [task]
                        output-dir = "%s"
                        source-instances = ["source"]
                        target-instance = "target"
                        target-check-tables = ["%s.%s"]
                        """.formatted(t.source().port(), t.source().user(), t.source().password(),
                        renamed ? "route-rules = [\"rename\"]" : "", t.target().port(), t.target().user(),
                        t.target().password(), renamed ? "[routes.rename]\nschema-pattern = \"" + t.source().database()
                                + "\"\ntarget-schema = \"" + t.target().database() + "\"" : "",
                        dir.resolve("output"), t.target().database(), t.table()));
                Ran r = DiffPeers.run(List.of("sync_diff_inspector", "--config=" + config), Map.of(), t.work());
                long statements = 0;
                Path output = dir.resolve("output");
                if (Files.isDirectory(output)) {
                    try (Stream<Path> files = Files.walk(output)) {
                        for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                            for (String line : Files.readAllLines(f, StandardCharsets.ISO_8859_1)) {
                                if (line.startsWith("REPLACE") || line.startsWith("DELETE")) {
                                    statements++;
                                }
                            }
                        }
                    }
                }
                io.cdctest.env.FileTrees.delete(dir);
                if (r.timedOut()) {
                    return new Outcome(r.seconds(), -1, "did not finish", true);
                }
                boolean failed = r.exit() > 1;
                return new Outcome(r.seconds(), statements, "exit " + r.exit() + (failed ? ": " + lastLine(r.output()) : ""),
                        failed);
            }
        };
    }

    /** Percona's pt-table-sync --print: the statements it prints are its rows. */
    static Peer ptTableSync() {
        return new Peer() {
            @Override
            public String name() {
                return "pt-table-sync --print";
            }

            @Override
            public Optional<String> skipped() {
                return onPath("pt-table-sync").isPresent() ? Optional.empty()
                        : Optional.of("pt-table-sync is not on the PATH (Debian: apt-get install percona-toolkit)");
            }

            @Override
            public Outcome run(Target t) throws Exception {
                Ran r = DiffPeers.run(List.of("pt-table-sync", "--print", "--no-check-slave", "--no-check-triggers",
                        dsn(t.source()) + ",t=" + t.table(), dsn(t.target()) + ",t=" + t.table()), Map.of(), t.work());
                if (r.timedOut()) {
                    return new Outcome(r.seconds(), -1, "did not finish", true);
                }
                long statements = r.output().lines().filter(l -> l.startsWith("REPLACE") || l.startsWith("DELETE")
                        || l.startsWith("INSERT") || l.startsWith("UPDATE")).count();
                // exit 2: differences found (and printed); 1 and others: an error
                boolean failed = r.exit() != 0 && r.exit() != 2;
                return new Outcome(r.seconds(), statements, "exit " + r.exit() + (failed ? ": " + firstLine(r.output()) : ""),
                        failed);
            }
        };
    }

    /** reladiff (PyPI), 4 threads; a crash (a traceback, whatever the exit code) is retried with --skip-sort-results. */
    static Peer reladiff() {
        return new Peer() {
            @Override
            public String name() {
                return "reladiff";
            }

            @Override
            public Optional<String> skipped() {
                return onPath("reladiff").isPresent() ? Optional.empty()
                        : Optional.of("reladiff is not on the PATH (pip install reladiff mysql-connector-python)");
            }

            @Override
            public Outcome run(Target t) throws Exception {
                Outcome plain = once(t, false);
                if (!plain.failed()) {
                    return plain;
                }
                Outcome skip = once(t, true);
                return new Outcome(skip.seconds(), skip.found(), plain.note() + String.format(java.util.Locale.ROOT,
                        " after %.1f s; with --skip-sort-results: ", plain.seconds()) + skip.note(), skip.failed());
            }

            private Outcome once(Target t, boolean skipSort) throws Exception {
                List<String> command = new ArrayList<>(List.of("reladiff", mysqlUrl(t.source()), t.table(),
                        mysqlUrl(t.target()), t.table(), "--threads", "4"));
                for (String k : t.keys()) {
                    command.addAll(List.of("-k", k));
                }
                for (String c : t.columns()) {
                    command.addAll(List.of("-c", c));
                }
                if (skipSort) {
                    command.add("--skip-sort-results");
                }
                Ran r = DiffPeers.run(command, Map.of(), t.work());
                if (r.timedOut()) {
                    return new Outcome(r.seconds(), -1, "did not finish", true);
                }
                // "+ 5, 78719919, ..." and "- 5, 78719918, ...": a differing key is on a + line, a - line or both
                Set<String> keys = new HashSet<>();
                r.output().lines().filter(l -> l.startsWith("- ") || l.startsWith("+ "))
                        .forEach(l -> keys.add(l.substring(2).split(",")[0].trim()));
                // it logs "ERROR - ..." (e.g. when a differing row holds a NULL) and still exits 0
                Optional<String> error = r.output().lines().filter(l -> l.contains("ERROR - ") || l.startsWith("Traceback"))
                        .findFirst();
                boolean crashed = error.isPresent();
                String note = crashed ? "crashed (" + error.get().replaceFirst("^\\[[^]]*\\] ", "") + "), exit " + r.exit()
                        : r.exit() > 1 ? "exit " + r.exit() + ": " + lastLine(r.output()) : "exit " + r.exit();
                return new Outcome(r.seconds(), crashed ? -1 : keys.size(), note, crashed || r.exit() > 1);
            }
        };
    }

    static String dsn(Db db) {
        return "h=127.0.0.1,P=" + db.port() + ",u=" + db.user() + (db.password().isEmpty() ? "" : ",p=" + db.password())
                + ",D=" + db.database();
    }

    static String mysqlUrl(Db db) {
        return "mysql://" + db.user() + (db.password().isEmpty() ? "" : ":" + db.password()) + "@127.0.0.1:" + db.port()
                + "/" + db.database();
    }

    static String firstLine(String text) {
        return text.lines().filter(l -> !l.isBlank()).findFirst().orElse("").trim();
    }

    static String lastLine(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1).trim();
        return last.length() > 120 ? last.substring(0, 120) + "..." : last;
    }
}
