package io.cdctest.spec;

import java.time.Duration;
import java.util.Locale;

/**
 * What a {@code fault} step with {@code component: network} does to a link between two parts of a
 * pipeline, carried out by the link's fault point (a relay cdctest owns between the two).
 */
public sealed interface NetworkFault {

    /** The YAML name of the fault: partition, reset, latency, bandwidth, flap. */
    String kind();

    /** One line for step results and messages. */
    String describe();

    /** What a link that is down does with new connections; open ones stall in both modes. */
    enum Mode {
        /** Nothing listens: a new connection is refused (ECONNREFUSED), as by a firewall's REJECT or a host that is down. */
        REFUSE,
        /** A new connection is accepted and then nothing passes, as on a half-open link (SYNs answered, data dropped). */
        SILENT;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        String describe() {
            return this == REFUSE ? "new connections refused" : "new connections accepted and silent";
        }
    }

    /** No byte passes either way; open connections stall (their bytes are delivered after the heal, as TCP would). */
    record Partition(Mode mode) implements NetworkFault {
        public String kind() {
            return "partition";
        }

        public String describe() {
            return "partition (" + mode.id() + "): open connections stall, " + mode.describe();
        }
    }

    /** Every open connection closed with a TCP reset (RST) at both ends; during a duration, every new one too. */
    record Reset() implements NetworkFault {
        public String kind() {
            return "reset";
        }

        public String describe() {
            return "reset: connections closed with a TCP reset";
        }
    }

    /**
     * Each chunk of bytes is held for {@code delay} plus a uniform random amount within ±{@code jitter}
     * (order kept), towards one end of the link or (null) both.
     */
    record Latency(Duration delay, Duration jitter, String towards) implements NetworkFault {
        public String kind() {
            return "latency";
        }

        public String describe() {
            return "latency " + delay.toMillis() + " ms" + (jitter.isZero() ? "" : " ±" + jitter.toMillis() + " ms")
                    + (towards == null ? " each way" : " towards " + towards);
        }
    }

    /** At most {@code bytesPerSecond} pass, towards one end of the link or (null) each way. */
    record Bandwidth(long bytesPerSecond, String towards) implements NetworkFault {
        public String kind() {
            return "bandwidth";
        }

        public String describe() {
            return "bandwidth " + String.format(Locale.ROOT, "%,d", bytesPerSecond) + " bytes/s"
                    + (towards == null ? " each way" : " towards " + towards);
        }
    }

    /** Down (as a partition in {@code mode}) and up in turn, each for half of {@code period}, starting down. */
    record Flap(Duration period, Mode mode) implements NetworkFault {
        public String kind() {
            return "flap";
        }

        public String describe() {
            return "flap every " + period.toMillis() + " ms (down half of it, " + mode.describe() + ")";
        }
    }
}
