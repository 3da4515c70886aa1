package io.cdctest.env.net;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One direction of a relayed connection: the bytes read from one end, each chunk held until it is
 * due (latency, jitter; order kept), then written to the other end no faster than the rate allows.
 * Reading stops while {@link #MAX_QUEUED} bytes wait, so a slow or stalled side pushes back on the
 * sender as a real network does. Used on the reactor's thread only.
 */
final class Flow {
    /** Bytes held per direction before reading pauses: 200 ms of latency still passes 10 MB/s. */
    static final int MAX_QUEUED = 2 * 1024 * 1024;

    /** How a direction is shaped now: delay and jitter in nanoseconds, a rate in bytes per second (0: none). */
    record Shape(long delayNanos, long jitterNanos, long bytesPerSecond) {
        static final Shape NONE = new Shape(0, 0, 0);
    }

    private record Chunk(ByteBuffer bytes, long due) {
    }

    /** True for the bytes the dialing component sends (towards the server it dialed). */
    final boolean towardsServer;
    private final ArrayDeque<Chunk> chunks = new ArrayDeque<>();
    private long queued;
    private long lastDue;
    private double tokens;
    private long refilled = System.nanoTime();
    /** The source end is at its end of stream (the sender shut its output). */
    boolean eof;
    /** The end of stream was passed on (output of the other end shut down). */
    boolean shut;
    /** The last write could not take everything: wait until the other end is writable. */
    boolean writeBlocked;
    /** The pending wake-up of a held chunk or an empty bucket. */
    NetReactor.Timer wake;
    long bytes;

    Flow(boolean towardsServer) {
        this.towardsServer = towardsServer;
    }

    /** Whether to read more from the source end: not at its end, and room in the queue. */
    boolean wantsRead() {
        return !eof && queued < MAX_QUEUED;
    }

    int room() {
        return (int) Math.min(Integer.MAX_VALUE, MAX_QUEUED - queued);
    }

    /** Takes bytes just read: they are due after the shape's delay and jitter, never before the ones read earlier. */
    void add(ByteBuffer read, Shape shape, long now) {
        ByteBuffer copy = ByteBuffer.allocate(read.remaining());
        copy.put(read).flip();
        long delay = shape.delayNanos();
        if (shape.jitterNanos() > 0) {
            delay += ThreadLocalRandom.current().nextLong(-shape.jitterNanos(), shape.jitterNanos() + 1);
        }
        long due = Math.max(now + Math.max(0, delay), lastDue);
        lastDue = due;
        chunks.add(new Chunk(copy, due));
        queued += copy.remaining();
    }

    boolean isEmpty() {
        return chunks.isEmpty();
    }

    /** The bytes at the head, or null when none or not yet due (see {@link #dueAt()}). */
    ByteBuffer head(long now) {
        Chunk head = chunks.peek();
        return head == null || head.due() > now ? null : head.bytes();
    }

    /** When the head chunk is due. */
    long dueAt() {
        return chunks.isEmpty() ? Long.MAX_VALUE : chunks.peek().due();
    }

    /** Records {@code n} bytes of the head written; drops the head when it is done. */
    void written(int n) {
        queued -= n;
        bytes += n;
        if (!chunks.peek().bytes().hasRemaining()) {
            chunks.poll();
        }
    }

    /**
     * How many bytes the rate lets through now (a token bucket holding at most 50 ms of the rate);
     * {@link Integer#MAX_VALUE} without a rate.
     */
    int allowance(Shape shape, long now) {
        if (shape.bytesPerSecond() <= 0) {
            tokens = 0;
            refilled = now;
            return Integer.MAX_VALUE;
        }
        double burst = Math.max(1, shape.bytesPerSecond() / 20.0);
        tokens = Math.min(burst, tokens + (now - refilled) * shape.bytesPerSecond() / 1e9);
        refilled = now;
        return (int) tokens;
    }

    void spend(int n) {
        if (tokens > 0) {
            tokens = Math.max(0, tokens - n);
        }
    }

    /** When the bucket will hold enough for the head (or its burst): the time to try again. */
    long refillAt(Shape shape, long now) {
        double burst = Math.max(1, shape.bytesPerSecond() / 20.0);
        Chunk head = chunks.peek();
        double want = Math.min(burst, head == null ? 1 : Math.max(1, head.bytes().remaining()));
        return now + (long) Math.ceil(Math.max(0, want - tokens) * 1e9 / shape.bytesPerSecond());
    }
}
