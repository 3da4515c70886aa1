package io.cdctest.cli;

import io.cdctest.CdctestException;
import io.cdctest.CdctestHome;
import io.cdctest.run.Console;
import io.cdctest.run.RunOptions;
import io.cdctest.run.ScenarioRunner;
import io.cdctest.spec.TestCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cdctest run}: stand up the scenario's pipeline, run the testcases, report, tear down. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run testcases against a scenario's pipeline (also: cdctest --scenario ...).")
public final class RunCommand extends ScenarioCommand {
    @Mixin
    RunFlags flags;

    @Override
    public Integer call() {
        if (flags.dryRun) {
            return PlanCommand.print(spec, selection, root.global);
        }
        return run(spec, selection, flags, root.global);
    }

    /** The run itself, shared with the root command's legacy form. */
    static int run(CommandSpec spec, ScenarioSelection selection, RunFlags flags, GlobalOptions global) {
        Console console = global.console(spec.commandLine().getOut(), spec.commandLine().getErr());
        CdctestHome home = CdctestHome.locate();
        LoadedConfig config = LoadedConfig.load(home, selection, console::warn);
        if (flags.timeoutScale <= 0) {
            throw CdctestException.config("--timeout-scale must be above 0, got " + flags.timeoutScale);
        }
        List<TestCase> testcases = ordered(config.testcases(), flags.shuffle, console);
        Path reportDir = reportDir(flags.reportDir,
                config.scenario().file().getFileName().toString().replaceFirst("\\.ya?ml$", "").replaceAll("[^A-Za-z0-9_.-]", "_"));
        RunOptions options = new RunOptions(reportDir, flags.timeoutScale, flags.keepEnv, selection.overrides);
        return new ScenarioRunner(home, console).run(config.scenario(), config.suite(), config.group(),
                testcases, options).exitCode().code();
    }

    /** The testcases in file order, or shuffled from a seed (given, or random and printed so the order can be had again). */
    static List<TestCase> ordered(List<TestCase> testcases, String shuffle, Console console) {
        if (shuffle == null) {
            return testcases;
        }
        long seed;
        try {
            seed = shuffle.equals("random") ? new java.security.SecureRandom().nextInt(1_000_000) : Long.parseLong(shuffle);
        } catch (NumberFormatException e) {
            throw CdctestException.config("--shuffle: expected a number (the seed), got '" + shuffle + "'");
        }
        List<TestCase> shuffled = new ArrayList<>(testcases);
        Collections.shuffle(shuffled, new Random(seed));
        console.info("testcases in shuffled order (--shuffle=" + seed + "): "
                + String.join(", ", shuffled.stream().map(TestCase::id).toList()));
        return List.copyOf(shuffled);
    }

    private static Path reportDir(Path given, String scenario) {
        Path dir = given != null ? given : Path.of("reports",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + scenario);
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-test", "");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw CdctestException.config("--report-dir " + dir + ": not writable (" + e.getMessage() + ")");
        }
        return dir.toAbsolutePath().normalize();
    }
}
