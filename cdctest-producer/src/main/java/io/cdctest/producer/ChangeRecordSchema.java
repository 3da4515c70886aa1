package io.cdctest.producer;

import io.cdctest.format.ChangeEncoder;
import io.cdctest.format.ChangeEvent;
import io.cdctest.format.ColumnTypes;
import io.cdctest.format.Topics;
import io.cdctest.format.WireFormat;
import io.cdctest.format.WireRecord;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Struct;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.source.SourceRecord;
import org.apache.flink.cdc.debezium.DebeziumDeserializationSchema;
import org.apache.flink.util.Collector;

/**
 * Turns each Flink CDC record into the Kafka records of the scenario's wire format, after the
 * producer's filters: tables excluded by pattern and binlog operations not in the DML types are
 * dropped (snapshot reads always pass: they are the initial copy, not DML). Debezium JSON is
 * written directly from the record ({@link NullPreservingJsonSchema}); every other format is
 * encoded from the change that JSON decodes to, so all formats carry the same values.
 */
final class ChangeRecordSchema implements DebeziumDeserializationSchema<ProducedRecord> {
    private static final long serialVersionUID = 1L;

    private final String formatId;
    private final String baseTopic;
    private final boolean includeSchema;
    private final String exclude;
    private final Set<String> dmlTypes;
    private final long dropNth;
    private transient long changes;
    private final NullPreservingJsonSchema json = new NullPreservingJsonSchema();
    private transient Pattern excluded;
    private transient WireFormat format;
    private transient ChangeEncoder encoder;
    private transient io.cdctest.format.ChangeDecoder debezium;

    /**
     * @param exclude  regular expression over {@code database.table}; matching tables are dropped (null: none)
     * @param dmlTypes binlog operations forwarded: {@code insert}, {@code update}, {@code delete}
     * @param dropNth  self-test fault: the Nth binlog change sent is dropped instead (0: never)
     */
    ChangeRecordSchema(String formatId, String baseTopic, boolean includeSchema, String exclude, Set<String> dmlTypes,
                       long dropNth) {
        this.dropNth = dropNth;
        this.formatId = formatId;
        this.baseTopic = baseTopic;
        this.includeSchema = includeSchema;
        this.exclude = exclude;
        this.dmlTypes = Set.copyOf(dmlTypes);
    }

    @Override
    public void deserialize(SourceRecord record, Collector<ProducedRecord> out) throws Exception {
        if (!(record.value() instanceof Struct value) || value.schema().field("op") == null) {
            return; // heartbeats and schema changes
        }
        Struct source = value.getStruct("source");
        String table = source.getString("db") + "." + source.getString("table");
        if (exclude != null && excluded().matcher(table).matches()) {
            return;
        }
        String op = value.getString("op");
        String dml = switch (op) {
            case "c" -> "insert";
            case "u" -> "update";
            case "d" -> "delete";
            default -> null; // r: snapshot read
        };
        if (dml != null && !dmlTypes.contains(dml)) {
            return;
        }
        if (dml != null && ++changes == dropNth) {
            System.err.println("cdctest-producer: fault: dropping binlog change " + changes + ": " + op + " " + table);
            return;
        }
        if (formatId.equals("debezium-json")) {
            out.collect(new ProducedRecord(baseTopic, table.getBytes(StandardCharsets.UTF_8), json.value(record, includeSchema), null));
            return;
        }
        Topics topics = format().topics(baseTopic);
        for (ChangeEvent event : debezium.decode(new WireRecord(baseTopic, json.key(record), json.value(record, true)))) {
            for (WireRecord encoded : encoder.encode(event, topics)) {
                out.collect(new ProducedRecord(encoded.topic(), encoded.key(), encoded.value(), headers(encoded.headers())));
            }
        }
    }

    private static String[] headers(Map<String, String> headers) {
        String[] flat = new String[headers.size() * 2];
        int i = 0;
        for (Map.Entry<String, String> h : headers.entrySet()) {
            flat[i++] = h.getKey();
            flat[i++] = h.getValue();
        }
        return flat;
    }

    private Pattern excluded() {
        if (excluded == null) {
            excluded = Pattern.compile(exclude);
        }
        return excluded;
    }

    private WireFormat format() {
        if (format == null) {
            format = WireFormat.byId(formatId).orElseThrow(() -> new IllegalArgumentException("unknown format " + formatId));
            encoder = format.encoder();
            debezium = WireFormat.byId("debezium-json").orElseThrow().decoder(format.topics(baseTopic), ColumnTypes.NONE);
        }
        return format;
    }

    @Override
    public TypeInformation<ProducedRecord> getProducedType() {
        return TypeInformation.of(ProducedRecord.class);
    }
}
