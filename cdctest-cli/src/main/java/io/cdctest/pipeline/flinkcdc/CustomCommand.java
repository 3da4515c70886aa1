package io.cdctest.pipeline.flinkcdc;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A producer or consumer command from the scenario ({@code flink_cdc.producer_command}, or the
 * earlier tool's scripts under {@code flink_cdc.path}): its placeholders filled with shell-quoted
 * values, run by {@code /bin/sh} in its own process group so that everything it starts is stopped
 * with it, also when cdctest itself is killed. The generic pipeline's command hooks run under the
 * same guard ({@link #guarded}, their arguments {@link #quote}d).
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
            m.appendReplacement(out, Matcher.quoteReplacement(quote(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The value in single quotes for /bin/sh, quotes inside escaped. */
    public static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /**
     * The shell command line: a guard that holds cdctest's end of stdin and runs the command in a new
     * session. When the guard gets SIGTERM the whole process group gets it (cdctest then kills what
     * is left); when stdin closes (cdctest died) the group gets SIGTERM, and SIGKILL five seconds later.
     */
    public static List<String> guarded(String commandLine) {
        return List.of("/bin/sh", "-c", GROUP_GUARD, "cdctest-guard", commandLine);
    }

    private static final String GROUP_GUARD = String.join("\n",
            "exec 3<&0",
            "if command -v setsid >/dev/null 2>&1; then setsid /bin/sh -c \"$1\" </dev/null & else /bin/sh -c \"$1\" </dev/null & fi",
            "child=$!",
            "trap 'kill -TERM -$child 2>/dev/null || kill -TERM $child 2>/dev/null; wait $child; exit 143' TERM INT",
            "( cat <&3 >/dev/null; kill -TERM -$child 2>/dev/null || kill -TERM $child 2>/dev/null; "
                    + "sleep 5; kill -KILL -$child 2>/dev/null ) &",
            "watcher=$!",
            "wait $child",
            "status=$?",
            "kill $watcher 2>/dev/null",
            "kill -TERM -$child 2>/dev/null",
            "exit $status");
}
