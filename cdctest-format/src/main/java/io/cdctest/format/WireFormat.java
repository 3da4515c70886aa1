package io.cdctest.format;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A change-event format on the Kafka leg, found by its identifier (the scenario's
 * {@code flink_cdc.format}): how its records are decoded and how the built-in producer writes them.
 */
public interface WireFormat {

    /** The identifier used in scenarios: {@code debezium-json}, {@code canal-json}, ... */
    String id();

    /** One line for {@code cdctest list} and the docs. */
    String description();

    /** Whether each table has its own topic (the format's messages do not name the table). */
    default boolean perTableTopics() {
        return false;
    }

    /** The topics of a pipeline whose base topic is {@code base}. */
    default Topics topics(String base) {
        return new Topics(base, perTableTopics());
    }

    /**
     * @param topics the pipeline's topics (per-table formats read database and table from the topic)
     * @param types  column types where the messages leave values ambiguous
     */
    ChangeDecoder decoder(Topics topics, ColumnTypes types);

    ChangeEncoder encoder();

    /** Every format, the default first. */
    static List<WireFormat> all() {
        return List.of(new DebeziumJson(), new CanalJson(), new MaxwellJson(), new ChangelogJson(), new UpsertKafka(),
                new EnterpriseJson());
    }

    static Optional<WireFormat> byId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        String alias = switch (wanted) {
            case "debezium", "debezium_json" -> "debezium-json";
            case "canal", "canal_json" -> "canal-json";
            case "maxwell", "maxwell_json" -> "maxwell-json";
            case "changelog", "changelog_json" -> "changelog-json";
            case "upsert", "upsert_kafka" -> "upsert-kafka";
            case "enterprise", "enterprise_json" -> "enterprise-json";
            default -> wanted;
        };
        return all().stream().filter(f -> f.id().equals(alias)).findFirst();
    }

    static List<String> ids() {
        return all().stream().map(WireFormat::id).toList();
    }
}
