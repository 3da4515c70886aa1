package io.cdctest.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.spec.Engine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The MatrixOne dialect's DDL, checked as text against the syntax in the MatrixOne reference. */
class CatalogDdlTest {
    private static TableDef table(String name) {
        return TableCatalog.find(name).orElseThrow();
    }

    @Test
    void vectorTableUsesVecf32AndAnIvfflatIndexOnMatrixOneOnly() {
        TableDef vector = table("cdc_test_vector_index");
        assertThat(vector.createSql("db", Engine.MATRIXONE)).contains("`embedding` VECF32(64)");
        assertThat(vector.createSql("db", Engine.MYSQL)).contains("`embedding` TEXT").doesNotContain("VECF32");
        assertThat(vector.deferredIndexSql("db", Engine.MATRIXONE)).containsExactly(
                "SET experimental_ivf_index = 1",
                "CREATE INDEX idx_embedding USING IVFFLAT ON `db`.`cdc_test_vector_index` (embedding) LISTS = 16 "
                        + "OP_TYPE 'vector_l2_ops'");
        assertThat(vector.deferredIndexSql("db", Engine.MYSQL)).isEmpty();
    }

    @Test
    void fulltextIndexesAreCreatedAfterTheLoadWithTheExperimentalSwitchOnMatrixOne() {
        List<String> mo = table("cdc_test_fulltext").deferredIndexSql("db", Engine.MATRIXONE);
        assertThat(mo).first().isEqualTo("SET experimental_fulltext_index = 1");
        assertThat(mo).contains("CREATE FULLTEXT INDEX ft_title ON `db`.`cdc_test_fulltext` (title)",
                "CREATE FULLTEXT INDEX ft_composite ON `db`.`cdc_test_fulltext` (title, description)");
        assertThat(table("cdc_test_fulltext").createSql("db", Engine.MATRIXONE)).doesNotContain("FULLTEXT");
    }

    @Test
    void partitionedTablesKeepPartitionColumnsInTheKeyAndPartitionByLast() {
        for (String name : List.of("cdc_test_partition_range", "cdc_test_partition_hash", "cdc_test_partition_list")) {
            TableDef t = table(name);
            String ddl = t.createSql("db", Engine.MATRIXONE);
            assertThat(ddl).endsWith(t.partitioning()).doesNotContain("ENGINE=").doesNotContain("CLUSTER BY");
            String column = t.partitioning().replaceAll("(?s).*?\\((\\w+)\\).*", "$1");
            assertThat(t.primaryKey()).as(name).contains(column);
        }
        assertThat(table("cdc_test_partition_range").partitioning()).startsWith("PARTITION BY RANGE COLUMNS(order_date)")
                .doesNotContain("YEAR(");
        assertThat(table("cdc_test_partition_hash").partitioning()).isEqualTo("PARTITION BY HASH(user_id) PARTITIONS 4");
    }

    @Test
    void noTypeKnownToBreakMatrixOneCdc() {
        for (TableDef t : TableCatalog.all()) {
            for (Engine engine : Engine.values()) {
                String ddl = t.createSql("db", engine).toUpperCase();
                assertThat(ddl).doesNotContain(" YEAR", "GEOMETRY", "FOREIGN KEY", " SET(", "MEDIUMINT", "UUID");
                assertThat(ddl).doesNotContainPattern("DECIMAL\\((39|[4-9]\\d),");
                assertThat(t.primaryKey()).isNotEmpty();
            }
        }
    }

    @Test
    void groupsHoldTheEarlierToolsTables() {
        assertThat(TableCatalog.group("basic")).extracting(TableDef::name)
                .containsExactly("cdc_test_base", "cdc_test_composite_pk");
        assertThat(TableCatalog.group("partition")).hasSize(3);
        assertThat(TableCatalog.group("all")).hasSize(7);
    }
}
