package io.cdctest.producer;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command line of the producer: {@code --name value} pairs. The source password never travels on
 * the command line; it comes from the environment variable {@code CDCTEST_SOURCE_PASSWORD}.
 */
record ProducerArgs(String host, int port, String user, String password, String database, List<String> tables,
                    String topic, String bootstrapServers, String serverId, long checkpointMillis,
                    boolean includeSchema, String statusFile, String format, String exclude, Set<String> dmlTypes,
                    long dropNth, String jobManager) {

    static final String PASSWORD_ENV = "CDCTEST_SOURCE_PASSWORD";
    private static final Set<String> KEYS = Set.of("host", "port", "user", "database", "tables", "topic",
            "bootstrap-servers", "server-id", "checkpoint-ms", "include-schema", "status-file", "format", "exclude", "dml-types",
            "drop-nth", "jobmanager");

    static ProducerArgs parse(String[] args, Map<String, String> env) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got '" + arg + "'");
            }
            String key = arg.substring(2);
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown option --" + key);
            }
            values.put(key, args[++i]);
        }
        return new ProducerArgs(
                required(values, "host"),
                Integer.parseInt(required(values, "port")),
                required(values, "user"),
                env.getOrDefault(PASSWORD_ENV, ""),
                required(values, "database"),
                Arrays.asList(required(values, "tables").split(",")),
                required(values, "topic"),
                required(values, "bootstrap-servers"),
                values.getOrDefault("server-id", "5400"),
                Long.parseLong(values.getOrDefault("checkpoint-ms", "2000")),
                Boolean.parseBoolean(values.getOrDefault("include-schema", "true")),
                values.get("status-file"),
                values.getOrDefault("format", "debezium-json"),
                values.get("exclude"),
                Set.of(values.getOrDefault("dml-types", "insert,update,delete").split(",")),
                Long.parseLong(values.getOrDefault("drop-nth", "0")),
                values.get("jobmanager"));
    }

    private static String required(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing option --" + key);
        }
        return value;
    }
}
