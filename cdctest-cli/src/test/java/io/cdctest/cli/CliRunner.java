package io.cdctest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs cdctest command lines in-process and keeps exit code, stdout and stderr. */
public record CliRunner(int exitCode, String out, String err) {

    public static CliRunner run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRunner(code, out.toString(), err.toString());
    }

    /**
     * Asserts that the run passed all of its {@code testcases} testcases: exit 0 (else showing stdout
     * and stderr) and the summary's count.
     */
    public void assertPassed(int testcases) {
        assertThat(exitCode).as(out + err).isZero();
        assertThat(out).contains(testcases + " testcases: " + testcases + " passed, 0 failed");
    }

    /**
     * {@code cdctest validate} of a testcase fixture, with the scenario ({@code # scenario: }) and the
     * overrides ({@code # set: }) its comment lines give: the file alone when it names no scenario.
     */
    public static CliRunner validate(Path testcases) throws IOException {
        List<String> args = new ArrayList<>(List.of("validate", "--testcase", testcases.toString()));
        for (String line : Files.readAllLines(testcases)) {
            if (line.startsWith("# scenario: ")) {
                args.addAll(List.of("--scenario", line.substring(12).trim()));
            } else if (line.startsWith("# set: ")) {
                args.addAll(List.of("--set", line.substring(7).trim()));
            }
        }
        return run(args.toArray(String[]::new));
    }
}
