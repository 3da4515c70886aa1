package io.cdctest.spec.load;

import io.cdctest.CdctestException;
import io.cdctest.spec.Origin;
import io.cdctest.spec.load.YNode.YEntry;
import io.cdctest.spec.load.YNode.YList;
import io.cdctest.spec.load.YNode.YMap;
import io.cdctest.spec.load.YNode.YScalar;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed, strict reading of one YAML map. Every key asked for becomes a known key; {@link #finish()}
 * rejects any other key with file, line and a suggestion. Errors are one line:
 * {@code file:line: path.key: problem}.
 */
public final class MapReader {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    private final YMap map;
    private final String path;
    private final Interpolator interpolator;
    private final Consumer<String> warnings;
    private final Set<String> known = new LinkedHashSet<>();

    /** Every key the readers of one loader have known, as path.key (list indices dropped): the model, for the reference test. */
    private final Set<String> catalog;

    /** @param catalog collects every key this reader and its children know (see {@link #finish()}) */
    MapReader(YMap map, String path, Interpolator interpolator, Consumer<String> warnings, Set<String> catalog) {
        this.map = map;
        this.path = path;
        this.interpolator = interpolator;
        this.warnings = warnings;
        this.catalog = catalog;
    }

    public Origin origin() {
        return map.origin();
    }

    public String path() {
        return path;
    }

    public boolean has(String key) {
        known.add(key);
        YEntry entry = map.entries().get(key);
        return entry != null && !(entry.value() instanceof YScalar s && s.text() == null);
    }

    public Origin originOf(String key) {
        YEntry entry = map.entries().get(key);
        return entry == null ? map.origin() : entry.keyOrigin();
    }

    public Optional<String> string(String key) {
        YNode node = node(key);
        if (node == null) {
            return Optional.empty();
        }
        if (!(node instanceof YScalar scalar)) {
            throw error(key, "expected a single value, got " + node.kind());
        }
        return Optional.ofNullable(interpolator.apply(scalar.text(), originOf(key), name(key)));
    }

    public String string(String key, String fallback) {
        return string(key).orElse(fallback);
    }

    public String requiredString(String key) {
        return string(key).filter(s -> !s.isBlank()).orElseThrow(() -> missing(key));
    }

    public int integer(String key, int fallback) {
        return wholeNumber(key, Integer::parseInt, fallback);
    }

    public long longValue(String key, long fallback) {
        return wholeNumber(key, Long::parseLong, fallback);
    }

    /** A whole number ({@code 50}, {@code 1_000}) read by {@code parse}, which throws when it does not fit. */
    private <N extends Number> N wholeNumber(String key, Function<String, N> parse, N fallback) {
        return string(key).map(text -> {
            try {
                return parse.apply(text.trim().replace("_", ""));
            } catch (NumberFormatException e) {
                throw error(key, "expected a whole number, got '" + text + "'");
            }
        }).orElse(fallback);
    }

    public int positiveInteger(String key, int fallback) {
        int value = integer(key, fallback);
        if (value <= 0) {
            throw error(key, "expected a number greater than 0, got " + value);
        }
        return value;
    }

    /** A number, whole or with decimals ({@code 50}, {@code 0.5}, {@code 1_000}). */
    public Double number(String key, Double fallback) {
        return string(key).map(text -> {
            try {
                double value = Double.parseDouble(text.trim().replace("_", ""));
                if (Double.isFinite(value)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw error(key, "expected a number, got '" + text + "'");
        }).orElse(fallback);
    }

    public boolean bool(String key, boolean fallback) {
        return string(key).map(text -> switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error(key, "expected true or false, got '" + text + "'");
        }).orElse(fallback);
    }

    /** A duration: a number of seconds (legacy), or a number with a unit: 500ms, 10s, 2m, 1h. */
    public Duration duration(String key, Duration fallback) {
        return string(key).map(text -> parseDuration(text.trim()).orElseThrow(
                () -> error(key, "expected a duration such as 30, 30s, 500ms or 2m, got '" + text + "'")))
                .orElse(fallback);
    }

    public static Optional<Duration> parseDuration(String text) {
        Matcher m = DURATION.matcher(text);
        if (m.matches()) {
            double amount = Double.parseDouble(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            double millis = switch (unit) {
                case "ms" -> amount;
                case "m" -> amount * 60_000;
                case "h" -> amount * 3_600_000;
                default -> amount * 1000;
            };
            return Optional.of(Duration.ofMillis(Math.round(millis)));
        }
        try {
            return Optional.of(Duration.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A list of names: a YAML list, or one comma-separated string. */
    public List<String> stringList(String key) {
        YNode node = node(key);
        if (node == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        if (node instanceof YScalar scalar) {
            String text = interpolator.apply(scalar.text(), originOf(key), name(key));
            Arrays.stream(text == null ? new String[0] : text.split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).forEach(values::add);
        } else if (node instanceof YList list) {
            for (YNode item : list.items()) {
                if (!(item instanceof YScalar s) || s.text() == null) {
                    throw new CdctestException(io.cdctest.ExitCode.CONFIG, item.origin() + ": " + name(key)
                            + ": expected a list of names, got " + item.kind());
                }
                values.add(interpolator.apply(s.text(), item.origin(), name(key)));
            }
        } else {
            throw error(key, "expected a list, got " + node.kind());
        }
        return List.copyOf(values);
    }

    public Optional<MapReader> map(String key) {
        YNode node = node(key);
        if (node == null) {
            return Optional.empty();
        }
        if (!(node instanceof YMap child)) {
            throw error(key, "expected a map of keys, got " + node.kind());
        }
        return Optional.of(new MapReader(child, name(key), interpolator, warnings, catalog));
    }

    /** The maps of a list value, each read strictly. */
    public List<MapReader> maps(String key) {
        YNode node = node(key);
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof YList list)) {
            throw error(key, "expected a list, got " + node.kind());
        }
        List<MapReader> readers = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            YNode item = list.items().get(i);
            if (!(item instanceof YMap child)) {
                throw CdctestException.config(item.origin() + ": " + name(key) + "[" + i + "]: expected a map of keys, got "
                        + item.kind());
            }
            readers.add(new MapReader(child, name(key) + "[" + i + "]", interpolator, warnings, catalog));
        }
        return readers;
    }

    /** The keys of this map, in file order (names that are the user's own, such as link names). */
    public java.util.Set<String> keys() {
        return java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(map.entries().keySet()));
    }

    /** Whether the key holds a single value (not a list or map). */
    public boolean isScalar(String key) {
        return node(key) instanceof YScalar;
    }

    /** One map, or a list of maps, each read strictly (a lifecycle stage: one hook or several). */
    public List<MapReader> mapOrMaps(String key) {
        YNode node = node(key);
        if (node instanceof YMap child) {
            return List.of(new MapReader(child, name(key), interpolator, warnings, catalog));
        }
        return node == null ? List.of() : maps(key);
    }

    /** A map of names to single values (environment variables, HTTP headers, vars), interpolated. */
    public Map<String, String> stringMap(String key) {
        Optional<MapReader> child = map(key);
        if (child.isEmpty()) {
            return Map.of();
        }
        MapReader reader = child.get();
        Map<String, String> result = new LinkedHashMap<>();
        for (String name : reader.map.entries().keySet()) {
            result.put(name, reader.string(name).orElse("")); // names are the user's own: not catalogued
        }
        return java.util.Collections.unmodifiableMap(result);
    }

    /**
     * A YAML value as JSON (an HTTP body), interpolated: maps, lists, and scalars typed as YAML types
     * them (unquoted numbers, true/false and null keep their type; quoted values are text).
     */
    public Optional<com.fasterxml.jackson.databind.JsonNode> json(String key) {
        YNode node = node(key);
        return node == null ? Optional.empty() : Optional.of(json(node, name(key)));
    }

    private com.fasterxml.jackson.databind.JsonNode json(YNode node, String name) {
        var nodes = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        if (node instanceof YMap m) {
            var object = nodes.objectNode();
            m.entries().forEach((k, e) -> object.set(k, json(e.value(), name + "." + k)));
            return object;
        }
        if (node instanceof YList l) {
            var array = nodes.arrayNode();
            l.items().forEach(i -> array.add(json(i, name)));
            return array;
        }
        YScalar s = (YScalar) node;
        String text = interpolator.apply(s.text(), s.origin(), name);
        if (text == null) {
            return nodes.nullNode();
        }
        if (!s.quoted()) {
            if (text.equals("true") || text.equals("false")) {
                return nodes.booleanNode(Boolean.parseBoolean(text));
            }
            if (text.matches("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?")) {
                return text.matches("-?\\d+") ? nodes.numberNode(new java.math.BigInteger(text))
                        : nodes.numberNode(new java.math.BigDecimal(text));
            }
        }
        return nodes.textNode(text);
    }

    /** A map of name to list of names (e.g. {@code test_groups}). */
    public Map<String, List<String>> listsByName(String key) {
        Optional<MapReader> child = map(key);
        if (child.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        MapReader reader = child.get();
        for (String name : reader.map.entries().keySet()) {
            result.put(name, reader.stringList(name));
        }
        return result;
    }

    /** A warning about a key's value: one line naming file, line and key. */
    public void warn(String key, String note) {
        warnings.accept(originOf(key) + ": " + name(key) + ": " + note);
    }

    /** A key of the earlier tool that this model does not use: accepted, with a warning. */
    public void legacy(String key, String note) {
        if (map.entries().containsKey(key)) {
            known.add(key);
            warnings.accept(originOf(key) + ": " + name(key) + ": " + note);
        }
    }

    /** Rejects every key that was not asked for; adds the known ones to the catalog. */
    public void finish() {
        String base = path.replaceAll("\\[\\d+]", "");
        known.forEach(k -> catalog.add(base.isEmpty() ? k : base + "." + k));
        for (YEntry entry : map.entries().values()) {
            if (!known.contains(entry.key())) {
                String where = path.isEmpty() ? "" : " in " + path;
                throw CdctestException.config(entry.keyOrigin() + ": unknown key '" + entry.key() + "'" + where
                        + suggestion(entry.key(), known));
            }
        }
    }

    public CdctestException error(String key, String problem) {
        return CdctestException.config(originOf(key) + ": " + name(key) + ": " + problem);
    }

    public CdctestException missing(String key) {
        String where = path.isEmpty() ? "" : " in " + path;
        return CdctestException.config(map.origin() + ": missing required key '" + key + "'" + where);
    }

    private String name(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private YNode node(String key) {
        known.add(key);
        YEntry entry = map.entries().get(key);
        if (entry == null || entry.value() instanceof YScalar s && s.text() == null) {
            return null;
        }
        return entry.value();
    }

    /** " (did you mean 'x'?)" for a close known name, else a list of the known names. */
    public static String suggestion(String wrong, Set<String> candidates) {
        Optional<String> closest = candidates.stream()
                .min(Comparator.comparingInt(c -> distance(wrong.toLowerCase(Locale.ROOT), c)));
        if (closest.isPresent() && distance(wrong.toLowerCase(Locale.ROOT), closest.get()) <= Math.max(2, wrong.length() / 3)) {
            return " (did you mean '" + closest.get() + "'?)";
        }
        return candidates.isEmpty() ? "" : " (known: " + String.join(", ", candidates) + ")";
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
