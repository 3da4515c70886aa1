package io.cdctest.env.net;

import java.util.List;

/**
 * A link between two parts of a pipeline that a fault point can sit on, as the pipeline declares
 * it ({@code PipelineFactory.links}): the component that dials ({@code from}), what it dials
 * ({@code to}) and what travels on it. The names of its ends are what a latency or bandwidth fault
 * may be {@code towards}.
 *
 * @param main       the pipeline's main link: the earlier tool's {@code simulate_network_issue} partitions it
 * @param unroutable why this run cannot put a fault point on the link (a Kafka that advertises its own
 *                   address, a peer that cannot reach the fault points), or null when it can
 */
public record Link(String name, String from, String to, String carries, boolean main, String unroutable) {

    /** A routable link that is not the main one. */
    public static Link of(String name, String from, String to, String carries) {
        return new Link(name, from, to, carries, false, null);
    }

    public Link asMain() {
        return new Link(name, from, to, carries, true, unroutable);
    }

    /** The same link, which this run cannot route for the given reason (null: it can). */
    public Link unroutableBecause(String why) {
        return new Link(name, from, to, carries, main, why);
    }

    public boolean routable() {
        return unroutable == null;
    }

    /** The names of its two ends: the dialer, then what it dials. */
    public List<String> ends() {
        return List.of(from, to);
    }

    /** "source_producer (producer → source: the binlog and snapshot reads)". */
    public String describe() {
        return name + " (" + from + " → " + to + ": " + carries + ")";
    }
}
