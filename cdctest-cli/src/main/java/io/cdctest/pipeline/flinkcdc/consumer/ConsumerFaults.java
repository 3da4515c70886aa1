package io.cdctest.pipeline.flinkcdc.consumer;

import io.cdctest.format.ChangeEvent;
import java.util.SplittableRandom;

/**
 * The built-in consumer's self-test faults, off by default: drop the Nth event, drop each event
 * with a probability, or after a batch skip the offset commit and read the same events again
 * (at-least-once redelivery). Every fault is logged, so a failing run can be traced to it.
 */
final class ConsumerFaults {
    private final long dropNth;
    private final double dropFraction;
    private final double redeliverFraction;
    private final SplittableRandom random;
    private long seen;
    private long dropped;
    private long redelivered;

    ConsumerFaults(long dropNth, double dropFraction, double redeliverFraction, long seed) {
        this.dropNth = dropNth;
        this.dropFraction = dropFraction;
        this.redeliverFraction = redeliverFraction;
        this.random = new SplittableRandom(seed);
    }

    /** Whether to skip this event instead of applying it. */
    boolean drop(ChangeEvent event) {
        seen++;
        boolean drop = seen == dropNth || (dropFraction > 0 && random.nextDouble() < dropFraction);
        if (drop) {
            dropped++;
            System.err.println("cdctest-consumer: fault: dropping event " + seen + ": " + event.op() + " "
                    + event.database() + "." + event.table() + " " + event.image().entrySet().stream().limit(2).toList());
        }
        return drop;
    }

    /** Whether to read the batch just applied again instead of committing its offsets. */
    boolean redeliver(int events) {
        boolean again = redeliverFraction > 0 && random.nextDouble() < redeliverFraction;
        if (again) {
            redelivered += events;
            System.err.println("cdctest-consumer: fault: not committing, " + events + " events will be delivered again");
        }
        return again;
    }

    long dropped() {
        return dropped;
    }

    long redelivered() {
        return redelivered;
    }
}
