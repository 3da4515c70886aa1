package io.cdctest.ready;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdctest.CdctestException;
import io.cdctest.ExitCode;
import io.cdctest.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReadinessTest {
    private static final Duration SHORT = Duration.ofMillis(300);

    @Test
    void theWaitEndsAtTheFirstReadyLook() {
        AtomicInteger looks = new AtomicInteger();
        Wait.until("the thing", "start").atMost(Duration.ofSeconds(10)).every(Duration.ofMillis(10))
                .on(() -> looks.incrementAndGet() < 3 ? Readiness.waiting("look " + looks.get()) : Readiness.ready());
        assertThat(looks).hasValue(3);
    }

    @Test
    void aTimeoutNamesWhatWasAwaitedAndTheLastThingSeen() {
        AtomicInteger looks = new AtomicInteger();
        assertThatThrownBy(() -> Wait.until("CDC task t1", "reach state paused").atMost(SHORT).every(Duration.ofMillis(20))
                .hint("log: x.log").on(() -> Readiness.waiting("state running, look " + looks.incrementAndGet())))
                .isInstanceOfSatisfying(CdctestException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ENVIRONMENT))
                .hasMessageStartingWith("CDC task t1 did not reach state paused within 300 ms: state running, look ")
                .hasMessageEndingWith(" (log: x.log)")
                .hasMessageContaining("look " + looks.get());
        assertThat(looks.get()).isGreaterThan(1);
    }

    @Test
    void aFailureEndsTheWaitAtOnceNamingWhatWasAwaited() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> Wait.until("producer", "start").atMost(Duration.ofMinutes(1)).failingWith(ExitCode.FAILED)
                .on(() -> Readiness.failed("no route to jobmanager")))
                .isInstanceOfSatisfying(CdctestException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED))
                .hasMessage("producer failed to start: no route to jobmanager");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aWaitThatNeverSawAnythingSaysSo() {
        assertThatThrownBy(() -> Wait.until("the platform", "start").atMost(SHORT).on(() -> {
            throw CdctestException.environment("the hook broke");
        })).hasMessage("the hook broke");
        assertThatThrownBy(() -> Wait.until("the platform", "start").atMost(Duration.ofSeconds(1)).on(() -> new Readiness.Look.Waiting(null)))
                .hasMessage("the platform did not start within 1 s: no answer");
    }

    @Test
    void bothPartsOfAnAndAreAskedAndEitherFailureWins() {
        Readiness starting = () -> Readiness.waiting("starting");
        Readiness broken = () -> Readiness.failed("a service died");
        assertThat((starting.and(broken)).check()).isEqualTo(Readiness.failed("a service died"));
        assertThat((broken.and(starting)).check()).isEqualTo(Readiness.failed("a service died"));
        assertThat(starting.and(Readiness::ready).check()).isEqualTo(Readiness.waiting("starting"));
        assertThat(((Readiness) Readiness::ready).and(starting).check()).isEqualTo(Readiness.waiting("starting"));
        assertThat(((Readiness) Readiness::ready).and(Readiness::ready).check()).isEqualTo(Readiness.ready());
    }

    @Test
    void aNoteFollowsWhatALookSawOrWhyItFailed() {
        assertThat(((Readiness) () -> Readiness.waiting("state STARTING")).noting(" (log: p.log)").check())
                .isEqualTo(Readiness.waiting("state STARTING (log: p.log)"));
        assertThat(((Readiness) () -> Readiness.failed("boom")).noting(" (log: p.log)").check())
                .isEqualTo(Readiness.failed("boom (log: p.log)"));
        assertThat(((Readiness) Readiness::ready).noting(" (log: p.log)").check()).isEqualTo(Readiness.ready());
    }

    @Test
    void aPolledConditionSaysWhatItSawOnlyWhenItDoesNotHold() {
        AtomicInteger asked = new AtomicInteger();
        assertThat(Readiness.condition(() -> true, () -> "seen " + asked.incrementAndGet()).check()).isEqualTo(Readiness.ready());
        assertThat(asked).hasValue(0);
        assertThat(Readiness.condition(() -> false, () -> "state paused").check()).isEqualTo(Readiness.waiting("state paused"));
        assertThat(Readiness.unbroken(Optional::empty).check()).isEqualTo(Readiness.ready());
        assertThat(Readiness.unbroken(() -> Optional.of("gone")).check()).isEqualTo(Readiness.failed("gone"));
    }

    /** The package sits below env and pipeline, which both wait through it: it imports nothing of cdctest's but the root. */
    @Test
    void thePackageDependsOnNothingOfCdctestButTheRoot() throws Exception {
        Path sources = Fixtures.repositoryRoot().resolve("cdctest-cli/src/main/java/io/cdctest/ready");
        try (Stream<Path> files = Files.list(sources)) {
            for (Path source : files.toList()) {
                assertThat(Files.readAllLines(source)).as(source.toString()).filteredOn(l -> l.startsWith("import io.cdctest."))
                        .allMatch(l -> l.matches("import io\\.cdctest\\.[A-Z]\\w*;"));
            }
        }
    }
}
