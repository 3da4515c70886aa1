package io.cdctest.spec;

import java.util.Locale;
import java.util.Optional;

/**
 * The settled states of a pipeline's task (a MatrixOne CDC task, a CCPR subscription, a Flink job,
 * a platform), as {@code check_subscription_status} names them. Each takes the names pipelines use
 * for it and the earlier tool's number (the CCPR state code of {@code mo_catalog.mo_ccpr_log}:
 * 0 running, 1 error, 2 pause, 3 dropped). States on the way to another ({@code pausing},
 * {@code restarting}, {@code starting}) are none of these.
 */
public enum TaskState {
    RUNNING(0, "running"),
    FAILED(1, "failed", "error"),
    PAUSED(2, "paused", "pause"),
    DROPPED(3, "dropped", "canceled", "cancelled");

    private final int code;
    private final String[] names;

    TaskState(int code, String... names) {
        this.code = code;
        this.names = names;
    }

    public int code() {
        return code;
    }

    /** "running (0)". */
    @Override
    public String toString() {
        return names[0] + " (" + code + ")";
    }

    /** The state a pipeline's own word for it means, if it is a settled one ("pause", "FAILED", "2"). */
    public static Optional<TaskState> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (TaskState state : values()) {
            if (wanted.equals(Integer.toString(state.code)) || java.util.Arrays.asList(state.names).contains(wanted)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }

    /** "running (0), failed (1), ...", for messages. */
    public static String known() {
        return String.join(", ", java.util.Arrays.stream(values()).map(TaskState::toString).toList());
    }
}
