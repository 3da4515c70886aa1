package io.cdctest.spec;

import java.time.Duration;

/**
 * The {@code validation:} block: how often to recheck, how long {@code validate_sync} waits by
 * default, and whether a table compared fully earlier may be checked again by the engine's checksum
 * and the keys written since (see io.cdctest.check.IncrementalCheck).
 */
public record ValidationSpec(Duration checkInterval, Duration maxWaitTime, boolean engineChecksum) {
    public static final ValidationSpec DEFAULT = new ValidationSpec(Duration.ofSeconds(1), Duration.ofSeconds(120), true);
}
