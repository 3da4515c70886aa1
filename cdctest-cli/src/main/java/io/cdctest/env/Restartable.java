package io.cdctest.env;

/**
 * A component a {@code fault} step can break on purpose: killed, stopped, started again, paused.
 * While it is down on purpose the pipeline does not report it as failed.
 */
public interface Restartable {

    String name();

    /** SIGKILL to the component and everything it started; it stays down. */
    void kill();

    /** A graceful stop (SIGTERM, then SIGKILL after a grace); it stays down. */
    void stop();

    /** Starts it again (no-op when it runs); returns when it is ready. */
    void start();

    /** SIGSTOP to the component and everything it started. */
    void pause();

    /** SIGCONT after {@link #pause()}; no-op otherwise. */
    void resume();

    /** Whether it is down or paused because a fault step said so. */
    boolean faulted();

    /** Whether a fault step has ever killed, stopped or paused it in this run. */
    boolean everFaulted();
}
