package io.cdctest.pipeline.metrics;

import io.cdctest.pipeline.PipelineMetrics;
import io.cdctest.spec.MetricsSpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Scrapes a pipeline's Prometheus endpoint every interval (on a daemon thread) and keeps the series
 * the scenario declares as lag or progress; tells whether the lag series are below the caught-up
 * threshold. A scrape that fails is remembered, never fatal: metrics are a signal.
 */
final class MetricsRecorder implements AutoCloseable {
    private static final int MAX_SAMPLES = 10_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final MetricsSpec spec;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final Map<String, String> roles = new LinkedHashMap<>();
    private final Map<String, List<PipelineMetrics.Sample>> samples = new LinkedHashMap<>();
    private ScheduledExecutorService scheduler;
    private int scrapes;
    private String problem;

    MetricsRecorder(MetricsSpec spec) {
        this.spec = spec;
    }

    /** Scrapes every interval from now on. */
    synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cdctest-metrics");
            t.setDaemon(true);
            return t;
        });
        long every = spec.interval().toMillis();
        scheduler.scheduleWithFixedDelay(this::scrape, 0, every, TimeUnit.MILLISECONDS);
    }

    /** One scrape: records every declared series; returns the lag series' values, or empty when it failed. */
    synchronized Optional<Map<String, Double>> scrape() {
        scrapes++;
        String text;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(spec.endpoint())).timeout(TIMEOUT)
                    .header("Accept", "text/plain").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                problem = "HTTP " + response.statusCode();
                return Optional.empty();
            }
            text = response.body();
        } catch (IOException | IllegalArgumentException e) {
            problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.toString();
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        Instant now = Instant.now();
        Map<String, Double> lag = new LinkedHashMap<>();
        for (PrometheusText.Sample sample : PrometheusText.parse(text)) {
            String role = role(sample);
            if (role == null) {
                continue;
            }
            String id = sample.id();
            roles.putIfAbsent(id, role);
            record(samples.computeIfAbsent(id, k -> new ArrayList<>()), new PipelineMetrics.Sample(now, sample.value()));
            if (role.equals("lag")) {
                lag.put(id, sample.value());
            }
        }
        problem = null;
        return Optional.of(lag);
    }

    private String role(PrometheusText.Sample sample) {
        if (spec.lag().stream().anyMatch(s -> s.matches(sample.name(), sample.labels()))) {
            return "lag";
        }
        return spec.progress().stream().anyMatch(s -> s.matches(sample.name(), sample.labels())) ? "progress" : null;
    }

    /** Appends; a series at its limit keeps every other sample (half the resolution, the whole run). */
    private static void record(List<PipelineMetrics.Sample> series, PipelineMetrics.Sample sample) {
        if (series.size() >= MAX_SAMPLES) {
            for (int i = series.size() - 1; i > 0; i -= 2) {
                series.remove(i);
            }
        }
        series.add(sample);
    }

    /** Why the pipeline has not caught up by its lag series (scraped now), or empty when every one is below the threshold. */
    Optional<String> behind() {
        if (spec.caughtUpBelow() == null) {
            return Optional.empty();
        }
        Optional<Map<String, Double>> lag = scrape();
        String selectors = spec.lag().stream().map(Object::toString).collect(Collectors.joining(", "));
        if (lag.isEmpty()) {
            return Optional.of("metrics endpoint " + spec.endpoint() + " does not answer: " + problem);
        }
        if (lag.get().isEmpty()) {
            return Optional.of("no lag series (" + selectors + ") at " + spec.endpoint() + " yet");
        }
        String above = lag.get().entrySet().stream().filter(e -> !(e.getValue() < spec.caughtUpBelow()))
                .map(e -> e.getKey() + " = " + format(e.getValue())).collect(Collectors.joining(", "));
        return above.isEmpty() ? Optional.empty() : Optional.of(above + " (caught up below " + format(spec.caughtUpBelow()) + ")");
    }

    private static String format(double value) {
        return PipelineMetrics.format(value);
    }

    synchronized PipelineMetrics result() {
        List<PipelineMetrics.Series> series = new ArrayList<>();
        samples.forEach((id, list) -> series.add(new PipelineMetrics.Series(id, roles.get(id), List.copyOf(list))));
        return new PipelineMetrics(spec.endpoint(), List.copyOf(series), scrapes, problem);
    }

    /** Stops scraping after one last scrape. */
    @Override
    public void close() {
        ScheduledExecutorService s;
        synchronized (this) {
            s = scheduler;
            scheduler = null;
        }
        if (s != null) {
            s.shutdownNow();
            try {
                s.awaitTermination(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scrape();
        }
    }
}
