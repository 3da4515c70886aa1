package io.cdctest.pipeline.flinkcdc;

import io.cdctest.pipeline.process.Shell;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A producer or consumer command from the scenario ({@code flink_cdc.producer_command}, or the
 * earlier tool's scripts under {@code flink_cdc.path}): its placeholders filled with shell-quoted
 * values; it runs under {@link Shell#guarded}.
 */
public final class CustomCommand {
    private static final Pattern PLACEHOLDER = io.cdctest.spec.FlinkCdcSpec.Commands.PLACEHOLDER;

    private CustomCommand() {
    }

    /** The template with every placeholder replaced by its value in single quotes. */
    static String expand(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for {" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(Shell.quote(value)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
