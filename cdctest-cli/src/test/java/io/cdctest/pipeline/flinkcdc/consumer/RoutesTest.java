package io.cdctest.pipeline.flinkcdc.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.format.ChangeEvent;
import io.cdctest.pipeline.flinkcdc.FlinkCdcSpec;
import io.cdctest.spec.Origin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutesTest {
    private static final FlinkCdcSpec.Route SHARDS = new FlinkCdcSpec.Route("user_db_[0-9]+\\.user_table_[0-9]+", "users",
            "source_db", "source_table", Origin.commandLine("test"));

    @Test
    void anEventOfAMatchingTableGoesToTheSinkWithItsDatabaseAndTableAsColumns() {
        Routes routes = new Routes(List.of(SHARDS));
        Map<String, Object> before = new LinkedHashMap<>(Map.of("id", 7L, "name", "a"));
        Map<String, Object> after = new LinkedHashMap<>(Map.of("id", 7L, "name", "b"));
        ChangeEvent routed = routes.apply(new ChangeEvent("user_db_2", "user_table_10", ChangeEvent.Op.UPDATE, before, after));
        assertThat(routed.table()).isEqualTo("users");
        assertThat(routed.database()).isEqualTo("user_db_2");
        assertThat(List.copyOf(routed.after().keySet()).subList(0, 2)).containsExactly("source_db", "source_table");
        assertThat(routed.after()).containsOnly(Map.entry("source_db", "user_db_2"),
                Map.entry("source_table", "user_table_10"), Map.entry("id", 7L), Map.entry("name", "b"));
        assertThat(routed.before()).containsEntry("source_table", "user_table_10").containsEntry("name", "a");
    }

    @Test
    void otherTablesAndDeletesKeepTheirShape() {
        Routes routes = new Routes(List.of(SHARDS));
        ChangeEvent other = new ChangeEvent("user_db_x", "user_table_1", ChangeEvent.Op.INSERT, null, Map.of("id", 1L));
        assertThat(routes.apply(other)).isSameAs(other);
        assertThat(routes.sink("orders_db", "orders")).isEqualTo("orders");
        ChangeEvent delete = routes.apply(new ChangeEvent("user_db_1", "user_table_1", ChangeEvent.Op.DELETE, Map.of("id", 1L), null));
        assertThat(delete.after()).isNull();
        assertThat(delete.before()).containsEntry("source_db", "user_db_1");
    }

    @Test
    void routesTravelAsJsonInTheEnvironment() {
        String json = Routes.toJson(List.of(SHARDS));
        Routes back = Routes.fromEnvironment(Map.of(Routes.ENV, json));
        assertThat(back.routes()).singleElement().satisfies(r -> {
            assertThat(r.sourceTable()).isEqualTo(SHARDS.sourceTable());
            assertThat(r.sinkTable()).isEqualTo("users");
            assertThat(r.sourceDatabaseColumn()).isEqualTo("source_db");
            assertThat(r.sourceTableColumn()).isEqualTo("source_table");
        });
        assertThat(Routes.fromEnvironment(Map.of()).isEmpty()).isTrue();
    }
}
