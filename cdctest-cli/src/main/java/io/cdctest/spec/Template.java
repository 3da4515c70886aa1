package io.cdctest.spec;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one template engine of scenario files: text with {@code {name}} placeholders, checked by the
 * loaders ({@link #placeholders}) and filled in by the pipelines ({@link #expand}). Two spellings of
 * a name exist, kept as they always were: {@link #COMMAND} for {@code flink_cdc}'s producer and
 * consumer commands (letters and {@code _}, so a shell's {@code ${var1}} passes through), and
 * {@link #HOOK} for the generic pipeline's hooks (letters, digits and {@code _}).
 */
public final class Template {
    /** {@code flink_cdc.producer_command} and {@code consumer_command}: {@code {name}} of lower-case letters and {@code _}. */
    public static final Template COMMAND = new Template(Pattern.compile("\\{([a-z_]+)}"));
    /** The hooks of {@code custom:}: {@code {name}} of lower-case letters, digits and {@code _}, not starting with a digit. */
    public static final Template HOOK = new Template(Pattern.compile("\\{([a-z_][a-z0-9_]*)}"));

    private final Pattern placeholder;

    private Template(Pattern placeholder) {
        this.placeholder = placeholder;
    }

    /** The names of the placeholders {@code template} uses, in order (none for null). */
    public List<String> placeholders(String template) {
        return template == null ? List.of() : placeholder.matcher(template).results().map(m -> m.group(1)).toList();
    }

    /** The name when {@code text} is exactly one placeholder. */
    public Optional<String> only(String text) {
        Matcher m = placeholder.matcher(text);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The template with each placeholder replaced by {@code value.apply(name)} (which may throw for a name it lacks). */
    public String expand(String template, UnaryOperator<String> value) {
        Matcher m = placeholder.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value.apply(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
