package io.cdctest.spec;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code metrics:} block: a Prometheus text endpoint of the pipeline and the series that mean
 * lag or progress. cdctest scrapes it every {@code interval} during the run and puts the series in
 * the reports; with {@code caughtUpBelow}, a wait compares data only once every lag series is below
 * it (a signal; the data comparison still decides).
 *
 * @param caughtUpBelow threshold of the lag series, or null for none
 */
public record MetricsSpec(String endpoint, List<Selector> lag, List<Selector> progress, Double caughtUpBelow,
                          Duration interval, Origin origin) {

    /** Which series a name selects: {@code name} or {@code name{label="value",...}} (exact label matches). */
    public record Selector(String name, Map<String, String> labels) {
        private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(?:\\{(.*)})?");
        private static final Pattern LABEL = Pattern.compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*(,|$)");

        /** Parses a selector; throws IllegalArgumentException saying what is wrong. */
        public static Selector parse(String text) {
            Matcher m = SELECTOR.matcher(text.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("expected a metric name, optionally with labels: name{label=\"value\"}, got '"
                        + text + "'");
            }
            Map<String, String> labels = new LinkedHashMap<>();
            String body = m.group(2) == null ? "" : m.group(2).trim();
            Matcher l = LABEL.matcher(body);
            int at = 0;
            while (at < body.length()) {
                if (!l.find(at) || l.start() != at) {
                    throw new IllegalArgumentException("cannot read the labels of '" + text + "' (expected label=\"value\", ...)");
                }
                labels.put(l.group(1), l.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
                at = l.end();
            }
            return new Selector(m.group(1), Map.copyOf(labels));
        }

        /** Whether a sample's name and labels are selected (its other labels do not matter). */
        public boolean matches(String metric, Map<String, String> sampleLabels) {
            return name.equals(metric) && labels.entrySet().stream()
                    .allMatch(e -> e.getValue().equals(sampleLabels.get(e.getKey())));
        }

        @Override
        public String toString() {
            if (labels.isEmpty()) {
                return name;
            }
            StringBuilder s = new StringBuilder(name).append('{');
            labels.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> s.append(e.getKey()).append("=\"").append(e.getValue()).append("\","));
            s.setLength(s.length() - 1);
            return s.append('}').toString();
        }
    }
}
