package io.cdctest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DebeziumJsonDecoderTest {
    private final ChangeDecoder decoder = WireFormat.byId("debezium-json").orElseThrow().decoder(new Topics("t", false), ColumnTypes.NONE);

    /** A trimmed copy of a real message from the built-in producer (Flink CDC 3.5.0 shades Kafka Connect). */
    private static final String ENVELOPED = """
            {"schema":{"type":"struct","fields":[
              {"type":"struct","optional":true,"field":"before","fields":[
                {"type":"int64","optional":false,"field":"id"}]},
              {"type":"struct","optional":true,"field":"after","fields":[
                {"type":"int64","optional":false,"field":"id"},
                {"type":"bytes","optional":true,"name":"org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Decimal","parameters":{"scale":"2"},"field":"price"},
                {"type":"bytes","optional":true,"name":"org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Decimal","parameters":{"scale":"0"},"field":"big"},
                {"type":"float","optional":true,"field":"f"},
                {"type":"bytes","optional":true,"name":"io.debezium.data.Bits","parameters":{"length":"16"},"field":"bits"},
                {"type":"bytes","optional":true,"field":"blob"},
                {"type":"int64","optional":true,"name":"io.debezium.time.MicroTime","field":"t"},
                {"type":"int32","optional":true,"name":"io.debezium.time.Date","field":"d"},
                {"type":"int64","optional":true,"name":"io.debezium.time.Timestamp","field":"dt"},
                {"type":"int64","optional":true,"name":"io.debezium.time.MicroTimestamp","field":"dt6"},
                {"type":"string","optional":true,"name":"io.debezium.time.ZonedTimestamp","field":"ts"},
                {"type":"int16","optional":true,"default":0,"field":"flag"},
                {"type":"string","optional":true,"field":"s"}]},
              {"type":"string","optional":false,"field":"op"}]},
             "payload":{"before":null,"after":{"id":7,"price":"MDk=","big":"AP//////////","f":885.27,"bits":"AQI=",
               "blob":"3q2+7w==","t":34641000001,"d":4040,"dt":1756184105000,"dt6":1793242421258115,
               "ts":"2000-07-30T20:54:40.493Z","flag":null,"s":"emoji 😀"},
              "source":{"db":"shop","table":"orders"},"op":"c","ts_ms":1}}
            """;

    @Test
    void envelopedValuesAreDecodedByTheirLogicalTypes() {
        List<ChangeEvent> events = decoder.decode(WireRecord.ofText("t", null, ENVELOPED));
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.database()).isEqualTo("shop");
            assertThat(e.table()).isEqualTo("orders");
            assertThat(e.op()).isEqualTo(ChangeEvent.Op.INSERT);
            assertThat(e.before()).isNull();
            var row = e.after();
            assertThat(row.get("id")).isEqualTo(7L);
            assertThat(row.get("price")).isEqualTo(new BigDecimal("123.45"));
            assertThat(row.get("big")).isEqualTo(new BigDecimal("18446744073709551615"));
            assertThat(row.get("f")).isEqualTo(885.27f);
            assertThat(row.get("bits")).isEqualTo(0x0201L);
            assertThat(row.get("blob")).isEqualTo(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef});
            assertThat(row.get("t")).isEqualTo("09:37:21.000001");
            assertThat(row.get("d")).isEqualTo("1981-01-23");
            assertThat(row.get("dt")).isEqualTo("2025-08-26 04:55:05");
            assertThat(row.get("dt6")).isEqualTo("2026-10-29 02:53:41.258115");
            assertThat(row.get("ts")).isEqualTo("2000-07-30 20:54:40.493");
            assertThat(row).containsEntry("flag", null);
            assertThat(row.get("s")).isEqualTo("emoji 😀");
        });
    }

    @Test
    void schemalessDeletesCarryTheBeforeImage() {
        String json = "{\"before\":{\"id\":3,\"name\":\"x\"},\"after\":null,\"source\":{\"db\":\"d\",\"table\":\"t\"},\"op\":\"d\"}";
        assertThat(decoder.decode(WireRecord.ofText("t", null, json))).singleElement().satisfies(e -> {
            assertThat(e.op()).isEqualTo(ChangeEvent.Op.DELETE);
            assertThat(e.before()).containsEntry("id", 3L).containsEntry("name", "x");
            assertThat(e.after()).isNull();
        });
    }

    @Test
    void tombstonesAndNonRowMessagesCarryNoChange() {
        assertThat(decoder.decode(WireRecord.ofText("t", null, null))).isEmpty();
        assertThat(decoder.decode(WireRecord.ofText("t", null, "{\"payload\":null,\"schema\":{}}"))).isEmpty();
        assertThat(decoder.decode(WireRecord.ofText("t", null, "{\"op\":\"t\",\"source\":{}}"))).isEmpty();
        assertThatThrownBy(() -> decoder.decode(WireRecord.ofText("t", null, "not json")))
                .isInstanceOf(MalformedMessageException.class).hasMessageStartingWith("not a debezium-json message (not JSON");
    }

    @Test
    void timesOutsideOneDayAndNegativeTimesKeepMysqlForm() {
        assertThat(DebeziumJsonDecoder.Temporal.time(-3_600_000_000L)).isEqualTo("-01:00:00");
        assertThat(DebeziumJsonDecoder.Temporal.time(838L * 3600 * 1_000_000)).isEqualTo("838:00:00");
        assertThat(DebeziumJsonDecoder.Temporal.datetime(DebeziumJsonDecoder.Temporal.ofEpochMicros(-1)))
                .isEqualTo("1969-12-31 23:59:59.999999");
    }
}
