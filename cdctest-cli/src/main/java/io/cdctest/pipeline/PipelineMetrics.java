package io.cdctest.pipeline;

import java.time.Instant;
import java.util.List;

/**
 * What a pipeline's own metrics said during a run (the series of its Prometheus endpoint that mean
 * lag or progress), for the reports.
 *
 * @param endpoint where they were scraped
 * @param scrapes  how many scrapes were attempted
 * @param problem  the last scrape that failed, or null
 */
public record PipelineMetrics(String endpoint, List<Series> series, int scrapes, String problem) {
    public static final PipelineMetrics NONE = new PipelineMetrics(null, List.of(), 0, null);

    public boolean isEmpty() {
        return endpoint == null;
    }

    /** A value for people: whole numbers as they are, others to 4 significant digits ({@code 12.5}, {@code 0.0031}). */
    public static String format(double value) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf((long) value);
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /**
     * One series: {@code name{labels}} as the endpoint exposed it, its role ({@code lag} or
     * {@code progress}), and its samples in time order.
     */
    public record Series(String name, String role, List<Sample> samples) {
        public double last() {
            return samples.isEmpty() ? Double.NaN : samples.get(samples.size() - 1).value();
        }

        public double min() {
            return samples.stream().mapToDouble(Sample::value).min().orElse(Double.NaN);
        }

        public double max() {
            return samples.stream().mapToDouble(Sample::value).max().orElse(Double.NaN);
        }
    }

    public record Sample(Instant at, double value) {
    }
}
