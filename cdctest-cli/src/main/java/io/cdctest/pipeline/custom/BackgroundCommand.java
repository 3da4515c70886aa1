package io.cdctest.pipeline.custom;

import io.cdctest.CdctestException;
import io.cdctest.env.ChildProcess;
import io.cdctest.pipeline.process.ChildStatus;
import io.cdctest.pipeline.process.Shell;
import io.cdctest.ready.Wait;
import io.cdctest.support.StatusFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code background: true} command: a service of the platform (a control API, a worker, a
 * consumer) that runs until the stage that started it is undone. It runs in its own process group
 * under cdctest's guard (stopped with everything it started, also when cdctest is killed), its
 * output goes to {@code <name>.log}, and like the Flink CDC scripts it may write its state to
 * {@code CDCTEST_STATUS_FILE}: {@code RUNNING} when ready, {@code FAILED} with an {@code error}.
 */
final class BackgroundCommand implements AutoCloseable {
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final String stage;
    private final ChildProcess process;
    private final Path statusFile;
    private final HookRunner runner;

    private BackgroundCommand(String stage, ChildProcess process, Path statusFile, HookRunner runner) {
        this.stage = stage;
        this.process = process;
        this.statusFile = statusFile;
        this.runner = runner;
    }

    static BackgroundCommand start(String stage, CustomSpec.Command hook, HookRunner runner, Path workDir, Path log) {
        Path dir = runner.directory(hook);
        if (!Files.isDirectory(dir)) {
            throw runner.failure(stage, hook, "no such directory: " + dir);
        }
        Path own = workDir.resolve(hook.name().replaceAll("[^A-Za-z0-9_.-]", "_"));
        Path statusFile = own.resolve("status.json");
        try {
            Files.createDirectories(own);
            Files.deleteIfExists(statusFile);
        } catch (IOException e) {
            throw CdctestException.environment("cannot prepare " + own + ": " + e.getMessage(), e);
        }
        Map<String, String> environment = runner.environment(hook);
        environment.put(StatusFile.ENV, statusFile.toString());
        environment.put("CDCTEST_WORK_DIR", own.toString());
        runner.note("$ " + runner.what(hook) + "   (" + stage + " hook '" + hook.name() + "', in the background, log "
                + log + ")");
        ChildProcess process = ChildProcess.start(hook.name(), Shell.guarded(runner.commandLine(hook)), environment,
                dir, log);
        return new BackgroundCommand(stage, process, statusFile, runner);
    }

    String name() {
        return process.name();
    }

    /**
     * Waits for {@code RUNNING} in the status file; a command that writes none counts as started
     * once it has stayed up for {@code grace}. One that exits or reports {@code FAILED} first is an
     * environment error with its message and log.
     */
    void awaitReady(Duration timeout, Duration grace) {
        try {
            Wait.until(stage + " hook '" + name() + "'", "start").atMost(timeout).every(Duration.ofMillis(100))
                    .on(process.readyWhen(ChildStatus.readiness(statusFile, grace)));
        } catch (CdctestException e) { // a death notice quotes the command's log, which may show a secret
            throw new CdctestException(e.exitCode(), runner.mask(e.getMessage()), e.getCause());
        }
    }

    /** Why the command no longer works: it exited, or it reports FAILED. */
    Optional<String> failure() {
        if (!process.isAlive()) {
            return Optional.of(runner.mask(stage + " hook '" + name() + "': " + process.deathNotice()));
        }
        Map<String, Object> status = ChildStatus.read(statusFile).fields();
        if ("FAILED".equals(status.get("state"))) {
            return Optional.of(runner.mask(stage + " hook '" + name() + "' failed: "
                    + status.getOrDefault("error", "no message, see its log") + " (log: " + process.log() + ")"));
        }
        return Optional.empty();
    }

    String describe() {
        Object state = ChildStatus.read(statusFile).state();
        return name() + ": pid " + process.pid() + (process.isAlive() ? "" : " (exited)") + (state == null ? "" : ", state " + state)
                + ", log " + process.log();
    }

    @Override
    public void close() {
        process.stop(STOP_GRACE);
    }
}
