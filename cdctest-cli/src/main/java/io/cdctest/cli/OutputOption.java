package io.cdctest.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** {@code --output text|json} for commands whose result scripts read (list, validate, doctor). */
public final class OutputOption {
    enum Format { text, json }

    /** Built on first use: picocli creates this mixin for every command at start-up, and a mapper costs 0.1 s. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    @Option(names = {"-o", "--output"}, paramLabel = "text|json", defaultValue = "text",
            description = "Output format: text (default) or json (one JSON document on stdout; errors stay on stderr "
                    + "with the exit code).")
    Format format = Format.text;

    boolean json() {
        return format == Format.json;
    }

    static ObjectNode object() {
        return Json.MAPPER.createObjectNode();
    }

    static void print(PrintWriter out, ObjectNode document) {
        try {
            out.println(Json.MAPPER.writeValueAsString(document));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }
}
