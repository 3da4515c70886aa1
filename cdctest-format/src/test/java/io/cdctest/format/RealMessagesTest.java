package io.cdctest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each decoder against messages written by the real tools (Canal, TiCDC, Flink, Flink CDC,
 * Maxwell, Debezium), copied from their repositories and docs (see messages/SOURCES.md).
 */
class RealMessagesTest {
    private static WireFormat format(String id) {
        return WireFormat.byId(id).orElseThrow();
    }

    @Test
    void canalMultiRowMessagesUpdatesWithPartialOldAndDdl() {
        List<ChangeEvent> events = Messages.decodeAll(format("canal-json"), "cdc", "canal-json/flink-canal-data.jsonl",
                ColumnTypes.NONE);
        // 9-row insert first; the DDL line (isDdl: true) yields nothing
        assertThat(events.subList(0, 9)).allSatisfy(e -> assertThat(e.op()).isEqualTo(ChangeEvent.Op.INSERT));
        assertThat(events.get(0).after()).containsEntry("id", "101").containsEntry("weight", "3.14");
        assertThat(events.get(0).source().keyColumns()).containsExactly("id");
        assertThat(events.get(0).source().columnTypes()).containsEntry("name", "varchar(255)");
        ChangeEvent update = events.get(9);
        assertThat(update.op()).isEqualTo(ChangeEvent.Op.UPDATE);
        assertThat(update.after()).containsEntry("description", "18oz carpenter hammer");
        assertThat(update.before()).containsEntry("description", "16oz carpenter's hammer").containsEntry("weight", "1.0");
        assertThat(events).filteredOn(e -> e.op() == ChangeEvent.Op.DELETE).isNotEmpty()
                .allSatisfy(e -> assertThat(e.before()).isNotNull().containsKey("id"));
    }

    @Test
    void canalOldWithNullMeansTheColumnWasNull() {
        List<ChangeEvent> events = Messages.decodeAll(format("canal-json"), "cdc",
                "canal-json/flink-canal-data-filter-table.jsonl", ColumnTypes.NONE);
        ChangeEvent update = events.stream().filter(e -> e.op() == ChangeEvent.Op.UPDATE).findFirst().orElseThrow();
        assertThat(update.before()).containsEntry("description", null).containsEntry("id", "106");
        assertThat(update.after()).containsEntry("description", "18oz carpenter hammer");
        assertThat(events).extracting(ChangeEvent::table).contains("product", "orders");
    }

    @Test
    void canalDdlOfEveryKindAndTicdcWatermarksCarryNoRow() {
        List<ChangeEvent> events = Messages.decodeAll(format("canal-json"), "cdc",
                "canal-json/seatunnel-canal-data-with-ddl.jsonl", ColumnTypes.NONE);
        assertThat(events).extracting(ChangeEvent::op).doesNotContainNull().contains(ChangeEvent.Op.INSERT, ChangeEvent.Op.UPDATE);
        assertThat(Messages.decodeAll(format("canal-json"), "cdc", "canal-json/ticdc-canal-json-ddl-event.jsonc",
                ColumnTypes.NONE)).isEmpty();
        assertThat(Messages.decodeAll(format("canal-json"), "cdc", "canal-json/ticdc-canal-json-watermark.jsonc",
                ColumnTypes.NONE)).isEmpty();
        ChangeEvent ticdc = Messages.decodeAll(format("canal-json"), "cdc", "canal-json/ticdc-canal-json-dml-insert.jsonc",
                ColumnTypes.NONE).get(0);
        assertThat(ticdc.after()).containsEntry("c_bigint", "9223372036854775807");
    }

    @Test
    void flinkCdcCanalTypedValuesAndBothDeleteShapes() {
        List<ChangeEvent> events = Messages.decodeAll(format("canal-json"), "cdc",
                "flink-cdc-canal-json/mysql-to-kafka-canal-json.jsonl", ColumnTypes.NONE);
        assertThat(events.get(0).after()).containsEntry("id", 103L).containsEntry("name", "user_3");
        ChangeEvent delete = events.stream().filter(e -> e.op() == ChangeEvent.Op.DELETE).findFirst().orElseThrow();
        assertThat(delete.before()).containsKey("id");
        ChangeEvent oldShape = Messages.decodeAll(format("canal-json"), "cdc",
                "flink-cdc-canal-json/mysql-to-kafka-canal-json-delete-pre-FLINK-36877.jsonl", ColumnTypes.NONE).get(0);
        assertThat(oldShape.op()).isEqualTo(ChangeEvent.Op.DELETE);
        assertThat(oldShape.before()).containsEntry("id", 111L);
        assertThat(oldShape.after()).isNull();
        List<ChangeEvent> unit = Messages.decodeAll(format("canal-json"), "cdc",
                "flink-cdc-canal-json/unit-test-insert-delete-update.jsonl", ColumnTypes.NONE);
        assertThat(unit).extracting(ChangeEvent::op).containsExactly(ChangeEvent.Op.INSERT, ChangeEvent.Op.INSERT,
                ChangeEvent.Op.DELETE, ChangeEvent.Op.UPDATE);
        assertThat(unit.get(3).before()).containsEntry("col2", "1");
        assertThat(unit.get(3).after()).containsEntry("col2", "x");
    }

    @Test
    void debeziumWithSchemaFromTheDebeziumConnector() {
        List<ChangeEvent> events = Messages.decodeAll(format("debezium-json"), "cdc",
                "debezium-json/flink-debezium-data-schema-include-excerpt.jsonl", ColumnTypes.NONE);
        assertThat(events).extracting(ChangeEvent::op).containsExactly(ChangeEvent.Op.INSERT, ChangeEvent.Op.UPDATE,
                ChangeEvent.Op.DELETE);
        ChangeEvent update = events.get(1);
        assertThat(update.before()).containsEntry("description", "16oz carpenter's hammer");
        assertThat(update.after()).containsEntry("description", "18oz carpenter hammer").containsEntry("id", 106L);
        assertThat(update.source().gtid()).isEqualTo("mysql-bin.000003:362");
        assertThat(update.source().timestampMs()).isEqualTo(1589361987000L);
        assertThat(events.get(2).after()).isNull();
    }

    @Test
    void debeziumFromTheFlinkCdcKafkaSinkWithAndWithoutSchema() {
        List<ChangeEvent> plain = Messages.decodeAll(format("debezium-json"), "cdc",
                "flink-cdc-debezium-json/mysql-to-kafka-debezium-json.jsonl", ColumnTypes.NONE);
        List<ChangeEvent> withSchema = Messages.decodeAll(format("debezium-json"), "cdc",
                "flink-cdc-debezium-json/mysql-to-kafka-debezium-json-with-schema.jsonl", ColumnTypes.NONE);
        assertThat(plain).hasSize(20);
        // the expected events of an end-to-end test: the same changes, not in the same order
        assertThat(withSchema).extracting(e -> e.op() + " " + e.table() + " " + e.image().get("id"))
                .containsExactlyInAnyOrderElementsOf(plain.stream().map(e -> e.op() + " " + e.table() + " " + e.image().get("id")).toList());
    }

    @Test
    void debeziumValuesSentAsTextWhereTheSchemaSaysNumbersAreTakenAsText() {
        ChangeEvent e = Messages.decodeAll(format("debezium-json"), "cdc",
                "flink-cdc-debezium-json/unit-test-with-schema-all-types.json",
                ColumnTypes.of(Map.of("_binary", "binary(3)", "_varbinary", "varbinary(10)", "_bytes", "blob"))).get(0);
        Map<String, Object> row = e.after();
        assertThat(row).containsEntry("_date", "1970-04-11").containsEntry("_time", "00:00:00")
                .containsEntry("_timestamp", "2023-01-01 00:00:00").containsEntry("_timestamp_ltz", "2023-01-01 00:00:00")
                .containsEntry("_decimal", new BigDecimal("7.123")).containsEntry("_int", 3L).containsEntry("pt", null)
                .containsEntry("_binary", new byte[] {1, 2}).containsEntry("_bytes", new byte[] {5, 6, 7});
    }

    @Test
    void maxwellInsertsUpdatesDeletesAndTransactions() {
        List<ChangeEvent> events = Messages.decodeAll(format("maxwell-json"), "cdc", "maxwell/flink-maxwell-data.jsonl",
                ColumnTypes.NONE);
        assertThat(events.get(0).after()).containsEntry("id", 101L).containsEntry("weight", new BigDecimal("3.14"));
        assertThat(events.get(0).source().keyColumns()).containsExactly("id");
        assertThat(events.get(0).source().timestampMs()).isEqualTo(1596684883000L);
        ChangeEvent update = events.stream().filter(e -> e.op() == ChangeEvent.Op.UPDATE).findFirst().orElseThrow();
        assertThat(update.before()).isNotEqualTo(update.after());
        assertThat(update.before().keySet()).isEqualTo(update.after().keySet());
        ChangeEvent readme = Messages.decodeAll(format("maxwell-json"), "cdc", "maxwell/readme-update.json",
                ColumnTypes.NONE).get(0);
        assertThat(readme.before()).containsEntry("daemon", "Stanislaw Lem").containsEntry("id", 1L);
        assertThat(readme.after()).containsEntry("daemon", "Firebus!  Firebus!");
    }

    @Test
    void maxwellBootstrapRowsAreSnapshotReadsAndMarkersAndDdlCarryNoRow() {
        List<ChangeEvent> events = Messages.decodeAll(format("maxwell-json"), "cdc", "maxwell/docs-bootstrapping-stream.jsonl",
                ColumnTypes.NONE);
        assertThat(events).extracting(ChangeEvent::op).containsExactly(ChangeEvent.Op.INSERT, ChangeEvent.Op.INSERT,
                ChangeEvent.Op.READ, ChangeEvent.Op.READ);
        assertThat(Messages.decodeAll(format("maxwell-json"), "cdc", "maxwell/docs-dataformat-table-create.json",
                ColumnTypes.NONE)).isEmpty();
        assertThat(Messages.decodeAll(format("maxwell-json"), "cdc", "maxwell/docs-dataformat-table-alter.json",
                ColumnTypes.NONE)).isEmpty();
    }

    @Test
    void maxwellBytesSetsAndJsonNeedTheColumnTypes() {
        ChangeDecoder decoder = format("maxwell-json").decoder(new Topics("cdc", false), ColumnTypes.of(Map.of(
                "blob_field", "blob", "set_field", "set('foo','bar','baz')", "j", "json")));
        String blob = Messages.read("maxwell/test-fixture-test_blob.relaxed.txt").get(0);
        assertThat(decoder.decode(WireRecord.ofText("cdc", null, blob)).get(0).after().get("blob_field"))
                .isEqualTo(new byte[] {0, 1, 2, 3});
        // the test fixture shows only part of the message: it lacks the database
        List<String> sets = Messages.read("maxwell/test-fixture-test_set.relaxed.txt");
        assertThat(sets.stream().map(m -> decoder.decode(WireRecord.ofText("cdc", null, m.replaceFirst("\\{", "{\"database\":\"d\","))))
                .map(e -> e.get(0).after().get("set_field")).toList()).containsExactly("bar,baz", "foo,baz", "foo", "", null);
        List<ChangeEvent> json = Messages.read("maxwell/test-fixture-test_json.relaxed.txt").stream()
                .flatMap(m -> decoder.decode(WireRecord.ofText("cdc", null, m)).stream()).toList();
        assertThat((String) json.get(0).after().get("j")).startsWith("{\"foo\":\"bar\",\"baz\":[1,2,3,");
        assertThat(json.get(1).before()).containsEntry("i", 0L);
        assertThat(json.get(1).after()).containsEntry("i", 1L);
    }

    @Test
    void changelogRetractionsAndDecimalScale() {
        WireFormat changelog = format("changelog-json");
        List<ChangeEvent> events = Messages.decodeAll(changelog, "cdc.shop.products",
                "changelog-json/flink-cdc-changelog-json-data.jsonl", ColumnTypes.NONE);
        assertThat(events.get(0).database()).isEqualTo("shop");
        assertThat(events.get(0).table()).isEqualTo("products");
        assertThat(events).extracting(ChangeEvent::op).contains(ChangeEvent.Op.INSERT, ChangeEvent.Op.UPDATE_BEFORE,
                ChangeEvent.Op.UPDATE, ChangeEvent.Op.DELETE);
        assertThat(events).filteredOn(e -> e.op() == ChangeEvent.Op.UPDATE_BEFORE)
                .allSatisfy(e -> assertThat(e.after()).isNull());
        List<ChangeEvent> money = Messages.decodeAll(changelog, "cdc.shop.orders",
                "changelog-json/flink-cdc-changelog-json-data2-decimal.jsonl", ColumnTypes.NONE);
        assertThat(money.get(0).after().get("money")).isEqualTo(new BigDecimal("10.00"));
        assertThatThrownBy(() -> Messages.decodeAll(changelog, "elsewhere", "changelog-json/flink-cdc-changelog-json-data.jsonl",
                ColumnTypes.NONE)).isInstanceOf(MalformedMessageException.class).hasMessageContaining("cdc.<database>.<table>");
    }

    @Test
    void aMessageOfAnotherFormatIsRejectedNotSkipped() {
        String canal = Messages.read("canal-json/flink-canal-data.jsonl").get(0);
        String maxwell = Messages.read("maxwell/flink-maxwell-data.jsonl").get(0);
        assertThatThrownBy(() -> format("maxwell-json").decoder(new Topics("cdc", false), ColumnTypes.NONE)
                .decode(WireRecord.ofText("cdc", null, canal))).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("maxwell-json");
        assertThatThrownBy(() -> format("canal-json").decoder(new Topics("cdc", false), ColumnTypes.NONE)
                .decode(WireRecord.ofText("cdc", null, maxwell))).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("canal-json");
        assertThatThrownBy(() -> format("debezium-json").decoder(new Topics("cdc", false), ColumnTypes.NONE)
                .decode(WireRecord.ofText("cdc", null, maxwell))).isInstanceOf(MalformedMessageException.class);
    }
}
