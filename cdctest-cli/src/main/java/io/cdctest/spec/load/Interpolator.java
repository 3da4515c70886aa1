package io.cdctest.spec.load;

import io.cdctest.CdctestException;
import io.cdctest.spec.Origin;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Replaces {@code ${VAR}} and {@code ${VAR:-default}} in configuration values with environment variables. */
public final class Interpolator {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private final Map<String, String> environment;

    public Interpolator(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public static Interpolator system() {
        return new Interpolator(System.getenv());
    }

    String apply(String text, Origin origin, String key) {
        if (text == null || !text.contains("${")) {
            return text;
        }
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = environment.get(m.group(1));
            if (value == null) {
                if (m.group(2) == null) {
                    throw CdctestException.config(origin + ": " + key + ": environment variable " + m.group(1)
                            + " is not set (write ${" + m.group(1) + ":-default} to give a default)");
                }
                value = m.group(2);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
