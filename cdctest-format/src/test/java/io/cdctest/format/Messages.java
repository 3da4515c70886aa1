package io.cdctest.format;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The real messages under {@code src/test/resources/messages} (sources in SOURCES.md). Files in
 * relaxed JSON (doc comments, unquoted keys) are normalised to strict JSON first, as a producer
 * would have sent them; every other file is passed on byte for byte.
 */
final class Messages {
    private static final JsonMapper RELAXED = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES).build();

    private Messages() {
    }

    /** One message per line (.jsonl, .relaxed.txt), or the whole file as one message (.json, .jsonc). */
    static List<String> read(String path) {
        String text = text(path);
        List<String> messages = new ArrayList<>();
        if (path.endsWith(".jsonl") || path.endsWith(".relaxed.txt")) {
            text.lines().filter(l -> !l.isBlank()).forEach(messages::add);
        } else {
            messages.add(text);
        }
        boolean relaxed = path.endsWith(".jsonc") || path.endsWith(".relaxed.txt");
        return relaxed ? messages.stream().map(Messages::strict).toList() : messages;
    }

    static String one(String path) {
        List<String> all = read(path);
        if (all.size() != 1) {
            throw new IllegalStateException(path + " holds " + all.size() + " messages");
        }
        return all.get(0);
    }

    private static String strict(String relaxed) {
        try {
            JsonNode node = RELAXED.readTree(relaxed);
            return RELAXED.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String path) {
        try (InputStream in = Messages.class.getResourceAsStream("/messages/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test message file " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes every message of a file with a format, in order. */
    static List<ChangeEvent> decodeAll(WireFormat format, String topic, String path, ColumnTypes types) {
        ChangeDecoder decoder = format.decoder(format.topics("cdc"), types);
        List<ChangeEvent> events = new ArrayList<>();
        for (String message : read(path)) {
            events.addAll(decoder.decode(WireRecord.ofText(topic, null, message)));
        }
        return events;
    }
}
