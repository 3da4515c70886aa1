package io.cdctest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.check.ValueKind;
import io.cdctest.check.Values;
import io.cdctest.env.EmbeddedMariaDb;
import io.cdctest.generate.ColumnDef;
import io.cdctest.generate.ColumnGen;
import io.cdctest.generate.DataLoader;
import io.cdctest.generate.LoadMethod;
import io.cdctest.generate.RowSource;
import io.cdctest.generate.TableCatalog;
import io.cdctest.generate.TableDef;
import io.cdctest.spec.Engine;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every edge value of every catalog column type is written, by both load methods, and read back
 * unchanged from a real MariaDB, on servers whose default character set is utf8mb4, utf8mb3 and
 * latin1 (MySQL 5.7's default; a MariaDB without configuration): the tables cdctest creates name
 * their character set, the server's default does not decide what they hold.
 */
class EdgeValuesIT {
    /** Server default character sets, each with its collation. */
    private static final java.util.Map<String, String> CHARSETS = java.util.Map.of("utf8mb4", "utf8mb4_general_ci",
            "utf8mb3", "utf8mb3_general_ci", "latin1", "latin1_swedish_ci");

    @TempDir
    static Path dir;
    private static final java.util.Map<String, EmbeddedMariaDb> DBS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.concurrent.atomic.AtomicInteger TABLES = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        int serverId = 31;
        for (var charset : CHARSETS.entrySet()) {
            EmbeddedMariaDb db = EmbeddedMariaDb.start("edges-" + charset.getKey(), dir.resolve(charset.getKey()),
                    dir.resolve(charset.getKey() + ".log"), serverId++, List.of("--character-set-server=" + charset.getKey(),
                            "--collation-server=" + charset.getValue()));
            DBS.put(charset.getKey(), db);
            try (Connection c = db.endpoint().connect(); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE edges"); // the server's default character set
                try (ResultSet rs = st.executeQuery("SELECT default_character_set_name FROM information_schema.schemata "
                        + "WHERE schema_name = 'edges'")) {
                    rs.next();
                    assertThat(rs.getString(1)).as("the server's default").isEqualTo(charset.getKey());
                }
            }
        }
    }

    @AfterAll
    static void stop() {
        DBS.values().forEach(EmbeddedMariaDb::close);
    }

    /** One case per server character set and distinct column type of the catalog, with its edge values. */
    static Stream<Arguments> types() {
        List<Arguments> cases = new ArrayList<>();
        for (String charset : List.of("utf8mb4", "utf8mb3", "latin1")) {
            List<String> seen = new ArrayList<>();
            for (TableDef table : TableCatalog.all()) {
                for (ColumnDef column : table.columns()) {
                    String key = column.type() + " " + column.extra();
                    if (!column.gen().edges().isEmpty() && !seen.contains(key)) {
                        seen.add(key);
                        cases.add(Arguments.of(charset, column.type() + (column.gen().nullable() ? " NULL" : ""), column));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} server: {1}")
    @MethodSource("types")
    void edgeValuesRoundTrip(String charset, String type, ColumnDef column) throws Exception {
        EmbeddedMariaDb db = DBS.get(charset);
        List<Object> values = new ArrayList<>(column.gen().edges());
        if (column.gen().nullable()) {
            values.add(null);
        }
        for (LoadMethod method : List.of(LoadMethod.INSERT, LoadMethod.LOAD_DATA)) {
            String table = "t" + TABLES.incrementAndGet();
            ColumnDef under = new ColumnDef("v", column.type(), null, column.gen().nullable() ? "" : "NULL", true,
                    ColumnGen.of((r, row) -> values.get((int) row)));
            TableDef def = new TableDef(table, "test", List.of(
                    ColumnDef.fixed("id", "INT", "NOT NULL", ColumnGen.of((r, row) -> row)), under),
                    List.of("id"), List.of(), "", (d, e) -> List.of(), 1);
            try (Connection c = db.endpoint().connect(); Statement st = c.createStatement()) {
                st.execute(def.createSql("edges", Engine.MARIADB));
            }
            new DataLoader(db.endpoint().withDatabase("edges"), 1, 100, method)
                    .load(new RowSource(def, 1), 0, values.size(), n -> { });
            ValueKind kind = ValueKind.of(column.type().split("[ (]")[0], column.type().toLowerCase());
            try (Connection c = db.endpoint().connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id, v FROM edges." + table + " ORDER BY id")) {
                int row = 0;
                while (rs.next()) {
                    Object written = values.get(rs.getInt(1));
                    String read = Values.read(rs, 2, kind);
                    String expected = expected(written, kind);
                    assertThat(Values.equal(expected, read, kind))
                            .as("%s via %s: wrote %s, read %s", type, method, expected, read).isTrue();
                    row++;
                }
                assertThat(row).as(type + " via " + method).isEqualTo(values.size());
            }
        }
    }

    private static String expected(Object value, ValueKind kind) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        if (kind == ValueKind.BIT) {
            return Long.toUnsignedString((Long) value);
        }
        String text = value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
        return Values.canonical(text, kind);
    }
}
