package io.cdctest.pipeline.process;

import java.util.List;

/**
 * How cdctest runs a command line it was given (a Flink CDC producer or consumer command, a hook of
 * the generic pipeline): by {@code /bin/sh} in its own process group, so that everything it starts
 * is stopped with it, also when cdctest itself is killed; values put into it are {@link #quote}d.
 */
public final class Shell {
    private Shell() {
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
