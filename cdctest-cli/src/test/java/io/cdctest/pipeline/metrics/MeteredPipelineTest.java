package io.cdctest.pipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.pipeline.Pipeline;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The metrics decorator passes every method of Pipeline on: a method added to Pipeline must be added to it too. */
class MeteredPipelineTest {

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
