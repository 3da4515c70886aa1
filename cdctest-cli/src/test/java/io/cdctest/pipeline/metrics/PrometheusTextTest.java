package io.cdctest.pipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.spec.MetricsSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The text exposition format as endpoints write it, and the series selectors of metrics.lag/progress. */
class PrometheusTextTest {

    @Test
    void samplesWithLabelsTimestampsAndSpecialValues() {
        List<PrometheusText.Sample> samples = PrometheusText.parse(String.join("\n",
                "# HELP cdc_binlog_lag_seconds Replication lag",
                "# TYPE cdc_binlog_lag_seconds gauge",
                "cdc_binlog_lag_seconds{job=\"orders\",region=\"sg\"} 1.5",
                "cdc_binlog_events_total 1.2e6 1698036000000",
                "mo_cdc_watermark_lag_seconds{task=\"t \\\"1\\\"\", path=\"C:\\\\mo\"} +Inf",
                "odd_line_without_value",
                "   ",
                "rate NaN"));
        assertThat(samples).extracting(PrometheusText.Sample::name)
                .containsExactly("cdc_binlog_lag_seconds", "cdc_binlog_events_total", "mo_cdc_watermark_lag_seconds", "rate");
        assertThat(samples.get(0).labels()).containsExactly(Map.entry("job", "orders"), Map.entry("region", "sg"));
        assertThat(samples.get(0).id()).isEqualTo("cdc_binlog_lag_seconds{job=\"orders\",region=\"sg\"}");
        assertThat(samples.get(1).value()).isEqualTo(1_200_000);
        assertThat(samples.get(2).labels()).containsEntry("task", "t \"1\"").containsEntry("path", "C:\\mo");
        assertThat(samples.get(2).value()).isInfinite();
        assertThat(samples.get(3).value()).isNaN();
    }

    @Test
    void selectorsMatchByNameAndTheLabelsTheyName() {
        MetricsSpec.Selector orders = MetricsSpec.Selector.parse("cdc_binlog_lag_seconds{job=\"orders\"}");
        assertThat(orders.matches("cdc_binlog_lag_seconds", Map.of("job", "orders", "region", "sg"))).isTrue();
        assertThat(orders.matches("cdc_binlog_lag_seconds", Map.of("job", "refunds"))).isFalse();
        assertThat(orders.matches("cdc_binlog_lag_seconds_total", Map.of("job", "orders"))).isFalse();
        assertThat(MetricsSpec.Selector.parse("mo_cdc_watermark_lag_seconds").matches("mo_cdc_watermark_lag_seconds", Map.of()))
                .isTrue();
        assertThat(orders).hasToString("cdc_binlog_lag_seconds{job=\"orders\"}");
    }
}
