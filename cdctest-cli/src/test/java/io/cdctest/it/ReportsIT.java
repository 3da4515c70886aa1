package io.cdctest.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdctest.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user sees of a quickstart run with writes and one sabotaged table: the lag per table on
 * the console and in every report, the HTML report's lag charts and difference table (and a
 * screenshot in headless Chromium where it is installed), the Markdown summary, and the replay
 * bundle whose one-line command reproduces the failure and nothing else.
 */
class ReportsIT {

    @Test
    void lagReportsAndAReplayThatReproducesTheFailure(@TempDir Path dir) throws Exception {
        Path testcases = dir.resolve("reports_tests.yaml");
        Files.writeString(testcases, """
                test_groups:
                  all: [LAG1, SAB1]
                test_cases:
                  - id: LAG1
                    name: Writes reach the target
                    table: cdc_test_base
                    steps:
                      - {action: insert, count: 30}
                      - {action: update, count: 15}
                      - {action: delete, count: 5}
                      - {action: validate_sync}
                  - id: SAB1
                    name: A row deleted on the target is caught
                    table: cdc_test_base
                    steps:
                      - {action: validate_sync}
                      - {action: sql, on: target, sql: "DELETE FROM cdc_test_base WHERE id = 1"}
                      - {action: validate_sync, timeout: 4}
                """);
        Path reports = dir.resolve("reports");
        CliRunner run = CliRunner.run("--scenario", "quickstart", "--testcase", testcases.toString(), "--group", "all",
                "--set", "data.rows=200", "--report-dir", reports.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).containsPattern("lag  cdc_test_base +p50 \\d+ ms, p95 \\d+ ms, max \\d+ ms over \\d+ keys")
                .contains("pipeline start ").contains("replay: ");

        JsonNode summary = new ObjectMapper().readTree(reports.resolve("summary.json").toFile());
        JsonNode lag = summary.path("lag_ms").path("tables").path("cdc_test_base");
        // 30 inserted, 15 updated, 5 deleted: a key changed again before the target showed it counts once
        assertThat(lag.path("keys").asLong()).as("keys followed").isBetween(35L, 50L);
        assertThat(lag.path("max").asLong()).isGreaterThanOrEqualTo(lag.path("p50").asLong()).isPositive();
        assertThat(summary.path("lag_ms").path("steps").size()).isEqualTo(3);
        assertThat(Files.readString(reports.resolve("junit.xml"))).contains("<property name=\"lag.cdc_test_base.p95_ms\"");

        String html = Files.readString(reports.resolve("report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("<script").doesNotContain("http://")
                .contains("<svg class=\"lag-chart\" data-table=\"cdc_test_base\"");
        Matcher bars = Pattern.compile("<rect x=\"90\" y=\"\\d+\" width=\"(\\d+)\"").matcher(html);
        long drawn = 0;
        while (bars.find()) {
            drawn += Integer.parseInt(bars.group(1)) > 0 ? 1 : 0;
        }
        assertThat(drawn).as("bars with keys in the lag chart").isPositive();
        Matcher difference = Pattern.compile("<table id=\"differences\">.*?</table>", Pattern.DOTALL).matcher(html);
        assertThat(difference.find()).as("a difference table").isTrue();
        assertThat(difference.group()).contains("<td>SAB1</td><td>cdc_test_base</td><td>id=1</td><td>missing</td>");
        Matcher logLink = Pattern.compile("<a href=\"(logs/[^\"]+)\">").matcher(html);
        assertThat(logLink.find()).isTrue();
        assertThat(reports.resolve(logLink.group(1))).exists();
        screenshotWhereChromiumIs(reports.resolve("report.html"), dir);

        String markdown = Files.readString(reports.resolve("summary.md"));
        assertThat(markdown).contains("| LAG1 | Writes reach the target | ✅ PASSED |", "| SAB1 |", "| cdc_test_base | " + lag.path("keys").asLong() + " |",
                "| cdc_test_base | id=1 | missing | missing |");

        Path replay = reports.resolve("replay");
        assertThat(replay.resolve("writes.log")).content().contains("cdc_test_base");
        assertThat(replay.resolve("logs")).isDirectory();
        assertThat(replay.resolve("scenario.yaml")).exists();
        String command = Files.readString(replay.resolve("command.txt")).strip();
        assertThat(command).contains("--id SAB1").doesNotContain("LAG1").contains("--set data.seed=42");
        List<String> args = Arrays.asList(command.split(" "));
        CliRunner again = CliRunner.run(args.subList(1, args.size()).toArray(String[]::new));
        assertThat(again.exitCode()).as(again.out()).isEqualTo(1);
        assertThat(again.out()).contains("1 testcase: 0 passed, 1 failed").contains("missing in target: id=1");
    }

    /** Headless Chromium renders the report; where it is not installed the structure checks above stand alone. */
    private static void screenshotWhereChromiumIs(Path html, Path dir) throws Exception {
        String chromium = Stream.of("chromium", "chromium-browser", "google-chrome")
                .map(name -> Stream.of(System.getenv("PATH").split(":")).map(p -> Path.of(p, name))
                        .filter(Files::isExecutable).findFirst().orElse(null))
                .filter(java.util.Objects::nonNull).map(Path::toString).findFirst().orElse(null);
        if (chromium == null) {
            System.out.println("ReportsIT: no Chromium on PATH; the HTML report is checked by structure only");
            return;
        }
        Path png = dir.resolve("report.png");
        Process shot = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1200,1600",
                "--screenshot=" + png, html.toUri().toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("chromium.log").toFile()).start();
        assertThat(shot.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(png).exists();
        assertThat(Files.size(png)).as("a rendered page, not a blank one").isGreaterThan(20_000);
        Process dom = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom",
                html.toUri().toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String rendered = new String(dom.getInputStream().readAllBytes());
        assertThat(dom.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(rendered).contains("lag-chart").contains("id=\"differences\"");
    }
}
