package io.cdctest.pipeline.matrixone;

import java.time.Instant;
import java.util.Optional;

/**
 * A CCPR subscription's row of {@code mo_catalog.mo_ccpr_log} (matrixone.md §2.4): state 0 running,
 * 1 error, 2 pause, 3 dropped; watermark in physical nanoseconds.
 */
public record CcprProgress(int state, int iterationState, Instant watermark, String error) {

    /** @param error MatrixOne's message; only its first line is kept (a panic's carries a Go stack trace) */
    public static CcprProgress of(int state, int iterationState, long watermarkNanos, String error) {
        Instant w = watermarkNanos <= 0 ? null : Instant.ofEpochSecond(watermarkNanos / 1_000_000_000L,
                watermarkNanos % 1_000_000_000L);
        return new CcprProgress(state, iterationState, w, firstLine(error));
    }

    static String firstLine(String text) {
        if (text == null) {
            return null;
        }
        String line = text.strip().lines().findFirst().orElse("");
        int escaped = line.indexOf("\\n"); // a newline written out as backslash-n
        return (escaped >= 0 ? line.substring(0, escaped) : line).strip().replaceAll(":$", "");
    }

    public String stateName() {
        return switch (state) {
            case 0 -> "running";
            case 1 -> "error";
            case 2 -> "pause";
            case 3 -> "dropped";
            default -> "state " + state;
        };
    }

    public Optional<String> failure() {
        if (state == 1 || state == 3) {
            return Optional.of("CCPR subscription " + stateName() + (error == null || error.isBlank() ? "" : ": " + error));
        }
        return Optional.empty();
    }

    public Optional<String> behind(Instant lastWrite) {
        if (state != 0) {
            return Optional.of("subscription is " + stateName());
        }
        if (error != null && !error.isBlank()) {
            return Optional.of("subscription error: " + error);
        }
        if (watermark == null || watermark.isBefore(lastWrite)) {
            return Optional.of("watermark " + watermark + " is before the last write " + lastWrite);
        }
        return Optional.empty();
    }
}
