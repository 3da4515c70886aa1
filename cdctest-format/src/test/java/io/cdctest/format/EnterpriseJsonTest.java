package io.cdctest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code enterprise-json} against the in-house CDC manager's messages (seed 003, see
 * messages/SOURCES.md): the body {@code {database, table, type, timestamp, gtid, data, old_data}},
 * the headers {@code database, table, operation, gtid}, the key {@code db_name.table_name}.
 */
class EnterpriseJsonTest {
    private static final WireFormat FORMAT = WireFormat.byId("enterprise-json").orElseThrow();
    private static final ChangeDecoder DECODER = FORMAT.decoder(FORMAT.topics("cdc_topic_shopee_order"), ColumnTypes.NONE);

    private static WireRecord record(String value, Map<String, String> headers) {
        return new WireRecord("cdc_topic_shopee_order", "shopee_order_db_00000000.order_info".getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8), headers);
    }

    @Test
    void theSeedsConsumerMessageIsAnInsertWithItsGtidAndTimestamp() {
        List<ChangeEvent> events = DECODER.decode(record(Messages.one("enterprise-json/seed-003-consumer-message.jsonc"),
                Map.of("database", "shopee_order_db_00000000", "table", "order_info", "operation", "insert",
                        "gtid", "xxxxx:1-12345")));
        ChangeEvent insert = events.get(0);
        assertThat(events).hasSize(1);
        assertThat(insert.database()).isEqualTo("shopee_order_db_00000000");
        assertThat(insert.table()).isEqualTo("order_info");
        assertThat(insert.op()).isEqualTo(ChangeEvent.Op.INSERT);
        assertThat(insert.before()).isNull();
        assertThat(insert.after()).containsEntry("order_id", 123456L).containsEntry("amount", new BigDecimal("99.99"))
                .containsEntry("status", "created").containsEntry("create_time", "2023-10-22 10:00:00");
        assertThat(insert.source().gtid()).isEqualTo("xxxxx:1-12345");
        assertThat(insert.source().timestampMs()).as("seconds in the message").isEqualTo(1_698_036_000_000L);
    }

    @Test
    void theWorkersEventWithoutGtidTakesItFromTheHeaders() {
        ChangeEvent insert = DECODER.decode(record(Messages.one("enterprise-json/seed-003-worker-event.json"),
                Map.of("operation", "insert", "gtid", "xxxxx:1-12345"))).get(0);
        assertThat(insert.op()).isEqualTo(ChangeEvent.Op.INSERT);
        assertThat(insert.after()).containsEntry("user_id", 789L);
        assertThat(insert.source().gtid()).isEqualTo("xxxxx:1-12345");
    }

    @Test
    void databaseTableAndOperationMayComeFromTheHeadersAlone() {
        ChangeEvent delete = DECODER.decode(record("{\"data\": {\"order_id\": 7}}", Map.of("database", "shopee_order_db_00000001",
                "table", "order_item", "operation", "DELETE"))).get(0);
        assertThat(delete.database()).isEqualTo("shopee_order_db_00000001");
        assertThat(delete.table()).isEqualTo("order_item");
        assertThat(delete.op()).isEqualTo(ChangeEvent.Op.DELETE);
        assertThat(delete.before()).containsEntry("order_id", 7L);
        assertThat(delete.after()).isNull();
    }

    @Test
    void updatesLayOldDataOverTheRowAndDeletesCarryTheRowInData() {
        List<ChangeEvent> events = Messages.decodeAll(FORMAT, "cdc_topic_shopee_order",
                "enterprise-json/manager-order-lifecycle.jsonl", ColumnTypes.NONE);
        assertThat(events).extracting(ChangeEvent::op).containsExactly(ChangeEvent.Op.UPDATE, ChangeEvent.Op.UPDATE,
                ChangeEvent.Op.DELETE);
        assertThat(events.get(0).before()).containsEntry("status", "created").containsEntry("amount", new BigDecimal("99.99"));
        assertThat(events.get(0).after()).containsEntry("status", "paid");
        assertThat(events.get(1).before()).containsEntry("amount", new BigDecimal("99.99"));
        assertThat(events.get(1).after()).containsEntry("amount", new BigDecimal("89.99"));
        assertThat(events.get(2).before()).containsEntry("order_id", 123456L).containsEntry("status", "paid");
        assertThat(events.get(2).source().gtid()).isEqualTo("xxxxx:1-12348");
    }

    @Test
    void whatTheBuiltInProducerWritesIsTheManagersLayout() {
        ChangeEvent change = new ChangeEvent("shop", "orders", ChangeEvent.Op.UPDATE, Map.of("id", 1L, "status", "created"),
                Map.of("id", 1L, "status", "paid"), new ChangeEvent.Source(1_698_036_000_000L, "xxxxx:1-12345", List.of(), Map.of()));
        WireRecord written = FORMAT.encoder().encode(change, FORMAT.topics("cdc_topic")).get(0);
        assertThat(written.keyText()).isEqualTo("shop.orders");
        assertThat(written.headers()).containsEntry("database", "shop").containsEntry("table", "orders")
                .containsEntry("operation", "update").containsEntry("gtid", "xxxxx:1-12345");
        assertThat(written.valueText()).contains("\"type\":\"update\"", "\"timestamp\":1698036000", "\"old_data\":{");
        assertThat(DECODER.decode(written)).singleElement().satisfies(e -> {
            assertThat(e.before()).containsEntry("status", "created");
            assertThat(e.after()).containsEntry("status", "paid");
        });
    }

    @Test
    void aMessageWithoutTypeOrDataIsMalformed() {
        assertThatThrownBy(() -> DECODER.decode(record("{\"database\": \"d\", \"table\": \"t\", \"data\": {}}", Map.of())))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("no 'type' field");
        assertThatThrownBy(() -> DECODER.decode(record("{\"database\": \"d\", \"table\": \"t\", \"type\": \"insert\"}", Map.of())))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("'data' is not an object");
    }
}
