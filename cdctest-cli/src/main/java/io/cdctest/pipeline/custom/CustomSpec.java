package io.cdctest.pipeline.custom;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdctest.spec.Delivery;
import io.cdctest.spec.FieldPath;
import io.cdctest.spec.Origin;
import io.cdctest.spec.PipelineSettings;
import io.cdctest.spec.Secret;
import io.cdctest.spec.Template;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code custom:} block: a CDC platform cdctest does not know, described by its lifecycle
 * hooks ({@code setup}, {@code start}, {@code status}, {@code stop}, {@code teardown}), each a
 * command or an HTTP call whose templates see the scenario's values and the run's names.
 *
 * @param tables       the tables the platform replicates and the checks compare
 * @param vars         the scenario's own values, {@code {name}} in templates
 * @param secrets      values templates may use only where no one sees them: environment values, HTTP
 *                     headers and bodies; masked in every log
 * @param freePorts    names of TCP ports cdctest picks free on 127.0.0.1 for the run ({@code {name}})
 * @param kafka        the Kafka leg, or null when the platform writes no topic cdctest should read
 * @param startTimeout how long the start may take: background commands ready, the status hook running
 * @param startupGrace a background command that writes no status file counts as started after this long
 * @param binlogPreflight check the source's binary log (ROW, FULL) and replication grants before the run
 * @param createTargetTables cdctest creates the target database and tables (false: the platform does)
 * @param baseDir      the scenario file's directory: relative {@code dir}s are resolved against it
 * @param links        the network links of the platform the scenario names, by name
 */
public record CustomSpec(List<String> tables, Map<String, String> vars, Map<String, Secret> secrets,
                         List<String> freePorts, KafkaLeg kafka, Hooks hooks, Duration startTimeout, Duration startupGrace,
                         boolean binlogPreflight, boolean createTargetTables, Path baseDir, Map<String, Link> links)
        implements PipelineSettings {

    /** Placeholders every template may use. */
    public static final Set<String> PLACEHOLDERS = Set.of("run_id", "db", "source_db", "target_db", "tables",
            "source_host", "source_port", "source_user", "source_engine", "target_host", "target_port", "target_user",
            "target_engine", "work_dir", "scenario_dir", "home", "java");
    /** Placeholders of the Kafka leg (only with {@code custom.kafka}). */
    public static final Set<String> KAFKA_PLACEHOLDERS = Set.of("topic", "group", "format", "bootstrap_servers");
    /** Placeholders that are secrets: never on a command line or in a URL. */
    public static final Set<String> SECRET_PLACEHOLDERS = Set.of("source_password", "target_password");

    /** The placeholders a template uses (the {@link Template#HOOK} spelling). */
    public static List<String> placeholders(String template) {
        return Template.HOOK.placeholders(template);
    }

    /**
     * A network link of the platform ({@code custom.links.<name>}): the component that dials it
     * ({@code from}), what it reaches ({@code to}: {@code source}, {@code target}, {@code kafka} (a
     * listener of the embedded broker), or any name with an {@code address} template "host:port").
     * Templates reach the link as {@code {link_<name>}} (host:port), {@code {link_<name>_host}} and
     * {@code {link_<name>_port}}: the fault point's address when the link is routed.
     */
    public record Link(String name, String from, String to, String address, boolean main, Origin origin) {
        /** The ends whose address cdctest knows: the endpoints and the Kafka leg. */
        public static final Set<String> KNOWN_ENDS = Set.of("source", "target", "kafka");

        /** The placeholders of a link named {@code name}. */
        public static List<String> placeholders(String name) {
            return List.of("link_" + name, "link_" + name + "_host", "link_" + name + "_port");
        }
    }

    /** What the platform writes to Kafka: the run uses {@code <topic>_<run id>} and {@code <group>_<run id>}. */
    public record KafkaLeg(String topic, String group, String format, Delivery delivery) {
    }

    /** The lifecycle: lists run in order; {@code status} is one hook or null. */
    public record Hooks(List<Hook> setup, List<Hook> start, Status status, List<Hook> stop, List<Hook> teardown) {
    }

    /** One lifecycle hook: a command or an HTTP call. {@code capture}: value name to a field of the answer. */
    public sealed interface Hook permits Command, Http {
        String name();

        Duration timeout();

        Map<String, FieldPath> capture();

        Origin origin();
    }

    /**
     * A command: an argv template run without a shell in {@code dir} (relative to the scenario file),
     * with the {@code CDCTEST_*} environment plus {@code env}. One-shot commands must exit 0 within
     * {@code timeout}; a {@code background} command is a service that runs until the stage that
     * started it is undone (start: after the stop hooks; setup: after the teardown hooks).
     */
    public record Command(String name, List<String> argv, String dir, Map<String, String> env, Duration timeout,
                          boolean background, Map<String, FieldPath> capture, Origin origin) implements Hook {
    }

    /**
     * An HTTP call. {@code body} is JSON built from YAML ({@code json}) or a text template
     * ({@code text}); {@code expectStatus} empty means any 2xx.
     */
    public record Http(String name, String method, String url, Map<String, String> headers, Body body,
                       Set<Integer> expectStatus, Duration timeout, Map<String, FieldPath> capture, Origin origin)
            implements Hook {
    }

    /** A request body: JSON whose string values are templates, or a text template; both null for none. */
    public record Body(JsonNode json, String text) {
        public static final Body NONE = new Body(null, null);
    }

    /**
     * The status hook and how to read it: {@code state} names the field holding the platform's
     * state (the whole answer when empty), {@code message} the field holding its message; the
     * state's value is looked up, ignoring case, in {@code running}, {@code starting} and {@code failed}.
     */
    public record Status(Hook hook, FieldPath state, FieldPath message, Set<String> running, Set<String> starting,
                         Set<String> failed) {
    }
}
