package io.cdctest.pipeline.matrixone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdctest.spec.Secret;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every statement and URI built for MatrixOne, as exact strings, against matrixone.md. */
class MoSqlTest {

    @Test
    void versionsAndTheSyntaxTheyHave() {
        MoVersion v42 = MoVersion.parse("8.0.30-MatrixOne-v4.2.0-5b6e5c1b 2026-08-20");
        assertThat(v42).isEqualTo(MoVersion.of(4, 2, 0).withText(v42.text()));
        assertThat(v42.hasCcpr()).isTrue();
        assertThat(v42.startTsKey()).isEqualTo("StartTs");
        MoVersion v300 = MoVersion.parse("8.0.30-MatrixOne-v3.0.0-abc");
        assertThat(v300.hasCcpr()).isFalse();
        assertThat(v300.hasLeveledCdc()).isTrue();
        MoVersion v210 = MoVersion.parse("8.0.30-MatrixOne-v2.1.0");
        assertThat(v210.startTsKey()).isEqualTo("StartTS");
        assertThat(v210.endTsKey()).isEqualTo("EndTS");
        assertThat(MoVersion.parse("8.0.30-MatrixOne-v2.0.0").hasLeveledCdc()).isFalse();
        assertThatThrownBy(() -> MoVersion.parse("11.4.5-MariaDB")).hasMessageContaining("not a MatrixOne version");
    }

    @Test
    void urisPutTheAccountInTheUserAndEscapeWhatMatrixOneWouldSplit() {
        assertThat(MoUri.of(null, "root", new Secret("111"), "127.0.0.1", 6001)).isEqualTo("mysql://root:111@127.0.0.1:6001");
        assertThat(MoUri.of("acc1", "admin", new Secret("111"), "mo-sink", 6001)).isEqualTo("mysql://acc1#admin:111@mo-sink:6001");
        assertThat(MoUri.of(null, "root", new Secret("p:a@s%s/w?d"), "h", 3306))
                .isEqualTo("mysql://root:p%3Aa%40s%25s%2Fw%3Fd@h:3306");
        assertThat(MoUri.redacted("mysql://acc1#admin:s3cret@h:6001")).isEqualTo("mysql://acc1#admin:******@h:6001");
    }

    @Test
    void cdcStatementsMatchTheReferenceCheatSheet() {
        assertThat(MoSql.createPitr("pitr_src", "src_db", 2)).isEqualTo("CREATE PITR IF NOT EXISTS `pitr_src` FOR DATABASE `src_db` RANGE 2 'h'");
        assertThat(MoSql.createCdc("t_mo2mo", "mysql://root:111@127.0.0.1:6001", "matrixone", "mysql://root:111@127.0.0.1:6001",
                MoSql.mapping("database", "src_db", "dst_db", List.of()), MoSql.options(MoVersion.DEFAULT, "database", Map.of())))
                .isEqualTo("CREATE CDC IF NOT EXISTS `t_mo2mo` 'mysql://root:111@127.0.0.1:6001' 'matrixone' "
                        + "'mysql://root:111@127.0.0.1:6001' 'src_db:dst_db' {'Level'='database'}");
        assertThat(MoSql.mapping("table", "src_db", "dst_db", List.of("orders", "items")))
                .isEqualTo("src_db.orders:dst_db.orders,src_db.items:dst_db.items");
        assertThat(MoSql.mapping("account", "a", "b", List.of())).isEqualTo("*:*");
        assertThat(MoSql.options(MoVersion.parse("MatrixOne-v2.1.0"), "table", new java.util.LinkedHashMap<>(
                Map.of("StartTs", "2026-01-01 00:00:00")))).containsExactly(Map.entry("Level", "table"),
                Map.entry("StartTS", "2026-01-01 00:00:00"));
        assertThat(MoSql.showCdcTask("t")).isEqualTo("SHOW CDC TASK `t`");
        assertThat(MoSql.pauseCdcTask("t")).isEqualTo("PAUSE CDC TASK `t`");
        assertThat(MoSql.resumeCdcTask("t")).isEqualTo("RESUME CDC TASK `t`");
        assertThat(MoSql.restartCdcTask("t")).isEqualTo("RESUME CDC TASK `t` 'restart'");
        assertThat(MoSql.dropCdcTask("t")).isEqualTo("DROP CDC TASK `t`");
        assertThat(MoSql.dropPitr("p")).isEqualTo("DROP PITR `p`");
        assertThat(MoSql.isNoSuchTask("internal error: no cdc task found, accountId: 0, taskName: cdc_not_exist")).isTrue();
        assertThat(MoSql.literal("it's a \\ test")).isEqualTo("'it''s a \\\\ test'");
    }

    @Test
    void ccprStatementsMatchTheReference() {
        assertThat(MoSql.createPublication("pub1", "database", "ccpr_db", List.of(), "ALL"))
                .isEqualTo("CREATE PUBLICATION IF NOT EXISTS `pub1` DATABASE `ccpr_db` ACCOUNT ALL");
        assertThat(MoSql.createPublication("p1", "table", "src_db", List.of("t1", "t2"), "sys"))
                .isEqualTo("CREATE PUBLICATION IF NOT EXISTS `p1` DATABASE `src_db` TABLE `t1`, `t2` ACCOUNT sys");
        assertThat(MoSql.createPublication("p1", "account", null, List.of(), "ALL"))
                .isEqualTo("CREATE PUBLICATION IF NOT EXISTS `p1` DATABASE * ACCOUNT ALL");
        assertThat(MoSql.subscribe("database", "ccpr_db", List.of(), "mysql://root:111@mo-up:6001", "sys", "pub1", 10))
                .containsExactly("CREATE DATABASE IF NOT EXISTS `ccpr_db` FROM 'mysql://root:111@mo-up:6001' `sys` PUBLICATION `pub1` SYNC INTERVAL 10");
        assertThat(MoSql.subscribe("table", "d", List.of("t1"), "mysql://root:111@up:6001", "sys", "p", null))
                .containsExactly("CREATE TABLE IF NOT EXISTS `d`.`t1` FROM 'mysql://root:111@up:6001' `sys` PUBLICATION `p`");
        assertThat(MoSql.subscribe("account", null, List.of(), "mysql://root:111@up:6001", "sys", "p", null))
                .containsExactly("CREATE ACCOUNT FROM 'mysql://root:111@up:6001' `sys` PUBLICATION `p`");
        assertThat(MoSql.pauseCcpr("6a1e-uuid")).isEqualTo("PAUSE CCPR SUBSCRIPTION '6a1e-uuid'");
        assertThat(MoSql.resumeCcpr("6a1e-uuid")).isEqualTo("RESUME CCPR SUBSCRIPTION '6a1e-uuid'");
        assertThat(MoSql.dropCcpr("6a1e-uuid")).isEqualTo("DROP CCPR SUBSCRIPTION IF EXISTS '6a1e-uuid'");
        assertThat(MoSql.dropPublication("pub1")).isEqualTo("DROP PUBLICATION IF EXISTS `pub1`");
    }

    @Test
    void cdcStatesAndErrorsAreParsed() {
        assertThat(CdcProgress.watermark("1736496646010324969-1")).isEqualTo(Instant.parse("2025-01-10T08:10:46.010324969Z"));
        assertThat(CdcProgress.watermark("")).isNull();
        assertThat(CdcProgress.nonRetryable("N:1736496646:extractRowFromVector : unsupported type 71"))
                .contains("extractRowFromVector : unsupported type 71");
        assertThat(CdcProgress.retryable("R:2:1736496646:1736496650:mysqlSink Send failed")).contains("mysqlSink Send failed (retry 2)");
        assertThat(CdcProgress.nonRetryable("R:2:1:2:x")).isEmpty();

        Instant lastWrite = Instant.parse("2026-08-20T10:00:00Z");
        CdcProgress behind = new CdcProgress("running", "", List.of(
                new CdcProgress.TableProgress("d", "t1", Instant.parse("2026-08-20T10:00:01Z"), ""),
                new CdcProgress.TableProgress("d", "t2", Instant.parse("2026-08-20T09:59:59Z"), "")));
        assertThat(behind.behind(List.of("t1"), lastWrite)).isEmpty();
        assertThat(behind.behind(List.of("t1", "t2"), lastWrite)).get().asString().startsWith("t2 watermark");
        assertThat(behind.behind(List.of("t3"), lastWrite)).contains("no watermark yet for t3 (its first snapshot has not landed)");
        assertThat(new CdcProgress("paused", "", List.of()).behind(List.of(), lastWrite)).contains("task state is paused");
        assertThat(new CdcProgress("failed", "boom", List.of()).failure()).contains("CDC task failed: boom");
        assertThat(new CdcProgress("running", "", List.of(new CdcProgress.TableProgress("d", "t", null,
                "N:1:single row too large for max SQL size"))).failure())
                .contains("CDC error on d.t: single row too large for max SQL size");
    }

    @Test
    void showCdcCheckpointTextIsParsed() {
        String checkpoint = "{\n  \"src.t1\": 2026-08-20 10:00:00.123 +0000 UTC,\n"
                + "  \"src.t2\": 2026-08-20 12:00:05 +0200 CEST (Failed, error: N:1:boom),\n}";
        CdcProgress p = CdcProgress.fromShowCdc("running", "", checkpoint);
        assertThat(p.tables()).containsExactly(
                new CdcProgress.TableProgress("src", "t1", Instant.parse("2026-08-20T10:00:00.123Z"), null),
                new CdcProgress.TableProgress("src", "t2", Instant.parse("2026-08-20T10:00:05Z"), "N:1:boom"));
        assertThat(p.failure()).contains("CDC error on src.t2: boom");
    }

    @Test
    void ccprStatesAreParsed() {
        CcprProgress running = CcprProgress.of(0, 2, 1_795_000_000_000_000_000L, "");
        assertThat(running.stateName()).isEqualTo("running");
        assertThat(running.behind(Instant.ofEpochSecond(1_794_999_999))).isEmpty();
        assertThat(running.behind(Instant.ofEpochSecond(1_795_000_001))).get().asString().startsWith("watermark");
        assertThat(CcprProgress.of(2, 0, 0, null).behind(Instant.EPOCH)).contains("subscription is pause");
        assertThat(CcprProgress.of(1, 3, 0, "object copy failed").failure()).contains("CCPR subscription error: object copy failed");
    }
}
