package io.cdctest.spec;

import java.time.Duration;

/** The {@code validation:} block: how often to recheck and how long {@code validate_sync} waits by default. */
public record ValidationSpec(Duration checkInterval, Duration maxWaitTime) {
    public static final ValidationSpec DEFAULT = new ValidationSpec(Duration.ofSeconds(1), Duration.ofSeconds(120));
}
