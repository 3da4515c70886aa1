package io.cdctest.env;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A child process that can be started again the way it was started the first time: the current
 * process, how to launch a new one, and how to tell it is ready. Closing it stops the current one.
 */
public final class RestartableChild implements Restartable, AutoCloseable {
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final String name;
    private final Supplier<ChildProcess> launcher;
    private final Consumer<ChildProcess> awaitReady;
    private volatile ChildProcess current;
    private volatile boolean down;
    private volatile boolean paused;
    private volatile boolean everFaulted;

    /**
     * @param launcher   starts a new process (not waiting for it)
     * @param awaitReady returns when the process is ready, or throws saying why it is not
     */
    public RestartableChild(String name, Supplier<ChildProcess> launcher, Consumer<ChildProcess> awaitReady) {
        this.name = name;
        this.launcher = launcher;
        this.awaitReady = awaitReady;
    }

    /** Starts the process without waiting (see {@link #awaitReady()}), so several can start at once. */
    public void launch() {
        current = launcher.get();
        down = false;
    }

    public void awaitReady() {
        awaitReady.accept(current);
    }

    /** The current process (null before the first launch). */
    public ChildProcess current() {
        return current;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void kill() {
        resume();
        if (current != null) {
            current.kill();
        }
        down = true;
        everFaulted = true;
    }

    @Override
    public synchronized void stop() {
        resume();
        if (current != null) {
            current.stop(STOP_GRACE);
        }
        down = true;
        everFaulted = true;
    }

    @Override
    public synchronized void start() {
        if (current != null && current.isAlive() && !down) {
            return;
        }
        launch();
        awaitReady();
    }

    @Override
    public synchronized void pause() {
        if (current != null && current.isAlive()) {
            current.signal("STOP");
            paused = true;
            everFaulted = true;
        }
    }

    @Override
    public synchronized void resume() {
        if (paused && current != null) {
            current.signal("CONT");
        }
        paused = false;
    }

    @Override
    public boolean faulted() {
        return down || paused;
    }

    @Override
    public boolean everFaulted() {
        return everFaulted;
    }

    @Override
    public void close() {
        resume();
        if (current != null) {
            current.close();
        }
    }
}
