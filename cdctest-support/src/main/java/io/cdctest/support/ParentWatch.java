package io.cdctest.support;

import java.io.IOException;
import java.io.InputStream;

/**
 * Ends a subprocess when the cdctest process that started it dies. cdctest holds the child's stdin
 * open and never writes to it; end-of-file means the parent is gone (even after a SIGKILL), so no
 * producer, consumer or broker outlives its harness.
 */
public final class ParentWatch {
    private static final java.util.List<Runnable> BEFORE_EXIT = new java.util.concurrent.CopyOnWriteArrayList<>();

    private ParentWatch() {
    }

    /**
     * Runs {@code action} when the parent is gone, before the process halts (no shutdown hooks run
     * then): for what lives outside this process, such as a job on a remote Flink cluster.
     */
    public static void beforeExit(Runnable action) {
        BEFORE_EXIT.add(action);
    }

    /** Starts the watch on a daemon thread; {@code name} labels the exit message. */
    public static void start(String name) {
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // the parent never writes; anything read is ignored
                }
            } catch (IOException ignored) {
                // a broken pipe means the same as end-of-file
            }
            System.err.println(name + ": parent process gone, exiting");
            for (Runnable action : BEFORE_EXIT) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    System.err.println(name + ": " + e);
                }
            }
            Runtime.getRuntime().halt(143);
        }, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
