package io.cdctest.pipeline.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.ready.Readiness;
import io.cdctest.support.StatusFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildStatusTest {
    @Test
    void whatAProgramWritesIsReadBackFieldByField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("status.json");
        Map<String, Object> written = new LinkedHashMap<>();
        written.put(StatusFile.STATE, StatusFile.FAILED);
        written.put("events", 12_345_678_901L);
        written.put("batches", 7);
        written.put("ok", true);
        written.put("nothing", null);
        written.put(StatusFile.ERROR, "a \"quoted\" \\ path\non two lines\tand a bell \u0007");
        StatusFile.write(file, written);

        ChildStatus status = ChildStatus.read(file);

        assertThat(status.failed()).isTrue();
        assertThat(status.running()).isFalse();
        assertThat(status.error()).isEqualTo(written.get(StatusFile.ERROR));
        assertThat(status.get("events")).isEqualTo(12_345_678_901L);
        assertThat(status.get("batches")).isEqualTo(7);
        assertThat(status.get("ok")).isEqualTo(true);
        assertThat(status.has("nothing")).isTrue();
        assertThat(Files.exists(dir.resolve("status.json.tmp"))).isFalse();
    }

    @Test
    void aMissingOrBrokenFileIsAnEmptyStatus(@TempDir Path dir) throws Exception {
        assertThat(ChildStatus.read(dir.resolve("none.json")).isEmpty()).isTrue();
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"state\":");
        assertThat(ChildStatus.read(broken).isEmpty()).isTrue();
    }

    @Test
    void aStatusFileIsReadyOnRunningAndFailedOnFailed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("status.json");
        Readiness ready = ChildStatus.readiness(file, null);
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
        assertThat(ChildStatus.readiness(file, Duration.ZERO).check()).isEqualTo(Readiness.ready());
        assertThat(ChildStatus.readiness(file, Duration.ofHours(1)).check()).isInstanceOf(Readiness.Look.Waiting.class);
    }
}
