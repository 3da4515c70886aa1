package io.cdctest.generate;

import static io.cdctest.generate.Generators.bytes;
import static io.cdctest.generate.Generators.date;
import static io.cdctest.generate.Generators.datetime;
import static io.cdctest.generate.Generators.decimal;
import static io.cdctest.generate.Generators.doubles;
import static io.cdctest.generate.Generators.floats;
import static io.cdctest.generate.Generators.json;
import static io.cdctest.generate.Generators.nullable;
import static io.cdctest.generate.Generators.oneOf;
import static io.cdctest.generate.Generators.signed;
import static io.cdctest.generate.Generators.text;
import static io.cdctest.generate.Generators.time;
import static io.cdctest.generate.Generators.unsigned;
import static io.cdctest.generate.Generators.unsignedBigint;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The test tables cdctest creates and fills. Names are lower case; types are those MySQL,
 * MariaDB and MatrixOne share and MatrixOne CDC can carry (no YEAR, no DECIMAL above 38 digits,
 * no GEOMETRY, always a primary key, no foreign keys).
 */
public final class TableCatalog {
    private static final Map<String, TableDef> TABLES = List.of(base(), compositePk()).stream()
            .collect(Collectors.toMap(TableDef::name, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));

    private TableCatalog() {
    }

    public static Optional<TableDef> find(String name) {
        return Optional.ofNullable(TABLES.get(name));
    }

    public static List<TableDef> all() {
        return List.copyOf(TABLES.values());
    }

    public static List<String> names() {
        return List.copyOf(TABLES.keySet());
    }

    private static ColumnDef column(String name, String type, String extra, ValueGenerator generator) {
        return new ColumnDef(name, type, extra, true, generator);
    }

    private static ColumnDef fixed(String name, String type, String extra, ValueGenerator generator) {
        return new ColumnDef(name, type, extra, false, generator);
    }

    /** Every column type the engines share, nullable and not, with secondary, composite and unique indexes. */
    static TableDef base() {
        return new TableDef("cdc_test_base", List.of(
                fixed("id", "BIGINT", "NOT NULL AUTO_INCREMENT", (r, row) -> row),
                column("col_tinyint", "TINYINT", "NOT NULL DEFAULT 0", signed(-128, 127)),
                column("col_smallint", "SMALLINT", "", nullable(signed(-32768, 32767))),
                column("col_int", "INT", "", nullable(signed(Integer.MIN_VALUE, Integer.MAX_VALUE))),
                column("col_bigint", "BIGINT", "", nullable(signed(Long.MIN_VALUE, Long.MAX_VALUE))),
                column("col_tinyint_unsigned", "TINYINT UNSIGNED", "", nullable(unsigned(255))),
                column("col_smallint_unsigned", "SMALLINT UNSIGNED", "", nullable(unsigned(65535))),
                column("col_int_unsigned", "INT UNSIGNED", "", nullable(unsigned(4294967295L))),
                column("col_bigint_unsigned", "BIGINT UNSIGNED", "", nullable(unsignedBigint())),
                column("col_decimal", "DECIMAL(10,2)", "DEFAULT 0.00", nullable(decimal(10, 2))),
                column("col_decimal_wide", "DECIMAL(38,10)", "", nullable(decimal(38, 10))),
                column("col_float", "FLOAT", "", nullable(floats())),
                column("col_double", "DOUBLE", "", nullable(doubles())),
                column("col_bit", "BIT(8)", "", nullable((r, row) -> (long) r.nextInt(256))),
                column("col_char", "CHAR(50)", "", nullable(text(50))),
                column("col_varchar", "VARCHAR(255)", "NOT NULL DEFAULT ''", text(255)),
                column("col_text", "TEXT", "", nullable(text(2000))),
                column("col_enum", "ENUM('A','B','C','D')", "DEFAULT 'A'", nullable(oneOf("A", "B", "C", "D"))),
                column("col_binary", "BINARY(16)", "", nullable(bytes(16, 16))),
                column("col_varbinary", "VARBINARY(255)", "", nullable(bytes(0, 64))),
                column("col_blob", "BLOB", "", nullable(bytes(0, 256))),
                column("col_json", "JSON", "", nullable(json())),
                column("col_time", "TIME", "", nullable(time())),
                column("col_date", "DATE", "", nullable(date())),
                column("col_datetime", "DATETIME", "", nullable(datetime(0))),
                column("col_datetime6", "DATETIME(6)", "", nullable(datetime(6))),
                column("col_timestamp", "TIMESTAMP(3)", "NULL", nullable(datetime(3))),
                column("col_bool", "BOOL", "DEFAULT FALSE", nullable(oneOf(0, 1))),
                column("composite_key_part", "VARCHAR(50)", "NOT NULL DEFAULT 'default'", text(50)),
                column("idx_col1", "INT", "", nullable(signed(0, 5000))),
                column("idx_col2", "VARCHAR(100)", "", nullable(text(100))),
                fixed("unique_col", "VARCHAR(100)", "", (r, row) -> "u-" + row)),
                List.of("id"),
                List.of("INDEX idx_single (idx_col1)",
                        "INDEX idx_composite (idx_col1, idx_col2)",
                        "UNIQUE INDEX idx_unique (unique_col)"), 1);
    }

    /**
     * A two-column key whose text part orders differently by bytes than by a case-insensitive
     * collation, so key-ordered comparison is exercised for real.
     */
    static TableDef compositePk() {
        String[] second = {"alpha", "Beta", "z😀", "中文"};
        return new TableDef("cdc_test_composite_pk", List.of(
                fixed("pk1", "INT", "NOT NULL", (r, row) -> row / second.length),
                fixed("pk2", "VARCHAR(50)", "NOT NULL", (r, row) -> second[(int) (row % second.length)]),
                column("col_data", "VARCHAR(255)", "", nullable(text(255))),
                column("col_int", "INT", "", nullable(signed(Integer.MIN_VALUE, Integer.MAX_VALUE))),
                column("col_datetime", "DATETIME", "", nullable(datetime(0)))),
                List.of("pk1", "pk2"),
                List.of("INDEX idx_data (col_data)"), second.length);
    }
}
