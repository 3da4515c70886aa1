package io.cdctest.pipeline.matrixone;

import io.cdctest.sql.Sql;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every statement cdctest sends to MatrixOne for native CDC and CCPR, built exactly to the
 * reference (matrixone.md §1.1-1.4, §2.2, §8) and only in the portable forms: {@code SHOW CDC TASK t},
 * {@code DROP CDC TASK t} (the short forms fail on several released versions, #24832).
 */
public final class MoSql {
    private MoSql() {
    }

    /** A SQL string literal. */
    public static String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    // ---- PITR (§1.4): CREATE CDC needs one covering the source, at least 2 hours ----

    public static String createPitr(String name, String database, int hours) {
        return "CREATE PITR IF NOT EXISTS " + Sql.quote(name) + " FOR DATABASE " + Sql.quote(database) + " RANGE " + hours + " 'h'";
    }

    public static String createAccountPitr(String name, int hours) {
        return "CREATE PITR IF NOT EXISTS " + Sql.quote(name) + " FOR ACCOUNT RANGE " + hours + " 'h'";
    }

    public static String dropPitr(String name) {
        return "DROP PITR " + Sql.quote(name);
    }

    // ---- native CDC (§1.1-1.3) ----

    /** {@code CREATE CDC IF NOT EXISTS t 'src' 'matrixone|mysql' 'sink' 'mapping' {'Key'='value', ...}}. */
    public static String createCdc(String task, String sourceUri, String sinkType, String sinkUri, String mapping,
                                   Map<String, String> options) {
        List<String> pairs = new ArrayList<>();
        options.forEach((k, v) -> pairs.add(literal(k) + "=" + literal(v)));
        return "CREATE CDC IF NOT EXISTS " + Sql.quote(task) + " " + literal(sourceUri) + " " + literal(sinkType) + " "
                + literal(sinkUri) + " " + literal(mapping) + " {" + String.join(", ", pairs) + "}";
    }

    public static String showCdcTask(String task) {
        return "SHOW CDC TASK " + Sql.quote(task);
    }

    public static String pauseCdcTask(String task) {
        return "PAUSE CDC TASK " + Sql.quote(task);
    }

    public static String resumeCdcTask(String task) {
        return "RESUME CDC TASK " + Sql.quote(task);
    }

    /** Restart: stop, clear errors, resume from the persisted watermark (§1.1, §1.7). */
    public static String restartCdcTask(String task) {
        return "RESUME CDC TASK " + Sql.quote(task) + " 'restart'";
    }

    public static String dropCdcTask(String task) {
        return "DROP CDC TASK " + Sql.quote(task);
    }

    /** The error text of dropping a task that does not exist, tolerated on teardown. */
    public static boolean isNoSuchTask(String message) {
        return message != null && message.contains("no cdc task found");
    }

    /**
     * The error of a state change asked for while the previous one is still pending, e.g. {@code
     * Task t1 status can not be change, now it is ResumeRequested} (PAUSE and RESUME are asynchronous).
     */
    public static boolean isPendingStateChange(String message) {
        return message != null && message.contains("can not be change");
    }

    /** Per-table progress of a task, from the sys account (§1.7). */
    public static String watermarks(String task) {
        return "SELECT t.state, t.err_msg, w.db_name, w.table_name, w.watermark, w.err_msg "
                + "FROM mo_catalog.mo_cdc_watermark w JOIN mo_catalog.mo_cdc_task t "
                + "ON w.account_id = t.account_id AND w.task_id = t.task_id WHERE t.task_name = " + literal(task);
    }

    /**
     * The table mapping of a task (§1.3): table level {@code 'db1.t1:db2.t1,...'}, database level
     * {@code 'db1:db2'}, account level {@code '*:*'}.
     */
    public static String mapping(String level, String sourceDb, String targetDb, List<String> tables) {
        return switch (level) {
            case "table" -> String.join(",", tables.stream().map(t -> sourceDb + "." + t + ":" + targetDb + "." + t).toList());
            case "database" -> sourceDb + ":" + targetDb;
            case "account" -> "*:*";
            default -> throw new IllegalArgumentException("unknown level " + level);
        };
    }

    /** Options for CREATE CDC with their names as this version spells them (§1.2). */
    public static Map<String, String> options(MoVersion version, String level, Map<String, String> given) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("Level", level);
        given.forEach((key, value) -> {
            String name = switch (key) {
                case "StartTs", "StartTS" -> version.startTsKey();
                case "EndTs", "EndTS" -> version.endTsKey();
                default -> key;
            };
            options.put(name, value);
        });
        return options;
    }

    // ---- CCPR (§2.2) ----

    /** {@code CREATE PUBLICATION p DATABASE db [TABLE t1, t2] ACCOUNT acc}; level account publishes {@code DATABASE *}. */
    public static String createPublication(String publication, String level, String database, List<String> tables,
                                           String subscriberAccounts) {
        String what = switch (level) {
            case "account" -> "DATABASE *";
            case "table" -> "DATABASE " + Sql.quote(database) + " TABLE "
                    + String.join(", ", tables.stream().map(Sql::quote).toList());
            case "database" -> "DATABASE " + Sql.quote(database);
            default -> throw new IllegalArgumentException("unknown level " + level);
        };
        return "CREATE PUBLICATION IF NOT EXISTS " + Sql.quote(publication) + " " + what + " ACCOUNT " + subscriberAccounts;
    }

    public static String dropPublication(String publication) {
        return "DROP PUBLICATION IF EXISTS " + Sql.quote(publication);
    }

    /**
     * The downstream subscription: {@code CREATE DATABASE db FROM 'uri' acc PUBLICATION p} (database
     * level; the database keeps the upstream name), {@code CREATE TABLE db.t FROM ...} (table level,
     * one per table) or {@code CREATE ACCOUNT FROM ...} (account level).
     */
    public static List<String> subscribe(String level, String database, List<String> tables, String upstreamUri,
                                         String publisherAccount, String publication, Integer syncInterval) {
        String from = " FROM " + literal(upstreamUri) + " " + Sql.quote(publisherAccount) + " PUBLICATION "
                + Sql.quote(publication) + (syncInterval == null ? "" : " SYNC INTERVAL " + syncInterval);
        return switch (level) {
            case "account" -> List.of("CREATE ACCOUNT" + from);
            case "table" -> tables.stream().map(t -> "CREATE TABLE IF NOT EXISTS " + Sql.qualified(database, t) + from).toList();
            case "database" -> List.of("CREATE DATABASE IF NOT EXISTS " + Sql.quote(database) + from);
            default -> throw new IllegalArgumentException("unknown level " + level);
        };
    }

    public static String showCcprSubscriptions() {
        return "SHOW CCPR SUBSCRIPTIONS";
    }

    public static String pauseCcpr(String taskId) {
        return "PAUSE CCPR SUBSCRIPTION " + literal(taskId);
    }

    public static String resumeCcpr(String taskId) {
        return "RESUME CCPR SUBSCRIPTION " + literal(taskId);
    }

    public static String dropCcpr(String taskId) {
        return "DROP CCPR SUBSCRIPTION IF EXISTS " + literal(taskId);
    }

    /** Progress of a subscription, from the downstream sys account (§2.4). */
    public static String ccprLog(String taskId) {
        return "SELECT state, iteration_state, watermark, error_message FROM mo_catalog.mo_ccpr_log WHERE task_id = "
                + literal(taskId);
    }
}
