package io.cdctest.pipeline.ready;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdctest.CdctestException;
import io.cdctest.ExitCode;
import io.cdctest.support.StatusFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void aStatusFileIsReadyOnRunningAndFailedOnFailed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("status.json");
        Readiness ready = Readiness.statusFile(file, null);
        assertThat(ready.check()).isInstanceOf(Readiness.Look.Waiting.class);
        StatusFile.write(file, Map.of(StatusFile.STATE, StatusFile.STARTING));
        assertThat(ready.check()).isEqualTo(Readiness.waiting("state " + StatusFile.STARTING));
        StatusFile.write(file, Map.of(StatusFile.STATE, StatusFile.RUNNING));
        assertThat(ready.check()).isEqualTo(Readiness.ready());
        StatusFile.write(file, Map.of(StatusFile.STATE, StatusFile.FAILED, StatusFile.ERROR, "boom"));
        assertThat(ready.check()).isEqualTo(Readiness.failed("boom"));
    }

    @Test
    void aChildThatWritesNoStatusIsReadyOnlyAfterTheGrace(@TempDir Path dir) {
        Path file = dir.resolve("status.json");
        assertThat(Readiness.statusFile(file, Duration.ZERO).check()).isEqualTo(Readiness.ready());
        assertThat(Readiness.statusFile(file, Duration.ofHours(1)).check()).isInstanceOf(Readiness.Look.Waiting.class);
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
}
