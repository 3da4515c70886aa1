package io.cdctest.pipeline.custom;

import io.cdctest.env.Ports;
import io.cdctest.env.net.Address;
import io.cdctest.pipeline.Databases;
import io.cdctest.pipeline.PipelineContext;
import io.cdctest.pipeline.kafka.KafkaLeg;
import io.cdctest.pipeline.process.EndpointVariables;
import io.cdctest.sql.JdbcEndpoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the hooks of one run see: the template values (the run's names, the endpoints, the Kafka
 * leg, the scenario's vars, free ports, secrets) and the {@code CDCTEST_*} environment every command
 * gets (the contract of the Flink CDC scripts, so {@code cdctest producer} and {@code cdctest
 * consumer} work from a hook).
 */
final class RunValues {
    private RunValues() {
    }

    static Templates templates(PipelineContext context, CustomSpec spec, Databases d, KafkaLeg kafka, Path workDir) {
        Templates t = new Templates(false);
        names(t, context, spec, d);
        t.put("work_dir", workDir.toString());
        t.put("home", context.environment().home().root().toString());
        if (kafka != null) {
            t.put("topic", kafka.topic());
            t.put("group", kafka.group());
            t.put("format", kafka.wire().id());
            t.put("bootstrap_servers", kafka.bootstrapServers());
        }
        spec.freePorts().forEach(p -> t.put(p, String.valueOf(Ports.free())));
        links(t, context, spec, d, kafka);
        vars(t, spec);
        t.putSecret("source_password", d.source().endpoint().password().reveal());
        t.putSecret("target_password", d.target().endpoint().password().reveal());
        spec.secrets().forEach((name, secret) -> t.putSecret(name, secret.reveal()));
        return t;
    }

    private static void names(Templates t, PipelineContext context, CustomSpec spec, Databases d) {
        t.put("run_id", context.runId());
        t.put("db", d.sourceDatabase());
        t.put("source_db", d.sourceDatabase());
        t.put("target_db", d.targetDatabase());
        t.put("tables", String.join(",", d.tables()));
        endpoint(t, "source", d.source().endpoint());
        endpoint(t, "target", d.target().endpoint());
        t.put("scenario_dir", spec.baseDir().toString());
        t.put("java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * {@code {link_<name>}}, {@code _host}, {@code _port} of each link the scenario names: where the
     * component that dials it should connect (its fault point when the link is routed).
     */
    private static void links(Templates t, PipelineContext context, CustomSpec spec, Databases d, KafkaLeg kafka) {
        for (CustomSpec.Link link : spec.links().values()) {
            if (link.to().equals("kafka")) { // the bootstrap servers: one fault point when routed, else the given list
                String bootstrap = kafka.bootstrapServers(link.name());
                Address first = address(link, bootstrap.split(",")[0].trim());
                put(t, link.name(), bootstrap, first.host(), String.valueOf(first.port()));
                continue;
            }
            Address at = switch (link.to()) {
                case "source" -> context.links().address(link.name(), d.source().endpoint().host(), d.source().endpoint().port());
                case "target" -> context.links().address(link.name(), d.target().endpoint().host(), d.target().endpoint().port());
                default -> {
                    Address given = address(link, t.expand(link.address()));
                    yield context.links().address(link.name(), given.host(), given.port());
                }
            };
            put(t, link.name(), at.toString(), at.host(), String.valueOf(at.port()));
        }
    }

    private static void put(Templates t, String link, String address, String host, String port) {
        java.util.Iterator<String> names = CustomSpec.Link.placeholders(link).iterator();
        t.put(names.next(), address);
        t.put(names.next(), host);
        t.put(names.next(), port);
    }

    /** "host:port" (the last colon separates them: [v6]:port too), or a configuration error naming the link. */
    private static Address address(CustomSpec.Link link, String text) {
        int colon = text.lastIndexOf(':');
        try {
            String host = text.substring(0, Math.max(0, colon)).replaceAll("^\\[|]$", "");
            int port = Integer.parseInt(text.substring(colon + 1).trim());
            if (colon <= 0 || host.isBlank() || port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return new Address(host, port);
        } catch (NumberFormatException e) {
            throw io.cdctest.CdctestException.config(link.origin() + ": custom.links." + link.name() + ".address: expected "
                    + "host:port, got '" + text + "'");
        }
    }

    /** The scenario's vars, themselves templates over the run's names, the Kafka leg, the free ports and the links. */
    private static void vars(Templates t, CustomSpec spec) {
        spec.vars().forEach((name, template) -> t.put(name, t.expand(template)));
    }

    private static void endpoint(Templates t, String role, JdbcEndpoint e) {
        t.put(role + "_host", e.host());
        t.put(role + "_port", String.valueOf(e.port()));
        t.put(role + "_user", e.loginUser());
        t.put(role + "_engine", e.engine().id());
    }

    /** The {@code CDCTEST_*} variables: where the databases and Kafka are, passwords included (only here). */
    static Map<String, String> environment(PipelineContext context, CustomSpec spec, Databases d, KafkaLeg kafka,
                                           Path workDir) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CDCTEST_HOME", context.environment().home().root().toString());
        env.put("CDCTEST_RUN_ID", context.runId());
        env.put("CDCTEST_WORK_DIR", workDir.toString());
        env.put("CDCTEST_TABLES", String.join(",", d.tables()));
        env.put("CDCTEST_SERVER_ID", String.valueOf(5400 + (int) (Long.parseLong(context.runId(), 36) % 4000)));
        if (kafka != null) {
            env.put("CDCTEST_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            env.put("CDCTEST_TOPIC", kafka.topic());
            env.put("CDCTEST_GROUP", kafka.group());
            env.put("CDCTEST_FORMAT", kafka.wire().id());
        }
        EndpointVariables.put(env, "SOURCE", d.source().endpoint(), d.sourceDatabase());
        EndpointVariables.put(env, "TARGET", d.target().endpoint(), d.targetDatabase());
        return env;
    }

    /** The hooks as they would run, for {@code cdctest plan}: values of the run where known, secrets masked. */
    static List<String> plan(PipelineContext context, CustomSpec spec, Databases d, KafkaLeg kafka) {
        Templates t = new Templates(true);
        names(t, context, spec, d);
        t.put("work_dir", "<work dir>");
        t.put("home", "<cdctest home>");
        if (kafka != null) {
            t.put("topic", kafka.topic());
            t.put("group", kafka.group());
            t.put("format", kafka.wire().id());
            t.put("bootstrap_servers", "<kafka bootstrap servers>");
        }
        spec.freePorts().forEach(p -> t.put(p, "<free port>"));
        spec.links().keySet().forEach(l -> put(t, l, "<link " + l + ">", "<link " + l + " host>", "<link " + l + " port>"));
        vars(t, spec);
        t.put("source_password", "******");
        t.put("target_password", "******");
        spec.secrets().keySet().forEach(name -> t.put(name, "******"));
        List<String> lines = new ArrayList<>();
        lines.add("-- custom: the platform is driven through the scenario's hooks; cdctest runs no SQL of its own on it"
                + (spec.createTargetTables() ? "" : " (the platform creates the target tables)"));
        stage(lines, t, "setup", spec.hooks().setup());
        stage(lines, t, "start", spec.hooks().start());
        if (spec.hooks().status() != null) {
            CustomSpec.Status s = spec.hooks().status();
            lines.add("-- status: " + describe(t, s.hook()) + "; state " + (s.state().whole() ? "the whole answer" : s.state())
                    + ": running " + s.running() + ", starting " + s.starting() + ", failed " + s.failed());
        }
        stage(lines, t, "stop", spec.hooks().stop());
        stage(lines, t, "teardown", spec.hooks().teardown());
        return lines;
    }

    private static void stage(List<String> lines, Templates t, String stage, List<CustomSpec.Hook> hooks) {
        hooks.forEach(h -> lines.add("-- " + stage + " '" + h.name() + "': " + describe(t, h)));
    }

    private static String describe(Templates t, CustomSpec.Hook hook) {
        if (hook instanceof CustomSpec.Command c) {
            return (c.background() ? "in the background: " : "") + c.argv().stream().map(t::expand)
                    .map(a -> a.matches("[\\w@%+=:,./-]+") ? a : "'" + a + "'").collect(Collectors.joining(" "))
                    + (c.dir() == null ? "" : " (in " + t.expand(c.dir()) + ")");
        }
        CustomSpec.Http h = (CustomSpec.Http) hook;
        String body = h.body().json() != null ? t.expand(h.body().json()).toString() : t.expand(h.body().text());
        return h.method() + " " + t.expand(h.url()) + (body == null ? "" : " " + body);
    }
}
