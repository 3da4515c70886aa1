package io.cdctest.spec.load;

import io.cdctest.spec.Delivery;

/** The {@code delivery} key of a Kafka leg (each pipeline's that has one): one parser for all. */
public final class DeliveryKey {
    private DeliveryKey() {
    }

    /** {@code delivery}, {@code exactly_once} when absent. */
    public static Delivery read(MapReader r) {
        String text = r.string("delivery", "exactly_once");
        return Delivery.parse(text).orElseThrow(() ->
                r.error("delivery", "expected exactly_once or at_least_once, got '" + text + "'"));
    }
}
