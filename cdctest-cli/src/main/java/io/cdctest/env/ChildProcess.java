package io.cdctest.env;

import io.cdctest.CdctestException;
import io.cdctest.ready.Readiness;
import io.cdctest.ready.Wait;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A subprocess the run owns: output to a log file, stdin held open so the child can notice the
 * harness's death (end-of-file), stopped with SIGTERM then SIGKILL together with its descendants.
 */
public final class ChildProcess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);

    private final String name;
    private final Process process;
    private final Path log;
    private final OutputStream stdin;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.stdin = process.getOutputStream();
    }

    /**
     * Starts a child. Secrets go in {@code environment}, never in {@code command}: command lines are
     * visible to every user of the machine.
     */
    public static ChildProcess start(String name, List<String> command, Map<String, String> environment,
                                     Path workingDirectory, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            Process process = builder.start();
            LOG.debug("started {} (pid {}): {}", name, process.pid(), command);
            return new ChildProcess(name, process, log);
        } catch (IOException e) {
            throw CdctestException.environment("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs a program in the foreground with this process's output, and waits for it: for the
     * {@code cdctest producer} and {@code cdctest consumer} commands scripts call. The program
     * watches this process through its stdin; a shutdown hook stops it when this process is stopped.
     */
    public static int runInForeground(String name, List<String> command, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw CdctestException.environment("cannot start " + name + ": " + e.getMessage(), e);
        }
        Thread stopper = new Thread(() -> {
            process.destroy();
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
        }, name + "-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return 130;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running
            }
        }
    }

    /**
     * Wraps a program that cannot watch its parent itself (a native server) in a small shell guard:
     * the guard holds cdctest's end of stdin and stops the program with SIGTERM when that pipe
     * closes, so the program dies with cdctest even after a SIGKILL of cdctest. A SIGTERM to the
     * guard is passed on to the program.
     */
    public static List<String> guarded(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c", GUARD, "cdctest-guard"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static final String GUARD = String.join("\n",
            "exec 3<&0",
            "\"$@\" </dev/null &",
            "child=$!",
            "trap 'kill -TERM $child 2>/dev/null; wait $child; exit 143' TERM INT",
            "( cat <&3 >/dev/null; kill -TERM $child 2>/dev/null ) &",
            "watcher=$!",
            "wait $child",
            "status=$?",
            "kill $watcher 2>/dev/null",
            "exit $status");

    /** The command to start a Java program with the JVM running cdctest. */
    public static List<String> java(String classpath, String mainClass, List<String> jvmArgs, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Optional<Integer> exitCode() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    /** A one-line account of a child that is no longer running: exit code, its last error line (else its last lines), its log. */
    public String deathNotice() {
        String error = lastErrorLine();
        if (error.isEmpty()) {
            error = tail(3);
        }
        return name + " exited with code " + exitCode().map(String::valueOf).orElse("?")
                + (error.isEmpty() ? "" : ": " + error) + " (log: " + log + ")";
    }

    /** The last lines of the log that are not blank, joined with " | ". */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
            String joined = String.join(" | ", all.subList(Math.max(0, all.size() - lines), all.size())).trim();
            return joined.length() > 300 ? "..." + joined.substring(joined.length() - 297) : joined;
        } catch (IOException e) {
            return "";
        }
    }

    /** The most telling error line of the log (the deepest "Caused by", else the last exception or ERROR line). */
    String lastErrorLine() {
        List<String> lines;
        try {
            lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
        String best = "";
        for (String line : lines) {
            String t = line.trim();
            if (t.startsWith("Caused by: ")) {
                best = t.substring("Caused by: ".length());
            } else if (best.isEmpty() && (t.matches(".*(Exception|Error)(: .*)?$") || t.contains(" ERROR "))
                    && !t.startsWith("at ")) {
                best = t;
            }
        }
        best = best.replaceFirst("^[\\w.$]+(Exception|Error): ", "");
        return best.length() > 300 ? best.substring(0, 297) + "..." : best;
    }

    /** SIGKILL to the process and everything it started, at once (a crash, for fault steps). */
    public void kill() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(0, process.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends a signal ({@code STOP}, {@code CONT}) to the process and everything it started. */
    public void signal(String signal) {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal, String.valueOf(process.pid())));
        process.descendants().forEach(p -> command.add(String.valueOf(p.pid())));
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw CdctestException.environment("cannot send SIG" + signal + " to " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ready while the process runs; failed with its {@link #deathNotice()} once it has exited. */
    public Readiness alive() {
        return () -> process.isAlive() ? Readiness.ready() : Readiness.failed(deathNotice());
    }

    /**
     * Ready when {@code answers} is, while the process runs: what {@code answers} saw, or why it
     * failed, is said with the process's log; a death with its death notice.
     */
    public Readiness readyWhen(Readiness answers) {
        return alive().and(answers.noting(" (log: " + log + ")"));
    }

    /**
     * Waits until the process is {@link #readyWhen} {@code answers}: a child that dies first, or is not
     * ready within the timeout, is an environment error naming the child, what it last saw and its log
     * ("{name} failed to start: ...", "{name} did not start within 60 s: ...").
     */
    public void awaitReady(Duration timeout, Readiness answers) {
        Wait.until(name, "start").atMost(timeout).every(Duration.ofMillis(100)).on(readyWhen(answers));
    }

    /** SIGTERM, up to {@code grace} to exit, then SIGKILL; descendants the same way. */
    public void stop(Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.debug("{} did not stop in {}, killing it", name, grace);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            stdin.close();
        } catch (IOException ignored) {
            // the child is gone; its stdin pipe may already be broken
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(15));
    }
}
