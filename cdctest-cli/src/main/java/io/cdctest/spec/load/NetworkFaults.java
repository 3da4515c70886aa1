package io.cdctest.spec.load;

import io.cdctest.spec.NetworkFault;
import io.cdctest.spec.Step;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a {@code fault} step with {@code component: network}: the link, the fault and its own keys. */
final class NetworkFaults {
    /** The network fault kinds, in the order messages list them. */
    static final List<String> KINDS = List.of("partition", "reset", "latency", "bandwidth", "flap");

    /** The keys only some kinds have, and which. */
    private static final Map<String, Set<String>> KEYS = Map.of(
            "mode", Set.of("partition", "flap"),
            "delay", Set.of("latency"),
            "jitter", Set.of("latency"),
            "towards", Set.of("latency", "bandwidth"),
            "bytes_per_second", Set.of("bandwidth"),
            "period", Set.of("flap"));

    private NetworkFaults() {
    }

    static Step.LinkFault read(MapReader r) {
        String link = r.string("link", null);
        if (link == null) {
            throw r.missing("link");
        }
        String kind = r.requiredString("fault");
        if (!KINDS.contains(kind)) {
            throw r.error("fault", "expected " + String.join(", ", KINDS.subList(0, KINDS.size() - 1)) + " or flap for "
                    + "component network, got '" + kind + "'" + MapReader.suggestion(kind, Set.copyOf(KINDS)));
        }
        for (Map.Entry<String, Set<String>> key : KEYS.entrySet()) {
            if (!key.getValue().contains(kind) && r.has(key.getKey())) {
                throw r.error(key.getKey(), "a " + kind + " fault has no " + key.getKey() + " (it is a key of "
                        + KINDS.stream().filter(key.getValue()::contains).reduce((a, b) -> a + " and " + b).orElseThrow() + ")");
            }
        }
        Duration duration = TestSuiteLoader.positive(r, "duration", null);
        NetworkFault fault = switch (kind) {
            case "partition" -> new NetworkFault.Partition(mode(r));
            case "reset" -> new NetworkFault.Reset();
            case "latency" -> {
                Duration delay = r.duration("delay", null);
                if (delay == null) {
                    throw r.missing("delay");
                }
                yield new NetworkFault.Latency(delay, r.duration("jitter", Duration.ZERO), r.string("towards", null));
            }
            case "bandwidth" -> {
                long rate = r.longValue("bytes_per_second", 0);
                if (!r.has("bytes_per_second")) {
                    throw r.missing("bytes_per_second");
                }
                if (rate <= 0) {
                    throw r.error("bytes_per_second", "expected a number of bytes per second above 0, got " + rate);
                }
                yield new NetworkFault.Bandwidth(rate, r.string("towards", null));
            }
            case "flap" -> {
                Duration period = TestSuiteLoader.positive(r, "period", null);
                if (period == null) {
                    throw r.missing("period");
                }
                if (period.toMillis() < 100) {
                    throw r.error("period", "expected a period of at least 100ms (down half of it, up the other half)");
                }
                yield new NetworkFault.Flap(period, mode(r));
            }
            default -> throw new IllegalStateException(kind);
        };
        return new Step.LinkFault(link, fault, duration, r.origin());
    }

    /** {@code mode}: refuse or silent (the default: a partition drops packets, it does not answer them). */
    private static NetworkFault.Mode mode(MapReader r) {
        String mode = r.string("mode", "silent");
        return switch (mode) {
            case "refuse" -> NetworkFault.Mode.REFUSE;
            case "silent" -> NetworkFault.Mode.SILENT;
            default -> throw r.error("mode", "expected refuse (new connections refused) or silent (accepted, then nothing "
                    + "passes), got '" + mode + "'");
        };
    }
}
