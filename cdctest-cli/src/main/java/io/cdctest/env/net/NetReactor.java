package io.cdctest.env.net;

import io.cdctest.CdctestException;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread and one selector that carry every fault point of a run: accepting, connecting,
 * relaying, and the timers of delayed bytes, fault durations and flaps. Everything a fault point
 * holds is touched on this thread only; other threads hand it work with {@link #call}. Closing it
 * closes every channel it has and ends the thread.
 */
final class NetReactor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NetReactor.class);
    private static final long CALL_TIMEOUT_SECONDS = 10;

    /** What a registered channel's key is attached to. */
    interface Handler {
        void ready(SelectionKey key) throws IOException;

        /** The handler threw: close what it holds. */
        void failed(Exception e);
    }

    /** A task at a time on the reactor's clock ({@link System#nanoTime()}); cancelled ones are skipped. */
    static final class Timer {
        private final long at;
        private final Runnable task;
        private boolean cancelled;

        private Timer(long at, Runnable task) {
            this.at = at;
            this.task = task;
        }

        long at() {
            return at;
        }

        void cancel() {
            cancelled = true;
        }
    }

    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>(Comparator.comparingLong(Timer::at));
    private final List<SocketChannel> aborting = new ArrayList<>();
    private final List<Runnable> onClose = new ArrayList<>();
    /** Bytes read land here first (one buffer: only the reactor's thread reads). */
    private final ByteBuffer scratch = ByteBuffer.allocateDirect(64 * 1024);
    private volatile boolean running = true;

    NetReactor(String threadName) {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw CdctestException.environment("cannot open a selector for the network fault points: " + e.getMessage(), e);
        }
        thread = new Thread(this::loop, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs the task on the reactor's thread and returns its result (directly when called from that thread). */
    <T> T call(Callable<T> task) {
        if (Thread.currentThread() == thread) {
            return run(task);
        }
        if (!running) {
            throw new IllegalStateException("the network fault points are closed");
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        tasks.add(() -> {
            try {
                result.complete(task.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        selector.wakeup();
        try {
            return result.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CdctestException(io.cdctest.ExitCode.FAILED, "interrupted");
        } catch (TimeoutException e) {
            throw new IllegalStateException("the network fault points did not answer within " + CALL_TIMEOUT_SECONDS + " s");
        }
    }

    private static <T> T run(Callable<T> task) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the task at {@code atNanos} on the reactor's thread (called on that thread). */
    Timer at(long atNanos, Runnable task) {
        Timer timer = new Timer(atNanos, task);
        timers.add(timer);
        return timer;
    }

    /** Registers a channel (on the reactor's thread). */
    SelectionKey register(SelectableChannel channel, int ops, Handler handler) throws IOException {
        channel.configureBlocking(false);
        return channel.register(selector, ops, handler);
    }

    /** The buffer reads go through (the reactor's thread only). */
    ByteBuffer scratch() {
        return scratch;
    }

    /**
     * Closes a connection with a TCP reset (RST) rather than a FIN: its key is cancelled now, and once
     * the selector has let go of the channel it is closed with SO_LINGER 0 (a channel still registered
     * would first be shut down for output, which sends a FIN).
     */
    void abort(SocketChannel channel) {
        if (channel == null || !channel.isOpen()) {
            return;
        }
        SelectionKey key = channel.keyFor(selector);
        if (key != null) {
            key.cancel();
        }
        aborting.add(channel);
    }

    /**
     * Lets the selector release the channels closed since its last round, so that a listener closed
     * a moment ago no longer accepts (a registered channel's socket closes at the selector's next round).
     */
    void settle() {
        try {
            selector.selectNow();
        } catch (IOException e) {
            LOG.debug("settle: {}", e.toString());
        }
    }

    /** Runs on close, on the reactor's thread, before the selector closes (fault points close their channels). */
    void onClose(Runnable task) {
        onClose.add(task);
    }

    boolean running() {
        return running;
    }

    private void loop() {
        try {
            while (running) {
                long untilTimer = timers.isEmpty() ? Long.MAX_VALUE : timers.peek().at() - System.nanoTime();
                if (!tasks.isEmpty() || untilTimer <= 0 || !selector.selectedKeys().isEmpty()) {
                    selector.selectNow();
                } else if (untilTimer == Long.MAX_VALUE) {
                    selector.select(); // until a channel is ready, or a task's wakeup
                } else {
                    selector.select(Math.max(1, (untilTimer + 999_999) / 1_000_000));
                }
                Runnable task;
                while ((task = tasks.poll()) != null) {
                    task.run();
                }
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (key.isValid() && key.attachment() instanceof Handler handler) {
                        try {
                            handler.ready(key);
                        } catch (IOException | RuntimeException e) {
                            handler.failed(e);
                        }
                    }
                }
                runDueTimers();
                finishAborts();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("the network fault points stopped: {}", e.toString());
        } finally {
            running = false;
            shutDown();
        }
    }

    private void runDueTimers() {
        long now = System.nanoTime();
        while (!timers.isEmpty() && timers.peek().at() <= now) {
            Timer timer = timers.poll();
            if (!timer.cancelled) {
                try {
                    timer.task.run();
                } catch (RuntimeException e) {
                    LOG.warn("network fault point timer failed: {}", e.toString());
                }
            }
        }
    }

    private void finishAborts() throws IOException {
        if (aborting.isEmpty()) {
            return;
        }
        selector.selectNow(); // deregisters the cancelled keys; keys found ready stay selected for the next round
        for (SocketChannel channel : aborting) {
            try {
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException | RuntimeException ignored) {
                // not connected (any more): closing is all there is to do
            }
            closeQuietly(channel);
        }
        aborting.clear();
    }

    private void shutDown() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run(); // a call waiting for an answer gets one
        }
        onClose.forEach(r -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.debug("closing a fault point: {}", e.toString());
            }
        });
        try {
            finishAborts();
        } catch (IOException e) {
            LOG.debug("closing aborted connections: {}", e.toString());
        }
        for (SelectionKey key : selector.keys()) {
            closeQuietly(key.channel());
        }
        closeQuietly(selector);
    }

    static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("close: {}", e.toString());
        }
    }

    /** Stops the thread after closing every channel; waits for it. */
    @Override
    public void close() {
        if (!running) {
            join();
            return;
        }
        tasks.add(() -> running = false);
        selector.wakeup();
        join();
    }

    private void join() {
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(CALL_TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("the network fault points' thread did not end within {} s", CALL_TIMEOUT_SECONDS);
        }
    }
}
