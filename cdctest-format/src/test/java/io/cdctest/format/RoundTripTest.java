package io.cdctest.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every format's encoder against its own decoder: what the built-in producer writes, the consumer
 * and the verifier read back with the same values (text formats as text the database converts).
 */
class RoundTripTest {
    private static final Map<String, String> TYPES = Map.of("id", "bigint", "name", "varchar(20)", "price", "decimal(10,2)",
            "blob", "blob", "tags", "set('a','b','c')", "doc", "json", "at", "datetime(6)", "ratio", "double", "big",
            "bigint unsigned");

    static List<String> formats() {
        return WireFormat.ids();
    }

    private static Map<String, Object> row(long id, String name) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("name", name);
        row.put("price", new BigDecimal("12.50"));
        row.put("blob", new byte[] {0, (byte) 0xff, 0x7f, (byte) 0x80});
        row.put("tags", "a,c");
        row.put("doc", "{\"k\":[1,2]}");
        row.put("at", "2024-02-29 23:59:59.123456");
        row.put("ratio", 1.7976931348623157E308);
        row.put("big", new BigDecimal("18446744073709551615"));
        row.put("nothing", null);
        return row;
    }

    private static List<ChangeEvent> roundTrip(WireFormat format, ChangeEvent event) {
        Topics topics = format.topics("cdc");
        ChangeDecoder decoder = format.decoder(topics, ColumnTypes.of(TYPES));
        List<ChangeEvent> back = new ArrayList<>();
        for (WireRecord record : format.encoder().encode(event, topics)) {
            back.addAll(decoder.decode(record));
        }
        return back;
    }

    private static ChangeEvent event(ChangeEvent.Op op, Map<String, Object> before, Map<String, Object> after) {
        return new ChangeEvent("shop", "items", op, before, after,
                new ChangeEvent.Source(1_700_000_000_000L, "3E11FA47-71CA-11E1-9E33-C80AA9429562:23", List.of("id"), TYPES));
    }

    /** Values as the database will take them: text formats send numbers as text. */
    private static void assertSameRow(Map<String, Object> actual, Map<String, Object> expected) {
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((column, value) -> {
            Object got = actual.get(column);
            if (value instanceof byte[] bytes) {
                assertThat(got).as(column).isEqualTo(bytes);
            } else if (value == null) {
                assertThat(got).as(column).isNull();
            } else if (value instanceof Number n && !(got instanceof String)) {
                assertThat(new BigDecimal(String.valueOf(got))).as(column).isEqualByComparingTo(new BigDecimal(n.toString()));
            } else {
                assertThat(String.valueOf(got)).as(column).isEqualTo(value instanceof BigDecimal d ? d.toPlainString()
                        : String.valueOf(value));
            }
        });
    }

    @ParameterizedTest
    @MethodSource("formats")
    void insertsComeBackWithEveryValue(String id) {
        WireFormat format = WireFormat.byId(id).orElseThrow();
        List<ChangeEvent> back = roundTrip(format, event(ChangeEvent.Op.INSERT, null, row(7, "seven")));
        assertThat(back).hasSize(1);
        assertThat(back.get(0).database()).isEqualTo("shop");
        assertThat(back.get(0).table()).isEqualTo("items");
        assertThat(back.get(0).op()).isIn(ChangeEvent.Op.INSERT, ChangeEvent.Op.UPSERT);
        assertSameRow(back.get(0).after(), row(7, "seven"));
    }

    @ParameterizedTest
    @MethodSource("formats")
    void updatesKeepTheirBeforeImageWhereTheFormatHasOne(String id) {
        WireFormat format = WireFormat.byId(id).orElseThrow();
        List<ChangeEvent> back = roundTrip(format, event(ChangeEvent.Op.UPDATE, row(7, "seven"), row(7, "SEVEN")));
        ChangeEvent last = back.get(back.size() - 1);
        assertSameRow(last.after(), row(7, "SEVEN"));
        if (!id.equals("upsert-kafka")) {
            Map<String, Object> before = back.get(0).before();
            assertSameRow(before, row(7, "seven"));
        }
    }

    @ParameterizedTest
    @MethodSource("formats")
    void deletesAndKeyChangesRemoveTheOldKey(String id) {
        WireFormat format = WireFormat.byId(id).orElseThrow();
        List<ChangeEvent> deleted = roundTrip(format, event(ChangeEvent.Op.DELETE, row(7, "seven"), null));
        assertThat(deleted).singleElement().satisfies(e -> {
            assertThat(e.after()).isNull();
            assertThat(e.before()).containsEntry("id", id.equals("canal-json") ? "7" : (Object) 7L);
        });
        List<ChangeEvent> moved = roundTrip(format, event(ChangeEvent.Op.UPDATE, row(7, "seven"), row(8, "seven")));
        assertThat(moved).anySatisfy(e -> assertThat(String.valueOf(e.before() == null ? null : e.before().get("id"))).isEqualTo("7"));
        assertThat(moved.get(moved.size() - 1).after()).containsKey("id");
        assertThat(String.valueOf(moved.get(moved.size() - 1).after().get("id"))).isEqualTo("8");
    }
}
