package io.cdctest.spec;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The database engines cdctest talks to (all over the MySQL protocol). */
public enum Engine {
    MYSQL("mysql", 3306),
    MARIADB("mariadb", 3306),
    MATRIXONE("matrixone", 6001);

    private final String id;
    private final int defaultPort;

    Engine(String id, int defaultPort) {
        this.id = id;
        this.defaultPort = defaultPort;
    }

    public String id() {
        return id;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public static Optional<Engine> byId(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(e -> e.id.equals(wanted)).findFirst();
    }
}
