package io.cdctest.pipeline.matrixone;

import io.cdctest.pipeline.metrics.PrometheusText;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The CDC series of a MatrixOne CN's Prometheus endpoint (its status port), read for what
 * MatrixOne's tables cannot tell: MatrixOne 4.2 records a table's error in {@code
 * mo_cdc_watermark.err_msg}, a VARCHAR(256), and loses every longer message (a sink's SQL syntax
 * error, say), leaving the table stopped at watermark {@code 0-0} with no error to be seen. {@code
 * mo_cdc_table_non_retryable_error} still says so. An endpoint that does not answer is no signal.
 */
final class MoMetrics {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final URI url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    MoMetrics(String url) {
        this.url = URI.create(url);
    }

    String url() {
        return url.toString();
    }

    /** Whether the endpoint answers with CDC series. */
    boolean reachable() {
        return scrape().map(s -> s.contains("mo_cdc_")).orElse(false);
    }

    /**
     * The tables of a task ({@code db.table}) that MatrixOne counts as stopped by a non-retryable
     * error, each with the error type it gives.
     */
    List<String> stoppedTables(String taskId) {
        List<String> stopped = new ArrayList<>();
        scrape().ifPresent(text -> {
            for (PrometheusText.Sample s : PrometheusText.parse(text)) {
                String table = s.labels().getOrDefault("table", "");
                // table="<account id>.<task id>.<db>.<table>"
                int at = table.indexOf("." + taskId + ".");
                if (s.name().equals("mo_cdc_table_non_retryable_error") && s.value() >= 1 && at >= 0) {
                    stopped.add(table.substring(at + taskId.length() + 2) + " (" + s.labels().getOrDefault("error_type", "?")
                            + ")");
                }
            }
        });
        return stopped;
    }

    private Optional<String> scrape() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
