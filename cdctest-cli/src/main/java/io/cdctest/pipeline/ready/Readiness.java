package io.cdctest.pipeline.ready;

import io.cdctest.env.ChildProcess;
import io.cdctest.pipeline.process.ChildStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Whether something a pipeline started or asked for is there yet, one look at a time (modelled on
 * Testcontainers' {@code WaitStrategy}): a status file, a status hook (a command or an HTTP call),
 * a MatrixOne task's state, the target's tables. How long and how often to look, and what the
 * errors say, are {@link Wait}'s alone, so every wait of every pipeline fails the same way.
 */
@FunctionalInterface
public interface Readiness {

    /** One look: ready, not yet (and what was seen), or failed (and why). */
    Look check();

    /** What one look found. */
    sealed interface Look {
        /** Ready: the wait ends. */
        record Ready() implements Look {
        }

        /** Not yet; {@code seen} is said when the wait times out. */
        record Waiting(String seen) implements Look {
        }

        /** It will never be ready: the wait ends at once with {@code why}. */
        record Failed(String why) implements Look {
        }
    }

    static Look ready() {
        return new Look.Ready();
    }

    static Look waiting(String seen) {
        return new Look.Waiting(seen);
    }

    static Look failed(String why) {
        return new Look.Failed(why);
    }

    /**
     * Ready when this and {@code other} are. Both are asked at each look, this first: a failure of
     * either ends the wait (this one's first), else this one's wait is said before the other's.
     */
    default Readiness and(Readiness other) {
        return () -> {
            Look first = check();
            if (first instanceof Look.Failed) {
                return first;
            }
            Look second = other.check();
            return second instanceof Look.Failed || first instanceof Look.Ready ? second : first;
        };
    }

    /**
     * A child that reports through a status file ({@link io.cdctest.support.StatusFile}): ready once
     * it writes {@code RUNNING}, failed when it writes {@code FAILED}; a child that writes nothing
     * counts as ready once it has stayed up for {@code grace} (never, when {@code grace} is null).
     * The grace runs from this call.
     */
    static Readiness statusFile(Path file, Duration grace) {
        long started = System.nanoTime();
        return () -> {
            ChildStatus status = ChildStatus.read(file);
            if (status.failed()) {
                return failed(String.valueOf(status.error()));
            }
            if (status.running() || status.isEmpty() && grace != null && System.nanoTime() - started >= grace.toNanos()) {
                return ready();
            }
            return waiting(status.isEmpty() ? "nothing in its status file " + file : "state " + status.state());
        };
    }

    /**
     * A child process that reports through {@code statusFile} ({@link #statusFile}) and must stay
     * alive meanwhile: failed, with how it ended, once it has exited. Both name its log.
     */
    static Readiness child(ChildProcess process, Path statusFile, Duration grace) {
        Readiness status = statusFile(statusFile, grace);
        String log = " (log: " + process.log() + ")";
        return () -> {
            if (!process.isAlive()) {
                return failed(process.deathNotice());
            }
            Look look = status.check();
            return look instanceof Look.Failed f ? failed(f.why() + log)
                    : look instanceof Look.Waiting w ? waiting(w.seen() + log) : look;
        };
    }

    /** Ready while {@code failure} names nothing; failed with what it names (a broken component, say). */
    static Readiness unbroken(Supplier<Optional<String>> failure) {
        return () -> failure.get().<Look>map(Readiness::failed).orElseGet(Readiness::ready);
    }

    /**
     * A polled condition (a query's answer, a task's state): ready when it holds, else waiting with
     * what {@code seen} says (asked only then).
     */
    static Readiness condition(BooleanSupplier holds, Supplier<String> seen) {
        return () -> holds.getAsBoolean() ? ready() : waiting(seen.get());
    }
}
