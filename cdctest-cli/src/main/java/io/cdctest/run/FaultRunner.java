package io.cdctest.run;

import io.cdctest.CdctestException;
import io.cdctest.ExitCode;
import io.cdctest.env.Restartable;
import io.cdctest.env.net.Link;
import io.cdctest.env.net.Links;
import io.cdctest.pipeline.Databases;
import io.cdctest.pipeline.Pipeline;
import io.cdctest.spec.Component;
import io.cdctest.spec.FaultTarget;
import io.cdctest.spec.NetworkFault;
import io.cdctest.spec.Side;
import io.cdctest.spec.Step;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Carries out {@code fault} steps: finds the component (the pipeline's producer, consumer or Kafka,
 * or an embedded database) and kills, stops, starts, restarts or pauses it. A pause is lifted on a
 * timer while the next steps run; every pause still pending is lifted on close. Network faults go to
 * the link's fault point ({@link Links}), which lifts them after their duration, at a {@code heal}
 * step, or at the end of the testcase.
 */
final class FaultRunner implements AutoCloseable {
    private final Pipeline pipeline;
    private final Databases databases;
    private final Links links;
    private final List<Restartable> paused = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService resumer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fault-resume");
        t.setDaemon(true);
        return t;
    });

    FaultRunner(Pipeline pipeline, Databases databases, Links links) {
        this.pipeline = pipeline;
        this.databases = databases;
        this.links = links;
    }

    /** A network fault on a link; returns what it did. */
    String run(Step.LinkFault f) {
        return links.apply(f.link(), f.fault(), f.duration());
    }

    /** Ends the faults on a link (every link when the step names none). */
    String heal(Step.Heal h) {
        return links.heal(h.link());
    }

    /**
     * The earlier tool's network outage: the main link (or the step's) partitioned, new connections
     * accepted and silent, for the step's duration while the next steps run.
     */
    String networkIssue(Step.NetworkIssue n) {
        String link = n.link() != null ? n.link() : links.main().map(Link::name).orElseThrow(() -> new CdctestException(
                ExitCode.FAILED, "simulate_network_issue: this pipeline declares no network link yet, so cdctest cannot cut "
                + "its network; the step fails rather than pass having done nothing"));
        return "network outage on the " + (n.link() == null ? "main link " : "link ")
                + links.apply(link, new NetworkFault.Partition(NetworkFault.Mode.SILENT), n.duration()) + "; the next steps run "
                + "while it lasts";
    }

    /**
     * Waits until the network faults with a duration are over (those without one last until a heal
     * step); returns how long that took.
     */
    Duration awaitTimedNetworkFaults(Duration timeout) {
        long start = System.nanoTime();
        try {
            org.awaitility.Awaitility.await().alias("the network faults with a duration to end").atMost(timeout)
                    .pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                    .until(() -> !links.timedFaultsInEffect());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new CdctestException(ExitCode.FAILED, "the network faults were still in effect after "
                    + Console.seconds(timeout) + links.context());
        }
        return elapsed(start);
    }

    /** Heals what the testcase left on the network; returns what, if anything. */
    Optional<String> endTestcase() {
        return links.endTestcase();
    }

    /** The network faults of the testcase, for a failure's message ("" when none). */
    String networkContext() {
        return links.context();
    }

    /**
     * Why this run cannot break the component, if it cannot: which components there are depends on the
     * pipeline and on how the run is provisioned, which a testcase file shared by scenarios cannot know.
     */
    Optional<String> unavailable(FaultTarget component) {
        return find(component).isPresent() ? Optional.empty() : Optional.of("the " + component.id() + " of this run cannot be "
                + "broken on purpose (embedded databases can, and the parts of the pipeline that cdctest starts; cdctest "
                + "validate names the testcases that break a part the pipeline does not have)");
    }

    /** Runs the step; returns what it did. */
    String run(Step.Fault f) {
        String what = f.component().id();
        Restartable target = find(f.component()).orElseThrow(() -> new CdctestException(ExitCode.CONFIG,
                "fault: " + unavailable(f.component()).orElseThrow()));
        long start = System.nanoTime();
        switch (f.kind()) {
            case KILL -> {
                target.kill();
                sleep(f.duration());
                target.start();
                return what + " killed (SIGKILL) and running again after " + Console.seconds(elapsed(start));
            }
            case STOP -> {
                target.stop();
                return what + " stopped; it stays down until a fault step starts it";
            }
            case START -> {
                target.start();
                return what + " running after " + Console.seconds(elapsed(start));
            }
            case RESTART -> {
                target.stop();
                target.start();
                return what + " restarted in " + Console.seconds(elapsed(start));
            }
            case PAUSE -> {
                target.pause();
                paused.add(target);
                resumer.schedule(() -> {
                    target.resume();
                    paused.remove(target);
                }, f.duration().toMillis(), TimeUnit.MILLISECONDS);
                return what + " paused (SIGSTOP) for " + Console.seconds(f.duration()) + " while the next steps run";
            }
            default -> throw new IllegalStateException(f.kind().name());
        }
    }

    private Optional<Restartable> find(FaultTarget what) {
        if (what instanceof Component component) {
            return Pipeline.Restartables.of(pipeline).restartable(component);
        }
        Object server = what == Side.SOURCE ? databases.source() : databases.target();
        return server instanceof Restartable r ? Optional.of(r) : Optional.empty();
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CdctestException(ExitCode.FAILED, "interrupted");
        }
    }

    @Override
    public void close() {
        resumer.shutdownNow();
        paused.forEach(Restartable::resume);
    }
}
