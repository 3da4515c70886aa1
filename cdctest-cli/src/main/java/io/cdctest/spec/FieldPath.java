package io.cdctest.spec;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a value is in a JSON answer: a JSON pointer ({@code /data/job_status}, RFC 6901) or the
 * JSONPath subset that names one value ({@code $.data.job_status}, {@code $.jobs[0].state},
 * {@code $['job status']}); no wildcards, filters or slices. The empty expression (or {@code $})
 * is the whole answer.
 *
 * @param expression as written in the scenario
 */
public record FieldPath(String expression, JsonPointer pointer) {
    public static final FieldPath WHOLE = new FieldPath("", JsonPointer.empty());
    private static final Pattern STEP = Pattern.compile("\\.([A-Za-z_][\\w-]*)|\\[(\\d+)]|\\['((?:[^'\\\\]|\\\\.)*)']");

    /** Parses a pointer or a JSONPath; throws IllegalArgumentException saying what is wrong. */
    public static FieldPath parse(String expression) {
        String text = expression == null ? "" : expression.trim();
        if (text.isEmpty() || text.equals("$")) {
            return new FieldPath(text, JsonPointer.empty());
        }
        if (text.startsWith("/")) {
            try {
                return new FieldPath(text, JsonPointer.compile(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a JSON pointer: " + e.getMessage());
            }
        }
        if (!text.startsWith("$")) {
            throw new IllegalArgumentException("expected a JSON pointer (/data/state) or a JSONPath ($.data.state), got '"
                    + text + "'");
        }
        StringBuilder pointer = new StringBuilder();
        Matcher m = STEP.matcher(text);
        int at = 1;
        while (at < text.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException("JSONPath '" + text + "': cannot read from position " + at
                        + " (supported: $.name, $['name'], [index])");
            }
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2)
                    : m.group(3).replaceAll("\\\\(.)", "$1");
            pointer.append('/').append(name.replace("~", "~0").replace("/", "~1"));
            at = m.end();
        }
        return new FieldPath(text, JsonPointer.compile(pointer.toString()));
    }

    public boolean whole() {
        return pointer.matches();
    }

    @Override
    public String toString() {
        return expression;
    }
}
