package io.cdctest.spec.load;

import io.cdctest.spec.MetricsSpec;
import java.time.Duration;
import java.util.List;

/** Reads the {@code metrics:} block: a Prometheus text endpoint and the series that mean lag or progress. */
final class MetricsLoader {
    private MetricsLoader() {
    }

    static MetricsSpec read(MapReader r, Duration defaultInterval) {
        String endpoint = r.requiredString("endpoint");
        if (!endpoint.matches("(?i)https?://[^/\\s]+.*")) {
            throw r.error("endpoint", "expected the http:// URL of a Prometheus text endpoint, got '" + endpoint + "'");
        }
        List<MetricsSpec.Selector> lag = selectors(r, "lag");
        List<MetricsSpec.Selector> progress = selectors(r, "progress");
        if (lag.isEmpty() && progress.isEmpty()) {
            throw r.missing("lag' or 'progress");
        }
        Double below = null;
        if (r.has("caught_up_below")) {
            String text = r.string("caught_up_below", "");
            try {
                below = Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                throw r.error("caught_up_below", "expected a number (the lag value under which the pipeline has caught up), "
                        + "got '" + text + "'");
            }
            if (lag.isEmpty()) {
                throw r.error("caught_up_below", "needs the lag series it applies to: name them in metrics.lag");
            }
        }
        Duration interval = r.duration("interval", defaultInterval);
        if (interval.isZero() || interval.isNegative()) {
            throw r.error("interval", "must be above 0");
        }
        r.finish();
        return new MetricsSpec(endpoint, lag, progress, below, interval, r.origin());
    }

    private static List<MetricsSpec.Selector> selectors(MapReader r, String key) {
        return r.stringList(key).stream().map(text -> {
            try {
                return MetricsSpec.Selector.parse(text);
            } catch (IllegalArgumentException e) {
                throw r.error(key, e.getMessage());
            }
        }).toList();
    }
}
