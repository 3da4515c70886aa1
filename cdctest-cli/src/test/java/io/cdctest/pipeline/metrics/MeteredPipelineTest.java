package io.cdctest.pipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.check.FilterEffects;
import io.cdctest.pipeline.IdlePipeline;
import io.cdctest.pipeline.Pipeline;
import io.cdctest.pipeline.PipelineMetrics;
import io.cdctest.spec.MetricsSpec;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The metrics decorator passes every method of the Pipeline core on (a method added to the core must be
 * added to it too) and every capability but the two it adds to.
 */
class MeteredPipelineTest {
    private static final MetricsSpec METRICS = new MetricsSpec("http://127.0.0.1:1/metrics", List.of(), List.of(), null,
            Duration.ofSeconds(1), null);

    /** A pipeline that can say it is behind and run actions, and nothing else. */
    private static class Behind extends IdlePipeline implements Pipeline.CatchUp, Pipeline.Actions {
        @Override
        public List<String> describe() {
            return List.of("behind");
        }

        @Override
        public Optional<String> behind(Instant lastWrite) {
            return Optional.of("watermark before " + lastWrite);
        }

        @Override
        public String act(String action) {
            return "did " + action;
        }
    }

    @Test
    void capabilitiesAreThePipelinesOwnOrTheNeutralDefault() {
        Behind plain = new Behind();
        Pipeline metered = new MeteredPipeline(plain, METRICS);
        Instant t = Instant.EPOCH;

        assertThat(Pipeline.CatchUp.of(metered).behind(t)).contains("watermark before " + t);
        assertThat(Pipeline.Actions.of(metered).act("pause_cdc")).isEqualTo("did pause_cdc");
        assertThat(metered.capability(Pipeline.Actions.class)).containsSame(plain);
        assertThat(Pipeline.Filters.of(metered).filters(null)).isSameAs(FilterEffects.NONE);
        assertThat(metered.capability(Pipeline.Locate.class)).isEmpty();
        assertThat(Pipeline.Metrics.of(plain).metrics()).isSameAs(PipelineMetrics.NONE);
        assertThat(Pipeline.Metrics.of(metered).metrics().endpoint()).isEqualTo(METRICS.endpoint());
        assertThat(metered.describe()).containsExactly("behind", "metrics: " + METRICS.endpoint());
    }

    @Test
    void everyPipelineMethodIsOverridden() {
        List<String> missing = Arrays.stream(Pipeline.class.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .filter(m -> !declares(m))
                .map(Method::getName).toList();
        assertThat(missing).as("Pipeline methods MeteredPipeline does not pass on").isEmpty();
    }

    private static boolean declares(Method m) {
        try {
            MeteredPipeline.class.getDeclaredMethod(m.getName(), m.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
