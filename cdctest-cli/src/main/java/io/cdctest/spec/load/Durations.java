package io.cdctest.spec.load;

import java.time.Duration;
import java.util.Optional;

/** Durations as cdctest writes them everywhere: seconds (legacy), or 500ms, 30s, 2m, 1h. */
public final class Durations {
    private Durations() {
    }

    public static Optional<Duration> parse(String text) {
        return MapReader.parseDuration(text.trim());
    }
}
