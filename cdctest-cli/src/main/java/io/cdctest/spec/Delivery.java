package io.cdctest.spec;

import java.util.Locale;
import java.util.Optional;

/**
 * The delivery guarantee a pipeline promises on its Kafka leg ({@code flink_cdc.delivery},
 * {@code custom.kafka.delivery}): with exactly-once a repeated event fails the audit, with
 * at-least-once it is tolerated.
 */
public enum Delivery {
    EXACTLY_ONCE, AT_LEAST_ONCE;

    /** As written in YAML: {@code exactly_once} or {@code at_least_once}, any case, {@code -} for {@code _}. */
    public static Optional<Delivery> parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "exactly_once" -> Optional.of(EXACTLY_ONCE);
            case "at_least_once" -> Optional.of(AT_LEAST_ONCE);
            default -> Optional.empty();
        };
    }
}
