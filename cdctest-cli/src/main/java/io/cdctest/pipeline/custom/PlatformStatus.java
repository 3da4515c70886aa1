package io.cdctest.pipeline.custom;

import io.cdctest.CdctestException;
import io.cdctest.ready.Readiness;
import java.time.Duration;
import java.util.Locale;

/**
 * The platform's own word on its state: the status hook's answer, its {@code state} field looked
 * up in the scenario's {@code running}, {@code starting} and {@code failed} values. Asked at most
 * once per interval (waits ask often); an answer that cannot be had (the hook fails) counts as a
 * failure of the platform only after {@link #ERRORS_IN_A_ROW} in a row.
 */
final class PlatformStatus {
    static final int ERRORS_IN_A_ROW = 3;

    /** What the state's value means. */
    enum Kind { RUNNING, STARTING, FAILED, UNKNOWN, UNANSWERED }

    /**
     * @param value   the platform's value ("running", "warning"), or the hook's error for UNANSWERED
     * @param message the platform's message (its {@code message} field, else its answer), or null
     */
    record State(Kind kind, String value, String message) {
        String describe() {
            return switch (kind) {
                case UNANSWERED -> "no answer from the status hook: " + value;
                case UNKNOWN -> "the platform reports '" + value + "', which the scenario does not name (running, starting or "
                        + "failed)" + (message == null ? "" : ": " + message);
                default -> "the platform reports '" + value + "' (" + kind.name().toLowerCase(Locale.ROOT) + ")"
                        + (message == null || message.isBlank() ? "" : ": " + message);
            };
        }
    }

    private final CustomSpec.Status spec;
    private final HookRunner runner;
    private final Duration interval;
    private State last;
    private long askedAt;
    private int errorsInARow;

    PlatformStatus(CustomSpec.Status spec, HookRunner runner, Duration interval) {
        this.spec = spec;
        this.runner = runner;
        this.interval = interval;
    }

    /** Asks the platform at each look: ready once it reports running, failed when it reports failed. */
    Readiness readiness() {
        return () -> {
            State state = ask();
            return switch (state.kind()) {
                case RUNNING -> Readiness.ready();
                case FAILED -> Readiness.failed(state.describe());
                default -> Readiness.waiting(state.describe());
            };
        };
    }

    /** The state, asked again when the last answer is older than the interval. */
    synchronized State current() {
        if (last == null || System.nanoTime() - askedAt >= interval.toNanos()) {
            return ask();
        }
        return last;
    }

    /** Asks the platform now. */
    synchronized State ask() {
        askedAt = System.nanoTime();
        try {
            Answer answer = runner.run("status", spec.hook());
            String value = answer.text(spec.state()).orElse("").trim();
            String message = spec.message() == null ? null : answer.text(spec.message()).orElse(null);
            String key = value.toLowerCase(Locale.ROOT);
            Kind kind = spec.running().contains(key) ? Kind.RUNNING : spec.starting().contains(key) ? Kind.STARTING
                    : spec.failed().contains(key) ? Kind.FAILED : Kind.UNKNOWN;
            if (kind == Kind.FAILED && message == null) {
                message = answer.abbreviated(300);
            }
            if (value.isEmpty()) {
                value = spec.state().whole() ? "" : "(no " + spec.state() + " in " + answer.abbreviated(120) + ")";
            }
            errorsInARow = 0;
            last = new State(kind, runner.mask(value), runner.mask(message));
        } catch (CdctestException e) {
            errorsInARow++;
            last = new State(Kind.UNANSWERED, e.getMessage(), null);
        }
        return last;
    }

    /** The status hook has failed this many times in a row. */
    synchronized int errorsInARow() {
        return errorsInARow;
    }
}
