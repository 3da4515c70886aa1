package io.cdctest.producer;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import org.apache.flink.cdc.connectors.shaded.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.cdc.connectors.shaded.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.cdc.connectors.shaded.com.fasterxml.jackson.databind.node.ArrayNode;
import org.apache.flink.cdc.connectors.shaded.com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.apache.flink.cdc.connectors.shaded.com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Date;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Decimal;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Field;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Schema;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Struct;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Time;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Timestamp;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.json.JsonConverter;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.source.SourceRecord;

/**
 * Debezium JSON (optionally with the {@code {schema, payload}} envelope) that keeps SQL NULL.
 *
 * <p>Flink CDC's own {@code JsonDebeziumDeserializationSchema} serialises with the Kafka Connect
 * {@code JsonConverter} bundled in the shaded connector, which writes a column's DEFAULT value
 * where the row holds NULL (KAFKA-8713, fixed in Kafka 3.5 by {@code replace.null.with.default},
 * too new for the bundled copy). cdctest caught this on its first run: a NULL in a column
 * {@code DEFAULT 0} arrived as 0. This schema writes the same layout from
 * {@link Struct#getWithoutDefault(String)}, so NULL stays NULL. The envelope's schema part still
 * comes from the converter.
 */
final class NullPreservingJsonSchema implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private transient JsonConverter converter;
    private transient ObjectMapper mapper;

    /** The record's value as Debezium JSON, with or without the envelope. */
    byte[] value(SourceRecord record, boolean includeSchema) throws java.io.IOException {
        init();
        JsonNode payload = toJson(record.valueSchema(), record.value());
        if (!includeSchema) {
            return mapper.writeValueAsBytes(payload);
        }
        ObjectNode envelope = NODES.objectNode();
        envelope.set("schema", converter.asJsonSchema(record.valueSchema()));
        envelope.set("payload", payload);
        return mapper.writeValueAsBytes(envelope);
    }

    /** The record's key (the primary key) as JSON without schema: {@code {"id": 5}}; null without a key. */
    byte[] key(SourceRecord record) throws java.io.IOException {
        init();
        return record.key() == null ? null : mapper.writeValueAsBytes(toJson(record.keySchema(), record.key()));
    }

    private void init() {
        if (mapper == null) {
            mapper = new ObjectMapper();
            converter = new JsonConverter();
            converter.configure(Map.of("converter.type", "value", "schemas.enable", true, "decimal.format", "BASE64"));
        }
    }

    static JsonNode toJson(Schema schema, Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        String logical = schema == null ? null : schema.name();
        if (Decimal.LOGICAL_NAME.equals(logical)) {
            return NODES.binaryNode(((BigDecimal) value).unscaledValue().toByteArray());
        }
        if (Date.LOGICAL_NAME.equals(logical)) {
            return NODES.numberNode(Date.fromLogical(schema, (java.util.Date) value));
        }
        if (Time.LOGICAL_NAME.equals(logical)) {
            return NODES.numberNode(Time.fromLogical(schema, (java.util.Date) value));
        }
        if (Timestamp.LOGICAL_NAME.equals(logical)) {
            return NODES.numberNode(Timestamp.fromLogical(schema, (java.util.Date) value));
        }
        switch (schema.type()) {
            case INT8:
                return NODES.numberNode((Byte) value);
            case INT16:
                return NODES.numberNode((Short) value);
            case INT32:
                return NODES.numberNode((Integer) value);
            case INT64:
                return NODES.numberNode((Long) value);
            case FLOAT32:
                return NODES.numberNode((Float) value);
            case FLOAT64:
                return NODES.numberNode((Double) value);
            case BOOLEAN:
                return NODES.booleanNode((Boolean) value);
            case STRING:
                return NODES.textNode(value.toString());
            case BYTES:
                if (value instanceof ByteBuffer buffer) {
                    byte[] bytes = new byte[buffer.remaining()];
                    buffer.duplicate().get(bytes);
                    return NODES.binaryNode(bytes);
                }
                return NODES.binaryNode((byte[]) value);
            case ARRAY: {
                ArrayNode array = NODES.arrayNode();
                for (Object item : (Collection<?>) value) {
                    array.add(toJson(schema.valueSchema(), item));
                }
                return array;
            }
            case MAP: {
                ObjectNode map = NODES.objectNode();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                    map.set(String.valueOf(e.getKey()), toJson(schema.valueSchema(), e.getValue()));
                }
                return map;
            }
            case STRUCT: {
                Struct struct = (Struct) value;
                ObjectNode object = NODES.objectNode();
                for (Field field : schema.fields()) {
                    object.set(field.name(), toJson(field.schema(), struct.getWithoutDefault(field.name())));
                }
                return object;
            }
            default:
                throw new IllegalStateException("unsupported Connect type " + schema.type());
        }
    }
}
