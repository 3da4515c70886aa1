package io.cdctest.pipeline.matrixone;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What MatrixOne says about a CDC task (matrixone.md §1.7): its state and error, and per table a
 * watermark ({@code <physical unix ns>-<logical>}) and error ({@code R:<retries>:<first>:<last>:<msg>}
 * retryable, {@code N:<first>:<msg>} not).
 */
public record CdcProgress(String state, String error, List<TableProgress> tables) {

    /** One table's progress; {@code watermark} is null when none has been written yet. */
    public record TableProgress(String database, String table, Instant watermark, String error) {
    }

    /**
     * Epoch nanoseconds of a watermark text such as {@code 1736496646010324969-1}; null for none yet
     * ({@code 0-0}: the table's first snapshot has not landed).
     */
    public static Instant watermark(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String physical = text.contains("-") ? text.substring(0, text.indexOf('-')) : text;
        long nanos = Long.parseLong(physical.trim());
        if (nanos == 0) {
            return null;
        }
        return Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
    }

    private static final Pattern CHECKPOINT = Pattern.compile(
            "\"([^\".]+)\\.([^\"]+)\":\\s*(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?) ([+-]\\d{4})[^,(\\n]*"
                    + "(?:\\(Failed, error: (.*?)\\))?");

    /**
     * Progress from a {@code SHOW CDC TASK} row (the way a non-sys account sees it): its state,
     * err_msg and checkpoint text {@code {"db.t1": 2026-08-20 10:00:00.123 +0000 UTC, ...}}.
     */
    public static CdcProgress fromShowCdc(String state, String error, String checkpoint) {
        List<TableProgress> tables = new java.util.ArrayList<>();
        Matcher m = CHECKPOINT.matcher(checkpoint == null ? "" : checkpoint);
        while (m.find()) {
            java.time.OffsetDateTime at = java.time.LocalDateTime.parse(m.group(3).replace(' ', 'T'))
                    .atOffset(java.time.ZoneOffset.of(m.group(4).substring(0, 3) + ":" + m.group(4).substring(3)));
            Instant watermark = at.toInstant().equals(Instant.EPOCH) ? null : at.toInstant(); // none yet
            tables.add(new TableProgress(m.group(1), m.group(2), watermark, m.group(5)));
        }
        return new CdcProgress(state, error, List.copyOf(tables));
    }

    private static final Pattern NON_RETRYABLE = Pattern.compile("^N:\\d+:(.*)$", Pattern.DOTALL);
    private static final Pattern RETRYABLE = Pattern.compile("^R:(\\d+):\\d+:\\d+:(.*)$", Pattern.DOTALL);

    /** The message of a non-retryable error ({@code N:...}), if the text is one. */
    public static Optional<String> nonRetryable(String error) {
        if (error == null) {
            return Optional.empty();
        }
        Matcher m = NON_RETRYABLE.matcher(error.trim());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Retries so far and message of a retryable error ({@code R:...}), if the text is one. */
    public static Optional<String> retryable(String error) {
        if (error == null) {
            return Optional.empty();
        }
        Matcher m = RETRYABLE.matcher(error.trim());
        return m.matches() ? Optional.of(m.group(2) + " (retry " + m.group(1) + ")") : Optional.empty();
    }

    /** Why the task cannot succeed any more: state failed, or a non-retryable error on the task or a table. */
    public Optional<String> failure() {
        if ("failed".equalsIgnoreCase(state)) {
            return Optional.of("CDC task failed" + (blank(error) ? "" : ": " + error));
        }
        Optional<String> taskError = nonRetryable(error);
        if (taskError.isPresent()) {
            return Optional.of("CDC task error: " + taskError.get());
        }
        for (TableProgress t : tables) {
            Optional<String> e = nonRetryable(t.error());
            if (e.isPresent()) {
                return Optional.of("CDC error on " + t.database() + "." + t.table() + ": " + e.get());
            }
        }
        return Optional.empty();
    }

    /**
     * Why the task has not caught up with writes made up to {@code lastWrite}, or empty when it has:
     * running, no error, and every expected table's watermark at or past {@code lastWrite}.
     */
    public Optional<String> behind(List<String> expectedTables, Instant lastWrite) {
        if (!"running".equalsIgnoreCase(state)) {
            return Optional.of("task state is " + state);
        }
        if (!blank(error)) {
            return Optional.of("task error: " + error);
        }
        for (String table : expectedTables) {
            Optional<TableProgress> p = tables.stream().filter(t -> t.table().equalsIgnoreCase(table)).findFirst();
            if (p.isEmpty() || p.get().watermark() == null) {
                return Optional.of("no watermark yet for " + table + " (its first snapshot has not landed)");
            }
            if (!blank(p.get().error())) {
                return Optional.of(table + ": " + p.get().error());
            }
            if (p.get().watermark().isBefore(lastWrite)) {
                return Optional.of(table + " watermark " + p.get().watermark() + " is before the last write " + lastWrite);
            }
        }
        return Optional.empty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
