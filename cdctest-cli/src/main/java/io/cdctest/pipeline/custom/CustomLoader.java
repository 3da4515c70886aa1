package io.cdctest.pipeline.custom;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdctest.spec.Delivery;
import io.cdctest.spec.FieldPath;
import io.cdctest.spec.Secret;
import io.cdctest.spec.load.DeliveryKey;
import io.cdctest.spec.load.MapReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the {@code custom:} block of the generic adapter. Every template is checked here, before
 * anything runs: each placeholder must be known, and secrets may appear only in environment values,
 * HTTP headers and bodies (never in a command line, a directory or a URL, which others can see).
 */
final class CustomLoader {
    private static final String NAME = "[a-z_][a-z0-9_]*";

    private final Set<String> plain = new HashSet<>(CustomSpec.PLACEHOLDERS);
    private final Set<String> secret = new HashSet<>(CustomSpec.SECRET_PLACEHOLDERS);
    private final Set<String> backgroundNames = new HashSet<>();

    CustomSpec read(MapReader r, Path scenarioFile) {
        List<String> tables = r.stringList("tables");
        Map<String, String> vars = r.stringMap("vars");
        Map<String, String> secretText = r.stringMap("secrets");
        List<String> freePorts = r.stringList("free_ports");
        CustomSpec.KafkaLeg kafka = r.map("kafka").map(this::kafka).orElse(null);
        if (kafka != null) {
            plain.addAll(CustomSpec.KAFKA_PLACEHOLDERS);
        }
        declare(r, "free_ports", freePorts, plain);
        Map<String, CustomSpec.Link> links = r.map("links").map(l -> links(l, kafka != null)).orElse(Map.of());
        // vars see the run's names, free ports and links, not each other
        vars.values().forEach(v -> check(r, "vars", v, false));
        declare(r, "vars", vars.keySet(), plain);
        declare(r, "secrets", secretText.keySet(), secret);
        Map<String, Secret> secrets = new LinkedHashMap<>();
        secretText.forEach((k, v) -> secrets.put(k, new Secret(v)));
        Duration startTimeout = r.duration("start_timeout", Duration.ofSeconds(120));
        Duration grace = r.duration("startup_grace", Duration.ofSeconds(5));
        boolean binlog = r.bool("binlog_preflight", true);
        boolean createTargetTables = r.bool("create_target_tables", true);
        MapReader hooks = r.map("hooks").orElse(null);
        CustomSpec.Hooks lifecycle = hooks == null ? new CustomSpec.Hooks(List.of(), List.of(), null, List.of(), List.of())
                : hooks(hooks);
        r.finish();
        return new CustomSpec(tables, vars, Map.copyOf(secrets), freePorts, kafka, lifecycle, startTimeout, grace, binlog,
                createTargetTables, scenarioFile.toAbsolutePath().getParent(), links);
    }

    /**
     * {@code links:}, each by name: {@code from}, {@code to}, {@code address} (a "host:port" template
     * over the run's names and free ports; needed unless {@code to} is source, target or kafka),
     * {@code main}. Each declares the placeholders {@code {link_<name>}}, {@code _host} and {@code _port}.
     */
    private Map<String, CustomSpec.Link> links(MapReader r, boolean kafka) {
        Map<String, CustomSpec.Link> links = new LinkedHashMap<>();
        for (String name : r.keys()) {
            MapReader l = r.map(name).orElseThrow(() -> r.error(name, "expected a map: from, to, address, main"));
            if (!name.matches(NAME)) {
                throw r.error(name, "'" + name + "' cannot be a link name: use lower case letters, digits and _");
            }
            String from = l.requiredString("from");
            String to = l.requiredString("to");
            String address = l.string("address", null);
            if (address == null && !CustomSpec.Link.KNOWN_ENDS.contains(to)) {
                throw l.missing("address");
            }
            if (address != null && CustomSpec.Link.KNOWN_ENDS.contains(to)) {
                throw l.error("address", "a link to " + to + " leads to its address; give address only for a link to "
                        + "another component");
            }
            if (to.equals("kafka") && !kafka) {
                throw l.error("to", "a link to kafka needs a custom.kafka block (the broker the platform writes to)");
            }
            check(l, "address", address, false);
            boolean main = l.bool("main", false);
            if (main && links.values().stream().anyMatch(CustomSpec.Link::main)) {
                throw l.error("main", "another link is already the main one");
            }
            l.finish();
            links.put(name, new CustomSpec.Link(name, from, to, address, main, l.origin()));
        }
        r.finish();
        for (String name : links.keySet()) {
            declare(r, "links", CustomSpec.Link.placeholders(name), plain);
        }
        return java.util.Collections.unmodifiableMap(links);
    }

    private void declare(MapReader r, String key, java.util.Collection<String> names, Set<String> into) {
        for (String name : names) {
            if (!name.matches(NAME)) {
                throw r.error(key, "'" + name + "' cannot be a placeholder name: use lower case letters, digits and _");
            }
            if (plain.contains(name) || secret.contains(name) || CustomSpec.KAFKA_PLACEHOLDERS.contains(name)) {
                throw r.error(key, "'" + name + "' is already a placeholder (" + key + " names must be new)");
            }
            into.add(name);
        }
    }

    private CustomSpec.KafkaLeg kafka(MapReader r) {
        String topic = r.string("topic", "cdc_test_topic");
        String group = r.string("group", "cdc_test_group");
        String format = r.requiredString("format");
        io.cdctest.format.WireFormat wire = io.cdctest.format.WireFormat.byId(format).orElseThrow(() -> r.error("format",
                "unknown wire format '" + format + "' (known: " + String.join(", ", io.cdctest.format.WireFormat.ids()) + ")"));
        Delivery d = DeliveryKey.read(r);
        r.finish();
        return new CustomSpec.KafkaLeg(topic, group, wire.id(), d);
    }

    private CustomSpec.Hooks hooks(MapReader r) {
        // captures are values later hooks use: known before any template is checked
        for (String stage : List.of("setup", "start", "status", "stop", "teardown")) {
            for (MapReader hook : stage.equals("status") ? r.map(stage).stream().toList() : r.mapOrMaps(stage)) {
                Map<String, String> capture = hook.stringMap("capture");
                declareCaptures(hook, capture.keySet());
            }
        }
        Map<String, List<CustomSpec.Hook>> stages = new LinkedHashMap<>();
        for (String stage : List.of("setup", "start", "stop", "teardown")) {
            List<MapReader> readers = r.mapOrMaps(stage);
            List<CustomSpec.Hook> list = new ArrayList<>();
            for (int i = 0; i < readers.size(); i++) {
                MapReader h = readers.get(i);
                list.add(hook(h, readers.size() == 1 ? stage : stage + "-" + (i + 1), stage, true));
                h.finish();
            }
            stages.put(stage, List.copyOf(list));
        }
        CustomSpec.Status status = r.map("status").map(this::status).orElse(null);
        r.finish();
        return new CustomSpec.Hooks(stages.get("setup"), stages.get("start"), status, stages.get("stop"),
                stages.get("teardown"));
    }

    private void declareCaptures(MapReader hook, Set<String> names) {
        for (String name : names) {
            if (!name.matches(NAME)) {
                throw hook.error("capture", "'" + name + "' cannot be a placeholder name: use lower case letters, digits and _");
            }
            if (CustomSpec.PLACEHOLDERS.contains(name) || CustomSpec.KAFKA_PLACEHOLDERS.contains(name) || secret.contains(name)) {
                throw hook.error("capture", "'" + name + "' is already a placeholder");
            }
            plain.add(name);
        }
    }

    private CustomSpec.Status status(MapReader r) {
        CustomSpec.Hook hook = hook(r, "status", "status", false);
        FieldPath state = field(r, "state");
        FieldPath message = r.has("message") ? field(r, "message") : null;
        Set<String> running = states(r, "running");
        if (running.isEmpty()) {
            throw r.missing("running");
        }
        Set<String> starting = states(r, "starting");
        Set<String> failed = states(r, "failed");
        for (String value : running) {
            if (starting.contains(value) || failed.contains(value)) {
                throw r.error("running", "'" + value + "' is named in more than one of running, starting and failed");
            }
        }
        starting.stream().filter(failed::contains).findFirst().ifPresent(v -> {
            throw r.error("starting", "'" + v + "' is named in both starting and failed");
        });
        r.finish();
        return new CustomSpec.Status(hook, state, message, running, starting, failed);
    }

    private static Set<String> states(MapReader r, String key) {
        Set<String> values = new LinkedHashSet<>();
        r.stringList(key).forEach(v -> values.add(v.toLowerCase(Locale.ROOT)));
        return Set.copyOf(values);
    }

    private static FieldPath field(MapReader r, String key) {
        try {
            return FieldPath.parse(r.string(key, ""));
        } catch (IllegalArgumentException e) {
            throw r.error(key, e.getMessage());
        }
    }

    /** One hook: exactly one of {@code command} and {@code http}. */
    private CustomSpec.Hook hook(MapReader r, String defaultName, String stage, boolean mayRunInBackground) {
        String name = r.string("name", defaultName);
        boolean command = r.has("command");
        boolean http = r.has("http");
        if (command == http) {
            throw command ? r.error("http", "a hook is a command or an HTTP call, not both")
                    : r.missing("command' or 'http");
        }
        Map<String, FieldPath> capture = new LinkedHashMap<>();
        r.stringMap("capture").forEach((k, v) -> {
            try {
                capture.put(k, FieldPath.parse(v));
            } catch (IllegalArgumentException e) {
                throw r.error("capture", k + ": " + e.getMessage());
            }
        });
        if (http) {
            for (String key : List.of("dir", "env", "background")) {
                if (r.has(key)) {
                    throw r.error(key, "only a command has " + key + "; this hook is an HTTP call");
                }
            }
            Duration timeout = r.duration("timeout", Duration.ofSeconds(30));
            MapReader h = r.map("http").orElseThrow();
            return http(h, name, timeout, Map.copyOf(capture), r);
        }
        if (r.isScalar("command")) {
            throw r.error("command", "expected a list, the program and its arguments: [sh, start.sh, \"{source_db}\"] "
                    + "(no shell runs it; for a shell line write [sh, -c, '...'])");
        }
        List<String> argv = r.stringList("command");
        if (argv.isEmpty() || argv.get(0).isBlank()) {
            throw r.error("command", "expected the program and its arguments, e.g. [sh, start.sh, \"{source_db}\"]");
        }
        argv.forEach(a -> check(r, "command", a, false));
        String dir = r.string("dir", null);
        check(r, "dir", dir, false);
        Map<String, String> env = r.stringMap("env");
        env.forEach((k, v) -> check(r, "env", v, true));
        boolean background = r.bool("background", false);
        if (background && !mayRunInBackground) {
            throw r.error("background", "the status hook answers and exits; it cannot run in the background");
        }
        if (background && !capture.isEmpty()) {
            throw r.error("capture", "a background command runs until " + (stage.equals("setup") ? "teardown" : "stop")
                    + "; there is no answer to capture from");
        }
        if (background && r.has("timeout")) {
            throw r.error("timeout", "a background command runs until it is stopped; how long it may take to start is "
                    + "custom.start_timeout");
        }
        if (background && java.util.Set.of("hooks", "kafka", "source-mariadb", "target-mariadb").contains(name)) {
            throw r.error("name", "'" + name + "' is the name of another log of the run; name the command otherwise");
        }
        if (background && !backgroundNames.add(name)) {
            throw r.error("name", "another background command is named '" + name + "' (each gets its own log, <name>.log)");
        }
        Duration timeout = r.duration("timeout", Duration.ofSeconds(60));
        return new CustomSpec.Command(name, argv, dir, env, timeout, background, Map.copyOf(capture), r.origin());
    }

    private CustomSpec.Http http(MapReader h, String name, Duration timeout, Map<String, FieldPath> capture, MapReader hook) {
        String url = h.requiredString("url");
        check(h, "url", url, false);
        if (!url.matches("(?i)https?://.+") && !url.matches("\\{[a-z_][a-z0-9_]*}.*")) {
            throw h.error("url", "expected an http:// or https:// URL (or one that starts with a placeholder), got '" + url + "'");
        }
        Map<String, String> headers = h.stringMap("headers");
        headers.forEach((k, v) -> check(h, "headers", v, true));
        CustomSpec.Body body = CustomSpec.Body.NONE;
        if (h.has("body")) {
            JsonNode json = h.json("body").orElseThrow();
            if (json.isTextual()) {
                check(h, "body", json.asText(), true);
                body = new CustomSpec.Body(null, json.asText());
            } else {
                checkJson(h, json);
                body = new CustomSpec.Body(json, null);
            }
        }
        String method = h.string("method", body == CustomSpec.Body.NONE ? "GET" : "POST").toUpperCase(Locale.ROOT);
        if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD").contains(method)) {
            throw h.error("method", "expected GET, POST, PUT, PATCH, DELETE or HEAD, got '" + method + "'");
        }
        Set<Integer> expect = new LinkedHashSet<>();
        for (String code : h.stringList("expect_status")) {
            try {
                int c = Integer.parseInt(code.trim());
                if (c < 100 || c > 599) {
                    throw new NumberFormatException();
                }
                expect.add(c);
            } catch (NumberFormatException e) {
                throw h.error("expect_status", "expected HTTP status codes such as 200 or [200, 201], got '" + code + "'");
            }
        }
        h.finish();
        return new CustomSpec.Http(name, method, url, headers, body, Set.copyOf(expect), timeout, capture, hook.origin());
    }

    private void checkJson(MapReader r, JsonNode node) {
        if (node.isTextual()) {
            check(r, "body", node.asText(), true);
        }
        node.elements().forEachRemaining(child -> checkJson(r, child));
    }

    /** Every placeholder of a template is known; secrets only where {@code secretsAllowed}. */
    private void check(MapReader r, String key, String template, boolean secretsAllowed) {
        for (String p : CustomSpec.placeholders(template)) {
            if (secret.contains(p)) {
                if (!secretsAllowed) {
                    throw r.error(key, "{" + p + "} is a secret: use it in env, headers or body, never in a command "
                            + "line, directory or URL (others can read those)");
                }
            } else if (!plain.contains(p)) {
                String hint = CustomSpec.KAFKA_PLACEHOLDERS.contains(p) ? " ({" + p + "} needs a custom.kafka block)" : "";
                Set<String> known = new TreeSet<>(plain);
                if (secretsAllowed) {
                    known.addAll(secret);
                }
                throw r.error(key, "unknown placeholder {" + p + "}" + hint + MapReader.suggestion(p, known));
            }
        }
    }
}
