package io.cdctest.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.spec.Engine;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RowSourceTest {

    @Test
    void sameSeedGivesTheSameRowsWhateverTheOrder() {
        TableDef base = TableCatalog.find("cdc_test_base").orElseThrow();
        RowSource a = new RowSource(base, 42);
        RowSource b = new RowSource(base, 42);
        Object[] later = b.row(500);
        b.row(3);
        assertThat(a.row(3)).usingRecursiveComparison().isEqualTo(b.row(3));
        assertThat(a.row(500)).usingRecursiveComparison().isEqualTo(later);
        assertThat(Arrays.deepEquals(a.row(3), new RowSource(base, 43).row(3))).isFalse();
    }

    @Test
    void keysAreUniqueAndStartAtOne() {
        for (TableDef table : TableCatalog.all()) {
            RowSource rows = new RowSource(table, 1);
            Set<String> keys = new HashSet<>();
            long first = table.firstRowAbove(0);
            for (long r = first; r < first + 2000; r++) {
                Object[] row = rows.row(r);
                StringBuilder key = new StringBuilder();
                for (String k : table.primaryKey()) {
                    key.append(row[table.columnNames().indexOf(k)]).append('|');
                }
                assertThat(keys.add(key.toString())).as("duplicate key %s in %s", key, table.name()).isTrue();
            }
            assertThat(rows.row(first)[0]).isIn(1L, 1);
        }
    }

    @Test
    void updatesNeverTouchKeysOrUniqueColumns() {
        TableDef base = TableCatalog.find("cdc_test_base").orElseThrow();
        assertThat(new RowSource(base, 1).updatable()).extracting(ColumnDef::name)
                .doesNotContain("id", "unique_col").contains("col_json", "col_bigint_unsigned");
    }

    @Test
    void ddlIsSharedByEveryEngine() {
        String ddl = TableCatalog.find("cdc_test_composite_pk").orElseThrow().createSql("db", Engine.MATRIXONE);
        assertThat(ddl).startsWith("CREATE TABLE `db`.`cdc_test_composite_pk` (")
                .contains("PRIMARY KEY (`pk1`, `pk2`)").doesNotContain("ENGINE=").doesNotContain("CHARSET");
        for (TableDef t : TableCatalog.all()) {
            assertThat(t.name()).isEqualTo(t.name().toLowerCase());
            assertThat(t.createSql("d", Engine.MYSQL)).doesNotContainIgnoringCase(" YEAR").doesNotContainIgnoringCase("GEOMETRY");
        }
    }
}
