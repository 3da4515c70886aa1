package io.cdctest.format;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which topic a table's changes go to. Formats that name the table in every message share one
 * topic; the others (Flink changelog, upsert-kafka) get a topic per table named
 * {@code <base>.<database>.<table>}, as Debezium names its topics.
 *
 * @param base    the topic of the pipeline (the prefix of the per-table topics)
 * @param perTable whether every table has its own topic
 */
public record Topics(String base, boolean perTable) {

    public String of(String database, String table) {
        return perTable ? base + "." + database + "." + table : base;
    }

    /** The pattern every topic of this pipeline matches. */
    public Pattern pattern() {
        return perTable ? Pattern.compile(Pattern.quote(base + ".") + "[^.]+\\..+") : Pattern.compile(Pattern.quote(base));
    }

    /** Database and table of a per-table topic; empty for the shared topic or a foreign one. */
    public Optional<String[]> tableOf(String topic) {
        if (!perTable || topic == null || !topic.startsWith(base + ".")) {
            return Optional.empty();
        }
        String rest = topic.substring(base.length() + 1);
        int dot = rest.indexOf('.');
        return dot <= 0 || dot == rest.length() - 1 ? Optional.empty()
                : Optional.of(new String[] {rest.substring(0, dot), rest.substring(dot + 1)});
    }
}
