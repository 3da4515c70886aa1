package io.cdctest.env;

/** Every container image cdctest starts, pinned in one place (never {@code latest}). */
public final class Images {
    public static final String MYSQL = "mysql:8.0.40";
    public static final String KAFKA = "apache/kafka:3.9.1";
    public static final String MATRIXONE = "matrixorigin/matrixone:4.2.0";

    private Images() {
    }
}
