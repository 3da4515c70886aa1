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
 * unchanged from a real MariaDB.
 */
class EdgeValuesIT {
    @TempDir
    static Path dir;
    private static EmbeddedMariaDb db;
    private static final java.util.concurrent.atomic.AtomicInteger TABLES = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        db = EmbeddedMariaDb.start("edges", dir.resolve("db"), dir.resolve("db.log"), 31);
        try (Connection c = db.endpoint().connect(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE edges");
        }
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    /** One case per distinct column type of the catalog, with its edge values. */
    static Stream<Arguments> types() {
        List<Arguments> cases = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (TableDef table : TableCatalog.all()) {
            for (ColumnDef column : table.columns()) {
                String key = column.type() + " " + column.extra();
                if (!column.gen().edges().isEmpty() && !seen.contains(key)) {
                    seen.add(key);
                    cases.add(Arguments.of(column.type() + (column.gen().nullable() ? " NULL" : ""), column));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void edgeValuesRoundTrip(String type, ColumnDef column) throws Exception {
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
