package io.cdctest.pipeline.custom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdctest.CdctestException;
import io.cdctest.spec.Template;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The values hook templates see: the run's names, the scenario's {@code vars}, free ports, values
 * captured from earlier hooks (kept with their JSON type) and secrets. {@link #mask} hides every
 * secret in text that goes to a log, a report or an error message.
 */
final class Templates {
    private final Map<String, JsonNode> values = new ConcurrentHashMap<>();
    private final List<String> secretValues = new ArrayList<>();
    private final boolean lenient;

    /** @param lenient a value not known yet stays as its placeholder (for {@code cdctest plan}) instead of failing */
    Templates(boolean lenient) {
        this.lenient = lenient;
    }

    void put(String name, String value) {
        values.put(name, JsonNodeFactory.instance.textNode(value));
    }

    /** A value captured from a hook's answer: a JSON number stays a number in JSON bodies. */
    void capture(String name, JsonNode value) {
        values.put(name, value);
    }

    /** A secret: usable where the loader allows it, masked everywhere it could be seen. */
    void putSecret(String name, String value) {
        put(name, value);
        if (value != null && !value.isEmpty()) {
            secretValues.add(value);
            secretValues.sort(Comparator.comparingInt(String::length).reversed());
        }
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** The template with each {@code {name}} replaced by its value's text. */
    String expand(String template) {
        if (template == null) {
            return null;
        }
        return Template.HOOK.expand(template, name -> lenient && !values.containsKey(name) ? "{" + name + "}"
                : text(value(name)));
    }

    /**
     * A JSON body with its string values expanded. A string that is exactly one placeholder takes the
     * value's own JSON type ({@code "{job_id}"} becomes the number 12345 when the answer held a number).
     */
    JsonNode expand(JsonNode template) {
        if (template.isTextual()) {
            Optional<String> only = Template.HOOK.only(template.asText()).filter(values::containsKey);
            return only.isPresent() ? value(only.get()).deepCopy()
                    : JsonNodeFactory.instance.textNode(expand(template.asText()));
        }
        if (template.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            template.fields().forEachRemaining(e -> out.set(e.getKey(), expand(e.getValue())));
            return out;
        }
        if (template.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            template.elements().forEachRemaining(e -> out.add(expand(e)));
            return out;
        }
        return template;
    }

    private JsonNode value(String name) {
        JsonNode value = values.get(name);
        if (value == null) {
            throw new CdctestException(io.cdctest.ExitCode.ENVIRONMENT, "no value for {" + name + "} yet: the hook that "
                    + "captures it has not run or did not answer with it");
        }
        return value;
    }

    private static String text(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /** The text with every secret replaced by {@code ******}. */
    String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : secretValues) {
            masked = masked.replace(secret, "******");
        }
        return masked;
    }
}
