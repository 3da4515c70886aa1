package io.cdctest.pipeline.kafka;

import io.cdctest.CdctestException;
import io.cdctest.check.ComparisonPlan;
import io.cdctest.check.EventCheck;
import io.cdctest.check.FilterEffects;
import io.cdctest.check.KeyHistory;
import io.cdctest.check.TableComparison;
import io.cdctest.env.KafkaAdmin;
import io.cdctest.env.KafkaService;
import io.cdctest.env.Restartable;
import io.cdctest.format.ChangeDecoder;
import io.cdctest.format.ColumnTypes;
import io.cdctest.format.Topics;
import io.cdctest.format.WireFormat;
import io.cdctest.pipeline.ComponentStatus;
import io.cdctest.pipeline.Databases;
import io.cdctest.pipeline.PipelineContext;
import io.cdctest.preflight.Check;
import io.cdctest.spec.Component;
import io.cdctest.spec.Delivery;
import io.cdctest.spec.KafkaSpec;
import io.cdctest.spec.Provision;
import io.cdctest.sql.TableSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Kafka leg of a pipeline: the broker the scenario asks for, the run's topic (or one per table),
 * and what the harness reads back from it: each differing row placed on the hop that lost it, and
 * the key-by-key audit of the events against the harness's writes ({@link EventAudit}). Used by
 * every pipeline that writes change events to Kafka (Flink CDC, the generic adapter).
 */
public final class KafkaLeg {
    private final PipelineContext context;
    private final String topic;
    private final String group;
    private final WireFormat wire;
    private final Topics topics;
    private final List<String> clientLinks;
    private KafkaService kafka;
    private Databases databases;

    /**
     * @param topic the run's topic ({@code <topic>_<run id>}); per-table formats use it as prefix
     * @param group the run's consumer group, for the lag in status lines
     * @param clientLinks the network links whose dialer is a client of this Kafka (see {@link #bootstrapServers(String)})
     */
    public KafkaLeg(PipelineContext context, String topic, String group, WireFormat wire, List<String> clientLinks) {
        this.context = context;
        this.clientLinks = List.copyOf(clientLinks);
        this.topic = topic;
        this.group = group;
        this.wire = wire;
        this.topics = wire.topics(topic);
    }

    /**
     * Why the links of a Kafka client cannot be routed for this Kafka, or null when they can: a Kafka
     * cdctest does not start advertises its own broker addresses, which its clients then dial directly.
     */
    public static String unroutable(KafkaSpec spec) {
        return spec.provision() == Provision.EMBEDDED ? null : "kafka.provision is "
                + spec.provision().name().toLowerCase(java.util.Locale.ROOT) + ": a Kafka cdctest does not start "
                + "advertises its own broker addresses, which its clients then dial directly (only an embedded broker's "
                + "links can be routed)";
    }

    /** Starts (or reaches) Kafka and creates the run's topic; per-table topics wait for {@link #start}. */
    public void prepare() {
        kafka = context.environment().kafka(context.scenario().kafka(), clientLinks, context.links());
        if (!topics.perTable()) {
            createTopics(List.of(topic));
        }
    }

    /** The tables are known: per-table formats get their topics now. */
    public void start(Databases databases) {
        this.databases = databases;
        if (topics.perTable()) {
            createTopics(topicNames());
        }
    }

    private void createTopics(List<String> names) {
        try (KafkaAdmin admin = new KafkaAdmin(kafka.bootstrapServers())) {
            names.forEach(name -> admin.createTopic(name, context.scenario().kafka().partitions()));
        }
    }

    public String topic() {
        return topic;
    }

    public String group() {
        return group;
    }

    public WireFormat wire() {
        return wire;
    }

    /** The broker's own address: the harness's connections (admin, the audit) never cross a fault point. */
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Where the client that dials across the network link should bootstrap (its fault point when routed). */
    public String bootstrapServers(String link) {
        return kafka.bootstrapServers(link);
    }

    /** The topics of this run: the one topic, or one per table for per-table formats. */
    public List<String> topicNames() {
        if (!topics.perTable() || databases == null) {
            return List.of(topic);
        }
        return databases.tables().stream().map(t -> topics.of(databases.sourceDatabase(), t)).toList();
    }

    /** "topic t (format), consumer group g", for --keep-env. */
    public String describe() {
        return "topic: " + (topics.perTable() ? topic + ".<database>.<table>" : topic) + " (" + wire.id()
                + "), consumer group: " + group;
    }

    /** The consumer group's lag, ", lag N", for status lines. */
    public String lag() {
        if (kafka == null) {
            return "";
        }
        try (KafkaAdmin admin = new KafkaAdmin(kafka.bootstrapServers())) {
            return ", lag " + admin.lag(topicNames(), group);
        } catch (CdctestException e) {
            return ", lag unknown (" + e.getMessage() + ")";
        }
    }

    /** The broker reachable and the run's topics present. */
    public ComponentStatus status() {
        if (kafka == null || !kafka.isAlive()) {
            return new ComponentStatus(Component.KAFKA, false, "broker not running");
        }
        try (KafkaAdmin admin = new KafkaAdmin(kafka.bootstrapServers())) {
            int brokers = admin.brokers();
            List<String> names = topicNames();
            List<String> missing = names.stream().filter(t -> !admin.topicExists(t)).toList();
            return new ComponentStatus(Component.KAFKA, missing.isEmpty(), kafka.bootstrapServers() + ", " + brokers
                    + " broker(s), " + (names.size() == 1 ? "topic " + names.get(0) : names.size() + " topics " + topic + ".*")
                    + (missing.isEmpty() ? " exist" + (names.size() == 1 ? "s" : "") : ", missing: " + String.join(", ", missing)));
        } catch (CdctestException e) {
            return new ComponentStatus(Component.KAFKA, false, e.getMessage());
        }
    }

    /** The broker stopped, unless a fault step stopped it on purpose. */
    public Optional<String> failure() {
        if (kafka != null && !kafka.isAlive() && !(kafka instanceof Restartable r && r.faulted())) {
            return Optional.of("the Kafka broker stopped (" + kafka.describe() + ")");
        }
        return Optional.empty();
    }

    /** An embedded broker can be broken by fault steps. */
    public Optional<Restartable> restartable() {
        return kafka instanceof Restartable r ? Optional.of(r) : Optional.empty();
    }

    /** A fault step broke the broker at some time: the topic is at-least-once since. */
    public boolean everFaulted() {
        return kafka instanceof Restartable r && r.everFaulted();
    }

    /** Each differing row of a comparison placed on its hop from what the topic holds for its key. */
    public List<String> locate(TableComparison comparison, int limit) {
        if (kafka == null || databases == null || comparison.plan() == null || !comparison.plan().comparable()
                || comparison.samples().isEmpty()) {
            return List.of();
        }
        ComparisonPlan plan = comparison.plan();
        String tableTopic = topics.of(plan.source().database(), plan.source().table());
        try {
            return TopicSnapshot.read(kafka.bootstrapServers(), tableTopic, decoder(List.of(plan)), plan)
                    .locate(comparison, limit);
        } catch (SQLException e) {
            return fallback(comparison, limit, tableTopic, io.cdctest.sql.Sql.firstLine(e));
        } catch (RuntimeException e) {
            return fallback(comparison, limit, tableTopic, e.toString());
        }
    }

    /** A decoder whose column-type hints come from the plans' source tables (Maxwell bytes, SET arrays). */
    private ChangeDecoder decoder(List<ComparisonPlan> plans) throws SQLException {
        Map<String, TableSchema> schemas = new HashMap<>();
        try (Connection source = databases.source().endpoint().connect()) {
            for (ComparisonPlan plan : plans) {
                TableSchema.read(source, plan.source().database(), plan.source().table())
                        .ifPresent(s -> schemas.put(plan.source().database() + "." + plan.source().table(), s));
            }
        }
        ColumnTypes types = (db, t, column) -> Optional.ofNullable(schemas.get(db + "." + t))
                .flatMap(s -> s.column(column)).map(io.cdctest.sql.Column::columnType).orElse(null);
        return wire.decoder(topics, types);
    }

    /**
     * Audits each key's events in the topic against what the harness wrote ({@link EventAudit}), for
     * tables up to {@link EventAudit#MAX_EVENTS} events.
     *
     * @param deliveryKey where the scenario declares the delivery (flink_cdc.delivery), named when duplicates fail
     * @param resnapshot the producer was started again and read a new snapshot (re-reads stand for changes)
     */
    public Optional<EventCheck> audit(List<ComparisonPlan> plans, KeyHistory history,
                                      Function<ComparisonPlan, FilterEffects> filters, Delivery delivery,
                                      String deliveryKey, boolean resnapshot) {
        if (kafka == null || databases == null) {
            return Optional.empty();
        }
        List<ComparisonPlan> audited = plans.stream().filter(p -> p.comparable() && history.tracks(p)).toList();
        Map<String, List<ComparisonPlan>> byTopic = new LinkedHashMap<>();
        audited.forEach(p -> byTopic.computeIfAbsent(topics.of(p.source().database(), p.source().table()),
                t -> new ArrayList<>()).add(p));
        EventAudit audit = new EventAudit(delivery, deliveryKey, resnapshot);
        try {
            ChangeDecoder decoder = decoder(audited);
            for (Map.Entry<String, List<ComparisonPlan>> e : byTopic.entrySet()) {
                Map<ComparisonPlan, TopicSnapshot> read = TopicSnapshot.readAll(kafka.bootstrapServers(), e.getKey(), decoder,
                        e.getValue());
                read.forEach((plan, snapshot) -> audit.check(plan, snapshot, history.changes(plan), filters.apply(plan)));
            }
        } catch (SQLException | RuntimeException e) {
            return Optional.of(new EventCheck("events not audited: cannot read the topic: " + e.getMessage(), List.of()));
        }
        return Optional.of(audit.result());
    }

    private static List<String> fallback(TableComparison comparison, int limit, String topic, String why) {
        List<String> lines = new ArrayList<>();
        comparison.samples().stream().limit(limit).forEach(d -> lines.add(d.toString()));
        lines.add("(cannot read topic " + topic + " to place the differences on a hop: " + why + ")");
        return lines;
    }

    /** Deletes the run's topics from a Kafka the run did not start (an embedded broker goes with its data). */
    public void close() {
        Provision provision = context.scenario().kafka().provision();
        if (kafka != null && (provision == Provision.EXTERNAL || provision == Provision.COMPOSE)) {
            try (KafkaAdmin admin = new KafkaAdmin(kafka.bootstrapServers())) {
                admin.deleteTopics(topicNames());
            } catch (CdctestException e) {
                org.slf4j.LoggerFactory.getLogger(KafkaLeg.class).warn("cannot delete topic {}: {}", topic, e.getMessage());
            }
        }
    }

    /** The Kafka cluster a scenario gives (reachable, brokers), or that the run starts it. Changes nothing. */
    public static Check preflight(KafkaSpec kafka) {
        if (kafka.provision() == Provision.COMPOSE) {
            return Check.pass("kafka", "compose: used if it answers at " + kafka.bootstrapServers()
                    + ", else started with docker compose in " + kafka.composeDir());
        }
        if (kafka.provision() != Provision.EXTERNAL) {
            return Check.pass("kafka", kafka.provision().id() + ": started by the run");
        }
        try (KafkaAdmin admin = new KafkaAdmin(kafka.bootstrapServers())) {
            return Check.pass("kafka", kafka.bootstrapServers() + ", " + admin.brokers() + " broker(s)");
        } catch (CdctestException e) {
            return Check.fail("kafka", e.getMessage(), "check kafka.bootstrap_servers and that the brokers run");
        }
    }
}
