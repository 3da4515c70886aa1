package io.cdctest.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdctest.CdctestException;
import io.cdctest.ExitCode;
import io.cdctest.ready.Readiness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A child's start-up wait (the one {@code ready.Wait}) with real, short-lived shell processes: no server. */
class ChildProcessTest {
    @TempDir
    Path dir;

    private ChildProcess start(String script) {
        return ChildProcess.start("broker", List.of("/bin/sh", "-c", script), Map.of(), dir, dir.resolve("broker.log"));
    }

    @Test
    void aChildThatDiesBeforeItIsReadyFailsTheWaitAtOnceWithItsDeathNotice() {
        try (ChildProcess child = start("echo 'no space left on device'; exit 3")) {
            long begun = System.nanoTime();
            assertThatThrownBy(() -> child.awaitReady(Duration.ofMinutes(1), () -> Readiness.waiting("nothing answers")))
                    .isInstanceOfSatisfying(CdctestException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ENVIRONMENT))
                    .hasMessage("broker failed to start: broker exited with code 3: no space left on device (log: "
                            + dir.resolve("broker.log") + ")");
            assertThat(Duration.ofNanos(System.nanoTime() - begun)).isLessThan(Duration.ofSeconds(30));
        }
    }

    @Test
    void aChildThatIsNotReadyInTimeSaysWhatItLastSawAndItsLog() {
        int port = Ports.free();
        try (ChildProcess child = start("sleep 30")) {
            assertThatThrownBy(() -> child.awaitReady(Duration.ofMillis(400), Ports.answering("127.0.0.1", port)))
                    .hasMessage("broker did not start within 400 ms: nothing answers at 127.0.0.1:" + port + " (log: "
                            + dir.resolve("broker.log") + ")");
            assertThat(child.alive().check()).isEqualTo(Readiness.ready());
        }
    }

    @Test
    void aChildIsReadyWhenWhatItServesAnswers() {
        try (ChildProcess child = start("sleep 30")) {
            child.awaitReady(Duration.ofSeconds(10), Readiness::ready);
            assertThat(child.isAlive()).isTrue();
        }
    }
}
