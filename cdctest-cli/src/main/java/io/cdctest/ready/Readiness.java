package io.cdctest.ready;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Whether something the run started or asked for is there yet, one look at a time (modelled on
 * Testcontainers' {@code WaitStrategy}): a server that answers, a child process and its status file,
 * a status hook (a command or an HTTP call), a MatrixOne task's state, the target's tables. How long
 * and how often to look, and what the errors say, are {@link Wait}'s alone, so every wait of the
 * environment and of every pipeline fails the same way. This package depends on no other of cdctest's
 * but the root: the readiness of a child process is {@code env.ChildProcess}'s, of a status file
 * {@code pipeline.process.ChildStatus}'s.
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
     * The same looks, with {@code note} after what a look saw or why it failed: where to look next,
     * such as {@code " (log: logs/producer.log)"}.
     */
    default Readiness noting(String note) {
        return () -> {
            Look look = check();
            return look instanceof Look.Failed f ? failed(f.why() + note)
                    : look instanceof Look.Waiting w ? waiting(w.seen() + note) : look;
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
