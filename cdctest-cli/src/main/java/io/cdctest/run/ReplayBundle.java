package io.cdctest.run;

import io.cdctest.CdctestHome;
import io.cdctest.report.RunReport;
import io.cdctest.report.Status;
import io.cdctest.report.TestcaseResult;
import io.cdctest.spec.Endpoint;
import io.cdctest.spec.Scenario;
import io.cdctest.workload.WriteLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What a failed run leaves to reproduce it ({@code <report dir>/replay/}): the scenario and
 * testcase files as run (passwords replaced by {@code ${CDCTEST_<ROLE>_PASSWORD}}), the overrides
 * and seed, the harness's write log, the differences (summary.json and fix SQL), the component
 * logs, and {@code command.txt}: one line that runs the failing testcases again the same way.
 */
final class ReplayBundle {
    private ReplayBundle() {
    }

    /** Writes the bundle; returns the command, or null when the run passed. */
    static String write(CdctestHome home, Scenario scenario, Path testcaseFile, RunReport report, RunOptions options,
                        WriteLog log) {
        if (report.exitCode().code() == 0) {
            return null;
        }
        Path dir = options.reportDir().resolve("replay");
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("scenario.yaml"), scrubbed(scenario, Files.readString(scenario.file())));
            Files.copy(testcaseFile, dir.resolve("testcases.yaml"), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(dir.resolve("writes.log"), writes(log));
            copy(options.reportDir().resolve("summary.json"), dir.resolve("differences.json"));
            copyTree(options.reportDir().resolve("fix"), dir.resolve("fix"));
            copyTree(options.reportDir().resolve("logs"), dir.resolve("logs"));
            String command = command(home, scenario, report, options, dir);
            Files.writeString(dir.resolve("command.txt"), command + "\n");
            Files.writeString(dir.resolve("README.md"), readme(scenario, report, options, command));
            return command;
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(ReplayBundle.class).warn("cannot write the replay bundle: {}", e.getMessage());
            return null;
        }
    }

    /** The same scenario and overrides (passwords left to the environment), the failing testcases only. */
    static String command(CdctestHome home, Scenario scenario, RunReport report, RunOptions options, Path dir) {
        List<String> args = new ArrayList<>(List.of(home.root().resolve("cdctest").toString(), "--scenario",
                scenario.file().toString(), "--testcase", dir.resolve("testcases.yaml").toString()));
        List<String> failing = report.testcases().stream().filter(t -> t.status() != Status.PASSED
                && t.status() != Status.SKIPPED).map(TestcaseResult::id).toList();
        if (!failing.isEmpty()) {
            args.addAll(List.of("--id", String.join(",", failing)));
        } else if (report.group() != null) {
            args.addAll(List.of("--group", report.group()));
        }
        for (String override : options.overrides()) {
            if (!secret(override)) {
                args.addAll(List.of("--set", override));
            }
        }
        if (scenario.data() != null) {
            args.addAll(List.of("--set", "data.seed=" + scenario.data().seed()));
        }
        if (options.timeoutScale() != 1.0) {
            args.addAll(List.of("--timeout-scale", String.valueOf(options.timeoutScale())));
        }
        args.addAll(List.of("--report-dir", dir.resolve("rerun").toString()));
        return String.join(" ", args.stream().map(ReplayBundle::quoted).toList());
    }

    private static boolean secret(String override) {
        String key = override.split("=", 2)[0].toLowerCase(Locale.ROOT);
        return key.contains("password") || key.contains("secret") || key.contains("token");
    }

    /**
     * The scenario text with each endpoint's password (and each of the pipeline's secrets, such as {@code custom.secrets}), where written
     * literally, replaced by an environment reference.
     */
    static String scrubbed(Scenario scenario, String text) {
        String out = text;
        for (Endpoint e : List.of(scenario.source(), scenario.target())) {
            out = reference(out, "password", e.password().reveal(), "CDCTEST_" + e.role().name() + "_PASSWORD");
        }
        for (var secret : scenario.settings().secrets().entrySet()) { // the pipeline's own secrets, the same way
            out = reference(out, secret.getKey(), secret.getValue().reveal(),
                    "CDCTEST_SECRET_" + secret.getKey().toUpperCase(Locale.ROOT));
        }
        return out;
    }

    /** {@code key: value} (quoted or not) becomes {@code key: "${VARIABLE}"}, quoted so flow maps stay valid YAML. */
    private static String reference(String text, String key, String value, String variable) {
        if (value.isEmpty()) {
            return text;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(" + java.util.regex.Pattern.quote(key)
                + "\\s*:\\s*)([\"']?)" + java.util.regex.Pattern.quote(value) + "\\2").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String quote = m.group(2).isEmpty() ? "\"" : m.group(2);
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(m.group(1) + quote + "${" + variable + "}" + quote));
        }
        return m.appendTail(out).toString();
    }

    private static String writes(WriteLog log) {
        StringBuilder out = new StringBuilder("# the harness's writes on the source: time, table, kind, rows, statement\n");
        for (WriteLog.Write w : log.writes()) {
            out.append(w.at()).append('\t').append(w.table()).append('\t').append(w.kind()).append('\t').append(w.rows())
                    .append('\t').append(w.statement() == null ? "" : w.statement().replace('\n', ' ')).append('\n');
        }
        return out.toString();
    }

    private static String readme(Scenario scenario, RunReport report, RunOptions options, String command) {
        StringBuilder out = new StringBuilder("# Replay of cdctest run " + report.runId() + "\n\n");
        out.append("Result: ").append(report.exitCode().meaning()).append(" (exit ").append(report.exitCode().code())
                .append(").\n\nRun again, from anywhere:\n\n```\n").append(command).append("\n```\n\n");
        boolean literal = Stream.of(scenario.source(), scenario.target()).anyMatch(e -> !e.password().reveal().isEmpty());
        if (literal || options.overrides().stream().anyMatch(ReplayBundle::secret)) {
            out.append("Passwords are not kept here: export CDCTEST_SOURCE_PASSWORD / CDCTEST_TARGET_PASSWORD "
                    + "(scenario.yaml refers to them) or give them as the original run did.\n\n");
        }
        out.append("""
                | file | what |
                |---|---|
                | `scenario.yaml` | the scenario as run (passwords replaced by environment references) |
                | `testcases.yaml` | the testcase file as run |
                | `command.txt` | the command above |
                | `writes.log` | the harness's writes on the source, in order |
                | `differences.json` | the run's summary with every difference found |
                | `fix/` | SQL that would make the target equal the source, per table |
                | `logs/` | the component logs (producer, consumer, broker, databases) |
                """);
        return out.toString();
    }

    private static void copy(Path from, Path to) throws IOException {
        if (Files.isRegularFile(from)) {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static String quoted(String arg) {
        return arg.matches("[A-Za-z0-9_./:=,@+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}
