package io.cdctest.pipeline.custom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cdctest.spec.FieldPath;
import java.io.IOException;
import java.util.Optional;

/**
 * What a hook answered: a command's standard output or an HTTP response body, and its JSON when it
 * is JSON. A field is read by its {@link FieldPath}; the whole answer of a text that is not JSON is
 * its last non-blank line (a status command may log before it prints its state).
 */
record Answer(String text, JsonNode json) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Answer of(String text) {
        String body = text == null ? "" : text;
        JsonNode json = null;
        String trimmed = body.trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                json = JSON.readTree(trimmed);
            } catch (IOException e) {
                json = null; // text that merely starts like JSON
            }
        }
        return new Answer(body, json);
    }

    /** The value at the path; empty when the answer has no such field. */
    Optional<JsonNode> field(FieldPath path) {
        if (json == null) {
            return path.whole() ? Optional.of(JsonNodeFactory.instance.textNode(lastLine())) : Optional.empty();
        }
        JsonNode node = json.at(path.pointer());
        return node.isMissingNode() ? Optional.empty() : Optional.of(node);
    }

    /** The value at the path as text (JSON objects and arrays as JSON). */
    Optional<String> text(FieldPath path) {
        return field(path).filter(n -> !n.isNull()).map(n -> n.isValueNode() ? n.asText() : n.toString());
    }

    private String lastLine() {
        String[] lines = text.strip().split("\\R");
        return lines[lines.length - 1].strip();
    }

    /** One line of at most {@code max} characters, for messages. */
    String abbreviated(int max) {
        String line = text.strip().replaceAll("\\s*\\R\\s*", " | ");
        return line.length() <= max ? line : line.substring(0, max - 3) + "...";
    }
}
