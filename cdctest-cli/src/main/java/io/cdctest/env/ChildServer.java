package io.cdctest.env;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * A server the run starts as a child process in a directory of its own ({@link EmbeddedMariaDb},
 * {@link EmbeddedKafka}): fault steps kill, stop, start and pause it through its
 * {@link RestartableChild}, which starts it again the way it started the first time; closing it stops
 * the process and deletes the directory.
 */
abstract class ChildServer implements Restartable, AutoCloseable {
    private final Path dir;
    private final RestartableChild child;

    /**
     * @param childName the process's name in fault steps and errors
     * @param dir       a directory the run owns (data, configuration, temp files); deleted on close
     * @param launcher  starts a new process (not waiting for it)
     */
    ChildServer(String childName, Path dir, Supplier<ChildProcess> launcher) {
        this.dir = dir;
        this.child = new RestartableChild(childName, launcher, this::awaitReady);
    }

    /** Starts {@code server} and returns it; closes it, directory and all, when it does not get ready. */
    static <S extends ChildServer> S started(S server) {
        try {
            server.start();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** Returns when {@code process} serves, or throws saying why it does not. */
    abstract void awaitReady(ChildProcess process);

    /** The current process (null before the first start). */
    final ChildProcess current() {
        return child.current();
    }

    public boolean isAlive() {
        return current() != null && current().isAlive();
    }

    @Override
    public final void kill() {
        child.kill();
    }

    @Override
    public final void stop() {
        child.stop();
    }

    @Override
    public final void start() {
        child.start();
    }

    @Override
    public final void pause() {
        child.pause();
    }

    @Override
    public final void resume() {
        child.resume();
    }

    @Override
    public final boolean faulted() {
        return child.faulted();
    }

    @Override
    public final boolean everFaulted() {
        return child.everFaulted();
    }

    @Override
    public void close() {
        child.close();
        try {
            FileTrees.delete(dir);
        } catch (IOException e) {
            LoggerFactory.getLogger(getClass()).warn("cannot delete {}: {}", dir, e.getMessage());
        }
    }
}
