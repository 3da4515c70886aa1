package io.cdctest.spec.load;

import io.cdctest.CdctestException;
import io.cdctest.spec.Cause;
import io.cdctest.spec.Component;
import io.cdctest.spec.FaultTarget;
import io.cdctest.spec.Side;
import io.cdctest.spec.Step;
import io.cdctest.spec.Step.Dml;
import io.cdctest.spec.TaskState;
import io.cdctest.spec.TestCase;
import io.cdctest.spec.TestSuite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** Reads a testcase YAML file (the earlier tool's layout: test_suite, test_groups, test_cases with steps). */
public final class TestSuiteLoader {
    /**
     * The harness's own actions. Any other lower-case name is a pipeline's ({@link Step.PipelineAction}),
     * checked against what the scenario's pipeline declares once the scenario is known.
     */
    public static final Set<String> ACTIONS = new LinkedHashSet<>(List.of("validate_sync", "insert", "update",
            "delete", "bulk_insert", "sql", "validate_index_query", "check_producer_status", "check_consumer_status",
            "check_kafka_status", "fault", "workload", "check_subscription_status", "measure_sync_delay",
            "wait_for_recovery", "simulate_network_issue", "heal"));

    /** What a pipeline's action may be called. */
    private static final Pattern ACTION_NAME = Pattern.compile("[a-z][a-z0-9_]*");

    /** How long check_subscription_status waits for the expected state when its step gives no timeout. */
    static final Duration STATE_TIMEOUT = Duration.ofSeconds(30);

    private final RootReaders readers;

    public TestSuiteLoader(Interpolator interpolator, Consumer<String> warnings) {
        this.readers = new RootReaders(interpolator, warnings);
    }

    /** The keys of the model this loader has read so far (path.key, list indices dropped). */
    Set<String> keysRead() {
        return readers.keysRead();
    }

    public TestSuite load(Path file) {
        MapReader r = readers.of(YamlTrees.readFile(file));
        String name = file.getFileName().toString();
        String description = "";
        var suite = r.map("test_suite");
        if (suite.isPresent()) {
            name = suite.get().string("name", name);
            description = suite.get().string("description", "");
            suite.get().finish();
        }
        Map<String, List<String>> groups = r.listsByName("test_groups");
        List<TestCase> cases = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (MapReader tc : r.maps("test_cases")) {
            TestCase testcase = testcase(tc);
            if (!ids.add(testcase.id())) {
                throw tc.error("id", "duplicate testcase id '" + testcase.id() + "'");
            }
            cases.add(testcase);
        }
        if (cases.isEmpty()) {
            throw r.missing("test_cases");
        }
        groups.forEach((group, members) -> {
            for (String id : members) {
                if (!ids.contains(id)) {
                    throw CdctestException.config(r.originOf("test_groups") + ": test_groups." + group
                            + ": no testcase with id '" + id + "'" + MapReader.suggestion(id, ids));
                }
            }
        });
        r.finish();
        return new TestSuite(file, name, description, groups, List.copyOf(cases));
    }

    private TestCase testcase(MapReader r) {
        String id = r.requiredString("id");
        String name = r.string("name", id);
        String description = r.string("description", "");
        String table = r.string("table", null);
        List<Step> steps = new ArrayList<>();
        for (MapReader step : r.maps("steps")) {
            steps.add(step(step, table));
        }
        if (steps.isEmpty()) {
            throw r.missing("steps");
        }
        r.finish();
        return new TestCase(id, name, description, table, List.copyOf(steps), r.origin());
    }

    private Step step(MapReader r, String testcaseTable) {
        String action = r.requiredString("action");
        r.string("description");
        r.string("name");
        String table = r.string("table", testcaseTable);
        List<String> mustFail = expectedFailure(r, action);
        Step step = switch (action) {
            case "validate_sync" -> new Step.ValidateSync(table, timeout(r), expectedCauses(r), r.origin());
            case "insert" -> dml(r, Dml.Kind.INSERT, table);
            case "update" -> dml(r, Dml.Kind.UPDATE, table);
            case "delete" -> dml(r, Dml.Kind.DELETE, table);
            case "bulk_insert" -> {
                requireTable(r, table, action + " without sql");
                int count = r.positiveInteger("count", 1000);
                int batch = r.positiveInteger("batch_size", 1000);
                yield new Step.BulkInsert(table, count, batch, r.origin());
            }
            case "sql" -> new Step.Sql(r.requiredString("sql"), side(r), r.origin());
            case "validate_index_query" -> new Step.ValidateIndexQuery(r.requiredString("sql"), timeout(r), r.origin());
            case "check_producer_status" -> new Step.CheckStatus(Component.PRODUCER, r.origin());
            case "check_consumer_status" -> new Step.CheckStatus(Component.CONSUMER, r.origin());
            case "check_kafka_status" -> new Step.CheckStatus(Component.KAFKA, r.origin());
            case "fault" -> fault(r);
            case "workload" -> workload(r, table);
            case "check_subscription_status" -> new Step.CheckState(expectedState(r),
                    Optional.ofNullable(timeout(r)).orElse(STATE_TIMEOUT), r.origin());
            case "measure_sync_delay" -> {
                requireTable(r, table, action);
                yield new Step.MeasureSyncDelay(table, r.positiveInteger("insert_count", 100), timeout(r), r.origin());
            }
            case "wait_for_recovery" -> new Step.WaitForRecovery(table, timeout(r), r.origin());
            case "simulate_network_issue" -> new Step.NetworkIssue(r.string("link", null),
                    positive(r, "duration", Step.NetworkIssue.DEFAULT_DURATION), r.origin());
            case "heal" -> new Step.Heal(r.string("link", null), r.origin());
            default -> pipelineAction(r, action);
        };
        r.finish();
        if (!mustFail.isEmpty() && step instanceof Step.ValidateSync v && !v.expect().isEmpty()) {
            throw r.error("expect_failure", "give expect (differences that must remain) or expect_failure, not both");
        }
        return mustFail.isEmpty() ? step : new Step.ExpectFailure(step, mustFail);
    }

    /** An action of the pipeline: any lower-case name; whether the pipeline has it is ActionCheck's to say. */
    private static Step pipelineAction(MapReader r, String action) {
        if (!ACTION_NAME.matcher(action).matches()) {
            String lower = action.toLowerCase(Locale.ROOT);
            Set<String> near = new LinkedHashSet<>(ACTIONS);
            if (ACTION_NAME.matcher(lower).matches()) {
                near.add(lower);
            }
            throw r.error("action", "unknown action '" + action + "'" + Names.closest(action, near)
                    .map(c -> " (did you mean '" + c + "'?)").orElse(" (an action is a lower-case name: letters, digits, _)"));
        }
        return new Step.PipelineAction(action, r.origin());
    }

    /**
     * {@code expect_failure}: what the step's failure must say (one text, or a list of texts): a
     * self-test that passes when the harness catches what it planted.
     */
    private static List<String> expectedFailure(MapReader r, String action) {
        if (!r.has("expect_failure")) {
            return List.of();
        }
        List<String> texts = r.isScalar("expect_failure") ? List.of(r.requiredString("expect_failure"))
                : r.stringList("expect_failure");
        if (texts.isEmpty() || texts.stream().anyMatch(String::isBlank)) {
            throw r.error("expect_failure", "expected the text (or a list of texts) the step's failure must contain");
        }
        return texts;
    }

    /** {@code expected_state}: a state name or the earlier tool's number (0 running, 1 error, 2 pause, 3 dropped). */
    private static TaskState expectedState(MapReader r) {
        String text = r.string("expected_state", "running");
        return TaskState.of(text).orElseThrow(() -> r.error("expected_state", "expected one of " + TaskState.known()
                + ", got '" + text + "'"));
    }

    /** {@code expect}: causes a difference can be explained by (see KeyHistory), or its plain kind. */
    private static List<Cause> expectedCauses(MapReader r) {
        List<Cause> causes = new ArrayList<>();
        for (String cause : r.stringList("expect")) {
            causes.add(Cause.of(cause).orElseThrow(() -> r.error("expect", "unknown difference cause '" + cause + "'"
                    + MapReader.suggestion(cause, CAUSE_IDS))));
        }
        return List.copyOf(causes);
    }

    private static final Set<String> CAUSE_IDS = new LinkedHashSet<>(Arrays.stream(Cause.values()).map(Cause::id).toList());

    /** A duration above 0, or the fallback when the key is not given. */
    static Duration positive(MapReader r, String key, Duration fallback) {
        Duration value = r.duration(key, fallback);
        if (value != null && value.isZero()) {
            throw r.error(key, "expected a duration above 0");
        }
        return value;
    }

    private static Duration timeout(MapReader r) {
        Duration timeout = r.duration("timeout", null);
        if (timeout != null && timeout.isZero()) {
            throw r.error("timeout", "expected a timeout above 0");
        }
        return timeout;
    }

    private static Step dml(MapReader r, Dml.Kind kind, String table) {
        String sql = r.string("sql", null);
        int count = r.positiveInteger("count", 1);
        if (sql == null) {
            requireTable(r, table, kind.name().toLowerCase(Locale.ROOT) + " without sql");
        }
        return new Dml(kind, table, sql, count, r.origin());
    }

    /** @param what the step that writes generated rows ("insert without sql", "measure_sync_delay") */
    private static void requireTable(MapReader r, String table, String what) {
        if (table == null) {
            throw CdctestException.config(r.origin() + ": " + what + " needs a table (on the step or the testcase)");
        }
    }

    private static Step fault(MapReader r) {
        String c = r.requiredString("component");
        if (c.equals("network")) {
            return NetworkFaults.read(r);
        }
        FaultTarget target = FaultTarget.of(c).orElseThrow(() -> r.error("component", "expected "
                + FaultTarget.all().stream().map(FaultTarget::id).collect(java.util.stream.Collectors.joining(", "))
                + " or network, got '" + c + "'"));
        if (r.has("link")) {
            throw r.error("link", "only a network fault (component: network) names a link");
        }
        String kind = r.requiredString("fault");
        Step.Fault.Kind k;
        try {
            k = Step.Fault.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw r.error("fault", "expected kill, stop, start, restart or pause, got '" + kind + "'"
                    + (NetworkFaults.KINDS.contains(kind) ? " (" + kind + " is a network fault: component: network, link: ...)" : ""));
        }
        Duration duration = r.duration("duration", k == Step.Fault.Kind.PAUSE ? Duration.ofSeconds(5) : Duration.ZERO);
        return new Step.Fault(target, k, duration, r.origin());
    }

    /** A workload: {@code rate} and {@code duration} required; {@code tables} (or {@code table}), {@code mix}, {@code check_every}. */
    private static Step.Workload workload(MapReader r, String table) {
        if (r.has("tables") && r.has("table")) {
            throw r.error("tables", "give table or tables, not both");
        }
        List<String> tables = r.has("tables") ? r.stringList("tables") : table == null ? null : List.of(table);
        Double rate = r.number("rate", null);
        if (rate == null) {
            throw r.missing("rate");
        }
        if (rate <= 0) {
            throw r.error("rate", "expected statements per second above 0, got " + plain(rate));
        }
        Duration duration = r.duration("duration", null);
        if (duration == null) {
            throw r.missing("duration");
        }
        if (duration.isZero()) {
            throw r.error("duration", "expected a duration above 0");
        }
        Step.Workload.Mix mix = r.map("mix").map(TestSuiteLoader::mix).orElse(Step.Workload.Mix.DEFAULT);
        Duration checkEvery = r.duration("check_every", null);
        if (checkEvery != null && checkEvery.isZero()) {
            throw r.error("check_every", "expected a duration above 0");
        }
        return new Step.Workload(tables, rate, duration, mix, checkEvery, r.origin());
    }

    /** Weights of insert, update and delete; a kind left out weighs 0. */
    private static Step.Workload.Mix mix(MapReader m) {
        int[] weights = new int[3];
        String[] kinds = {"insert", "update", "delete"};
        for (int i = 0; i < kinds.length; i++) {
            weights[i] = m.integer(kinds[i], 0);
            if (weights[i] < 0) {
                throw m.error(kinds[i], "expected a weight of 0 or more, got " + weights[i]);
            }
        }
        m.finish();
        if (weights[0] + weights[1] + weights[2] == 0) {
            throw CdctestException.config(m.origin() + ": " + m.path() + ": expected a weight above 0 for at least one "
                    + "of insert, update, delete");
        }
        return new Step.Workload.Mix(weights[0], weights[1], weights[2]);
    }

    /** 50 rather than 50.0; 0.5 as it is. */
    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    private static Side side(MapReader r) {
        String on = r.string("on", Side.SOURCE.id());
        return Side.of(on).orElseThrow(() -> r.error("on", "expected source or target, got '" + on + "'"));
    }
}
