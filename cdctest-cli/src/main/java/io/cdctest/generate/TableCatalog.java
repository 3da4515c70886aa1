package io.cdctest.generate;

import static io.cdctest.generate.ColumnDef.fixed;
import static io.cdctest.generate.ColumnDef.of;
import static io.cdctest.generate.Generators.bits;
import static io.cdctest.generate.Generators.bytes;
import static io.cdctest.generate.Generators.date;
import static io.cdctest.generate.Generators.datetime;
import static io.cdctest.generate.Generators.decimal;
import static io.cdctest.generate.Generators.doubles;
import static io.cdctest.generate.Generators.fixedText;
import static io.cdctest.generate.Generators.floats;
import static io.cdctest.generate.Generators.json;
import static io.cdctest.generate.Generators.oneOf;
import static io.cdctest.generate.Generators.signed;
import static io.cdctest.generate.Generators.text;
import static io.cdctest.generate.Generators.time;
import static io.cdctest.generate.Generators.timestamp;
import static io.cdctest.generate.Generators.unsigned;
import static io.cdctest.generate.Generators.unsignedBigint;
import static io.cdctest.generate.Generators.vector;
import static io.cdctest.generate.Generators.word;

import io.cdctest.spec.Engine;
import io.cdctest.sql.Sql;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The test tables cdctest creates and fills. Names are lower case; types are those MySQL,
 * MariaDB and MatrixOne share and MatrixOne CDC can carry: no YEAR, no DECIMAL above 38 digits,
 * no GEOMETRY, no SET, always a primary key, no foreign keys; partition columns are in the key.
 */
public final class TableCatalog {
    /** Table groups as the earlier tool named them. */
    public static final List<String> GROUPS = List.of("basic", "fulltext", "vector", "partition");

    private static final Map<String, TableDef> TABLES = new LinkedHashMap<>();

    static {
        for (TableDef t : List.of(base(), compositePk(), fulltext(), vectorIndex(), partitionRange(), partitionHash(),
                partitionList())) {
            TABLES.put(t.name(), t);
        }
    }

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

    /** The tables of a group ({@code all} for every table). */
    public static List<TableDef> group(String group) {
        return TABLES.values().stream().filter(t -> group.equals("all") || t.group().equals(group)).toList();
    }

    private static TableDef.DeferredIndexes none() {
        return (db, engine) -> List.of();
    }

    /** Every column type the engines share, nullable and not null, with secondary, composite and unique indexes. */
    static TableDef base() {
        return new TableDef("cdc_test_base", "basic", List.of(
                fixed("id", "BIGINT", "NOT NULL AUTO_INCREMENT", ColumnGen.of((r, row) -> row)),
                of("col_tinyint", "TINYINT", "NOT NULL DEFAULT 0", signed(-128, 127)),
                of("col_smallint", "SMALLINT", "", signed(-32768, 32767).orNull()),
                of("col_int", "INT", "", signed(Integer.MIN_VALUE, Integer.MAX_VALUE).orNull()),
                of("col_int_nn", "INT", "NOT NULL DEFAULT 0", signed(Integer.MIN_VALUE, Integer.MAX_VALUE)),
                of("col_bigint", "BIGINT", "", signed(Long.MIN_VALUE, Long.MAX_VALUE).orNull()),
                of("col_tinyint_unsigned", "TINYINT UNSIGNED", "", unsigned(255).orNull()),
                of("col_smallint_unsigned", "SMALLINT UNSIGNED", "", unsigned(65535).orNull()),
                of("col_int_unsigned", "INT UNSIGNED", "", unsigned(4294967295L).orNull()),
                of("col_bigint_unsigned", "BIGINT UNSIGNED", "", unsignedBigint().orNull()),
                of("col_decimal", "DECIMAL(10,2)", "DEFAULT 0.00", decimal(10, 2).orNull()),
                of("col_decimal_nn", "DECIMAL(18,4)", "NOT NULL DEFAULT 0", decimal(18, 4)),
                of("col_decimal_wide", "DECIMAL(38,10)", "", decimal(38, 10).orNull()),
                of("col_float", "FLOAT", "", floats().orNull()),
                of("col_double", "DOUBLE", "", doubles().orNull()),
                of("col_bit", "BIT(8)", "", bits(8).orNull()),
                of("col_bit16", "BIT(16)", "", bits(16).orNull()),
                of("col_char", "CHAR(50)", "", fixedText(50).orNull()),
                of("col_varchar", "VARCHAR(255)", "NOT NULL DEFAULT ''", text(255)),
                of("col_varchar_null", "VARCHAR(100)", "", text(100).orNull()),
                of("col_text", "TEXT", "", text(2000).orNull()),
                of("col_enum", "ENUM('A','B','C','D')", "DEFAULT 'A'", oneOf("A", "B", "C", "D").orNull()),
                of("col_binary", "BINARY(16)", "", bytes(16, 16).orNull()),
                of("col_varbinary", "VARBINARY(255)", "", bytes(0, 64).orNull()),
                of("col_blob", "BLOB", "", bytes(0, 256).orNull()),
                of("col_json", "JSON", "", json().orNull()),
                of("col_time", "TIME", "", time(0).orNull()),
                of("col_time6", "TIME(6)", "", time(6).orNull()),
                of("col_date", "DATE", "", date().orNull()),
                of("col_date_nn", "DATE", "NOT NULL DEFAULT '2000-01-01'", date()),
                of("col_datetime", "DATETIME", "", datetime(0).orNull()),
                of("col_datetime3", "DATETIME(3)", "", datetime(3).orNull()),
                of("col_datetime6", "DATETIME(6)", "", datetime(6).orNull()),
                of("col_timestamp", "TIMESTAMP(3)", "NULL", timestamp(3).orNull()),
                of("col_timestamp6", "TIMESTAMP(6)", "NULL", timestamp(6).orNull()),
                of("col_bool", "BOOL", "DEFAULT FALSE", oneOf(0, 1).orNull()),
                of("composite_key_part", "VARCHAR(50)", "NOT NULL DEFAULT 'default'", text(50)),
                of("idx_col1", "INT", "", signed(0, 5000).orNull()),
                of("idx_col2", "VARCHAR(100)", "", text(100).orNull()),
                fixed("unique_col", "VARCHAR(100)", "", ColumnGen.of((r, row) -> "u-" + row))),
                List.of("id"),
                List.of("INDEX idx_single (idx_col1)", "INDEX idx_composite (idx_col1, idx_col2)",
                        "UNIQUE INDEX idx_unique (unique_col)"),
                "", none(), 1);
    }

    /**
     * A two-column key whose text part orders differently by bytes than by a case-insensitive
     * collation, so key-ordered comparison is exercised for real.
     */
    static TableDef compositePk() {
        String[] second = {"alpha", "Beta", "z😀", "中文"};
        return new TableDef("cdc_test_composite_pk", "basic", List.of(
                fixed("pk1", "INT", "NOT NULL", ColumnGen.of((r, row) -> row / second.length)),
                fixed("pk2", "VARCHAR(50)", "NOT NULL", ColumnGen.of((r, row) -> second[(int) (row % second.length)])),
                of("col_data", "VARCHAR(255)", "", text(255).orNull()),
                of("col_int", "INT", "", signed(Integer.MIN_VALUE, Integer.MAX_VALUE).orNull()),
                of("col_datetime", "DATETIME", "", datetime(0).orNull())),
                List.of("pk1", "pk2"), List.of("INDEX idx_data (col_data)"), "", none(), second.length);
    }

    private static final String[] WORDS = {"change", "data", "capture", "pipeline", "replication", "binlog",
        "kafka", "flink", "matrixone", "consistency", "snapshot", "increment", "数据", "同步", "测试"};

    private static String sentence(java.util.SplittableRandom r, int words) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words; i++) {
            out.append(i == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
        }
        return out.toString();
    }

    /** Text columns with FULLTEXT indexes, created after the load. */
    static TableDef fulltext() {
        return new TableDef("cdc_test_fulltext", "fulltext", List.of(
                fixed("id", "BIGINT", "NOT NULL AUTO_INCREMENT", ColumnGen.of((r, row) -> row)),
                of("title", "VARCHAR(255)", "", ColumnGen.of((r, row) -> sentence(r, 1 + r.nextInt(6)))),
                of("content", "TEXT", "", new ColumnGen(List.of("", "😀 emoji only"), (r, row) -> sentence(r, 20 + r.nextInt(60)), true)),
                of("description", "TEXT", "", ColumnGen.of((r, row) -> sentence(r, 5 + r.nextInt(20))).orNull()),
                of("created_at", "DATETIME", "", datetime(0).orNull())),
                List.of("id"), List.of(), "",
                (db, engine) -> {
                    String t = Sql.qualified(db, "cdc_test_fulltext");
                    List<String> create = List.of("CREATE FULLTEXT INDEX ft_title ON " + t + " (title)",
                            "CREATE FULLTEXT INDEX ft_content ON " + t + " (content)",
                            "CREATE FULLTEXT INDEX ft_composite ON " + t + " (title, description)");
                    return engine == Engine.MATRIXONE
                            ? java.util.stream.Stream.concat(java.util.stream.Stream.of("SET experimental_fulltext_index = 1"),
                                    create.stream()).toList()
                            : create;
                }, 1);
    }

    /** Vector embeddings: VECF32 with an IVFFLAT index on MatrixOne, the text form elsewhere. */
    static TableDef vectorIndex() {
        int dimensions = 64;
        return new TableDef("cdc_test_vector_index", "vector", List.of(
                fixed("id", "BIGINT", "NOT NULL AUTO_INCREMENT", ColumnGen.of((r, row) -> row)),
                of("name", "VARCHAR(100)", "", text(100).orNull()),
                of("embedding", "TEXT", "", vector(dimensions)).onMatrixOne("VECF32(" + dimensions + ")"),
                of("metadata", "JSON", "", json().orNull()),
                of("created_at", "DATETIME", "", datetime(0).orNull())),
                List.of("id"), List.of(), "",
                (db, engine) -> engine == Engine.MATRIXONE
                        ? List.of("SET experimental_ivf_index = 1", "CREATE INDEX idx_embedding USING IVFFLAT ON "
                                + Sql.qualified(db, "cdc_test_vector_index") + " (embedding) LISTS = 16 OP_TYPE 'vector_l2_ops'")
                        : List.of(), 1);
    }

    /** RANGE COLUMNS on a date (not RANGE(YEAR(date)): MatrixOne issue #27151), the date in the key. */
    static TableDef partitionRange() {
        return new TableDef("cdc_test_partition_range", "partition", List.of(
                fixed("id", "BIGINT", "NOT NULL", ColumnGen.of((r, row) -> row)),
                fixed("order_date", "DATE", "NOT NULL", ColumnGen.of((r, row) ->
                        LocalDate.of(2019, 1, 1).plusDays(r.nextLong(0, 8 * 365)).toString())),
                of("user_id", "INT", "NOT NULL", signed(1, 100_000)),
                of("amount", "DECIMAL(10,2)", "", decimal(10, 2).orNull()),
                of("status", "VARCHAR(20)", "", oneOf("new", "paid", "shipped", "cancelled").orNull())),
                List.of("id", "order_date"), List.of("INDEX idx_user (user_id)"),
                "PARTITION BY RANGE COLUMNS(order_date) (\n"
                        + "  PARTITION p2020 VALUES LESS THAN ('2021-01-01'),\n"
                        + "  PARTITION p2021 VALUES LESS THAN ('2022-01-01'),\n"
                        + "  PARTITION p2022 VALUES LESS THAN ('2023-01-01'),\n"
                        + "  PARTITION p2023 VALUES LESS THAN ('2024-01-01'),\n"
                        + "  PARTITION p2024 VALUES LESS THAN ('2025-01-01'),\n"
                        + "  PARTITION p_future VALUES LESS THAN (MAXVALUE))",
                none(), 1);
    }

    static TableDef partitionHash() {
        return new TableDef("cdc_test_partition_hash", "partition", List.of(
                fixed("id", "BIGINT", "NOT NULL", ColumnGen.of((r, row) -> row)),
                fixed("user_id", "INT", "NOT NULL", ColumnGen.of((r, row) -> (long) r.nextInt(1, 1_000_000))),
                of("username", "VARCHAR(100)", "", text(100).orNull()),
                of("email", "VARCHAR(255)", "", ColumnGen.of((r, row) -> word(r, 8) + "@example.com").orNull()),
                of("created_at", "DATETIME", "", datetime(0).orNull())),
                List.of("id", "user_id"), List.of("INDEX idx_user (user_id)"),
                "PARTITION BY HASH(user_id) PARTITIONS 4", none(), 1);
    }

    static TableDef partitionList() {
        String[] regions = {"Beijing", "Tianjin", "Hebei", "Shanghai", "Jiangsu", "Zhejiang", "Guangdong", "Fujian",
            "Hainan", "Sichuan", "Chongqing", "Yunnan"};
        return new TableDef("cdc_test_partition_list", "partition", List.of(
                fixed("id", "BIGINT", "NOT NULL", ColumnGen.of((r, row) -> row)),
                fixed("region", "VARCHAR(50)", "NOT NULL", ColumnGen.of((r, row) -> regions[r.nextInt(regions.length)])),
                of("city", "VARCHAR(100)", "", text(100).orNull()),
                of("population", "INT", "", signed(0, 30_000_000).orNull()),
                of("data", "VARCHAR(255)", "", text(255).orNull())),
                List.of("id", "region"), List.of("INDEX idx_region (region)"),
                "PARTITION BY LIST COLUMNS(region) (\n"
                        + "  PARTITION p_north VALUES IN ('Beijing', 'Tianjin', 'Hebei'),\n"
                        + "  PARTITION p_east VALUES IN ('Shanghai', 'Jiangsu', 'Zhejiang'),\n"
                        + "  PARTITION p_south VALUES IN ('Guangdong', 'Fujian', 'Hainan'),\n"
                        + "  PARTITION p_west VALUES IN ('Sichuan', 'Chongqing', 'Yunnan'))",
                none(), 1);
    }
}
