package io.cdctest.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdctest.cli.CliRunner;
import io.cdctest.env.EmbeddedMariaDb;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cdctest diff} through the CLI on two embedded MariaDB servers: by name, renamed, and many-to-one. */
class DiffCommandIT {
    @TempDir
    static Path dir;
    private static EmbeddedMariaDb source;
    private static EmbeddedMariaDb target;

    @BeforeAll
    static void start() throws Exception {
        source = EmbeddedMariaDb.start("source", dir.resolve("s"), dir.resolve("s.log"), 61);
        target = EmbeddedMariaDb.start("target", dir.resolve("t"), dir.resolve("t.log"), 62);
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= 300; i++) {
            rows.append(i == 1 ? "" : ",").append("(").append(i).append(", ").append(i * 3 % 97).append(".25, 'item ")
                    .append(i).append("')");
        }
        sql(source, "CREATE DATABASE shop_1", "CREATE DATABASE shop_2", "CREATE DATABASE plain");
        for (String t : new String[] {"shop_1.orders_1", "shop_1.orders_2", "shop_2.orders_1", "plain.items"}) {
            sql(source, "CREATE TABLE " + t + " (id INT PRIMARY KEY, amount DECIMAL(8,2), note VARCHAR(40))",
                    "INSERT INTO " + t + " VALUES " + rows);
        }
        sql(target, "CREATE DATABASE dw", "CREATE DATABASE copy",
                "CREATE TABLE dw.orders (src_db VARCHAR(20), src_table VARCHAR(20), id INT, amount DECIMAL(10,3),"
                        + " note VARCHAR(40), loaded_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP, PRIMARY KEY (src_db, src_table, id))",
                "CREATE TABLE copy.things (id INT PRIMARY KEY, amount DECIMAL(8,2), note VARCHAR(40))",
                "INSERT INTO copy.things VALUES " + rows);
        for (String[] t : new String[][] {{"shop_1", "orders_1"}, {"shop_1", "orders_2"}, {"shop_2", "orders_1"}}) {
            sql(target, "INSERT INTO dw.orders (src_db, src_table, id, amount, note) SELECT '" + t[0] + "', '" + t[1]
                    + "', id, amount, note FROM copy.things");
        }
    }

    @AfterAll
    static void stop() {
        source.close();
        target.close();
    }

    private static void sql(EmbeddedMariaDb db, String... statements) throws Exception {
        Statements.run(db.endpoint(), statements);
    }

    private static String url(EmbeddedMariaDb db, String database) {
        return "mariadb://root@127.0.0.1:" + db.endpoint().port() + "/" + database;
    }

    @Test
    void renamedTableIsEqualAndASabotagedRowIsNamedWithFixSql() throws Exception {
        Path mapping = dir.resolve("rename.yaml");
        Files.writeString(mapping, "tables:\n  - source: items\n    target: copy.things\n");
        Path reports = dir.resolve("rename-reports");
        CliRunner equal = CliRunner.run("diff", "--source", url(source, "plain"), "--target", url(target, "copy"),
                "--mapping", mapping.toString(), "--report-dir", reports.toString());
        assertThat(equal.exitCode()).as(equal.out() + equal.err()).isZero();
        assertThat(equal.out()).contains("EQUAL     plain.items -> copy.things: 300 rows equal");

        sql(target, "UPDATE copy.things SET note = 'changed' WHERE id = 42");
        CliRunner different = CliRunner.run("diff", "--source", url(source, "plain"), "--target", url(target, "copy"),
                "--mapping", mapping.toString(), "--mode", "java", "--report-dir", reports.toString());
        assertThat(different.exitCode()).isEqualTo(1);
        assertThat(different.out()).contains("different: id=42: note: source 'item 42', target 'changed'");
        assertThat(reports.resolve("fix/fix-plain.items-to-copy.things.sql")).content()
                .contains("REPLACE INTO `copy`.`things` (`id`, `amount`, `note`) VALUES (42, 29.25, 'item 42');");
        assertThat(new ObjectMapper().readTree(reports.resolve("summary.json").toFile()).path("exit_code").asInt()).isEqualTo(1);
        assertThat(reports.resolve("junit.xml")).content().contains("failures=\"1\"");
        sql(target, "UPDATE copy.things SET note = 'item 42' WHERE id = 42");
    }

    @Test
    void shardedTablesComparedIntoOneTargetTable() throws Exception {
        Path mapping = dir.resolve("shards.yaml");
        Files.writeString(mapping, """
                tables:
                  - source: shop_*.orders_*
                    target: dw.orders
                    source_database_column: src_db
                    source_table_column: src_table
                """);
        CliRunner equal = CliRunner.run("diff", "--source", url(source, "shop_1"), "--target", url(target, "dw"),
                "--mapping", mapping.toString(), "--report-dir", dir.resolve("shards").toString());
        assertThat(equal.exitCode()).as(equal.out() + equal.err()).isZero();
        assertThat(equal.out()).contains("shop_1.orders_1 -> dw.orders: 300 rows equal",
                "shop_1.orders_2 -> dw.orders: 300 rows equal", "shop_2.orders_1 -> dw.orders: 300 rows equal");

        sql(target, "DELETE FROM dw.orders WHERE src_db = 'shop_2' AND src_table = 'orders_1' AND id = 7");
        CliRunner missing = CliRunner.run("diff", "--source", url(source, "shop_1"), "--target", url(target, "dw"),
                "--mapping", mapping.toString(), "--report-dir", dir.resolve("shards2").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.out()).contains("DIFFERENT shop_2.orders_1 -> dw.orders: 1 row differs", "missing in target: id=7")
                .contains("EQUAL     shop_1.orders_1 -> dw.orders");
        assertThat(dir.resolve("shards2/fix/fix-shop_2.orders_1-to-dw.orders.sql")).content().contains(
                "REPLACE INTO `dw`.`orders` (`id`, `amount`, `note`, `src_db`, `src_table`) VALUES (7, 21.25, 'item 7', 'shop_2', 'orders_1');");
    }

    @Test
    void badArgumentsExitTwoAndUnreachableThree() {
        CliRunner url = CliRunner.run("diff", "--source", "postgres://x/y", "--target", url(target, "dw"));
        assertThat(url.exitCode()).isEqualTo(2);
        assertThat(url.err()).contains("--source: expected mysql://user@host:port/database");
        CliRunner secret = CliRunner.run("diff", "--source", "mysql://root:s3cret@127.0.0.1:1/x", "--target", url(target, "dw"));
        assertThat(secret.exitCode()).isEqualTo(3);
        assertThat(secret.err()).contains("127.0.0.1:1").doesNotContain("s3cret");
    }
}
