package io.cdctest.spec;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The database engines cdctest talks to (all over the MySQL protocol), each with what it supports:
 * the checker and the data setup ask the engine, never its name. TiDB, StarRocks and Doris are
 * named from their documentation (no server of theirs runs on the project's machines).
 */
public enum Engine {
    MYSQL("mysql", 3306, true, true, true),
    MARIADB("mariadb", 3306, true, true, true),
    MATRIXONE("matrixone", 6001, false, false, true),
    TIDB("tidb", 4000, true, false, true),
    STARROCKS("starrocks", 9030, false, false, false),
    DORIS("doris", 9030, false, false, false);

    private final String id;
    private final int defaultPort;
    private final boolean binaryCast;
    private final boolean checksumPushdown;
    private final boolean catalogTables;

    Engine(String id, int defaultPort, boolean binaryCast, boolean checksumPushdown, boolean catalogTables) {
        this.id = id;
        this.defaultPort = defaultPort;
        this.binaryCast = binaryCast;
        this.checksumPushdown = checksumPushdown;
        this.catalogTables = catalogTables;
    }

    public String id() {
        return id;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /**
     * Text keys are ordered byte by byte with {@code CAST(... AS BINARY)}; the others have no such cast
     * and compare strings byte by byte already (MatrixOne, StarRocks, Doris).
     */
    public boolean binaryCast() {
        return binaryCast;
    }

    /**
     * Count and checksum of a key range are computed inside the database (CONCAT_WS with CRC32 and
     * CRC32C where the server has both, else MD5 and CONV) when both sides are this engine.
     */
    public boolean checksumPushdown() {
        return checksumPushdown;
    }

    /**
     * cdctest can create the generator's tables here (its column types, primary keys and indexes);
     * StarRocks and Doris tables need their own DDL (key model, distribution), made by the pipeline.
     */
    public boolean catalogTables() {
        return catalogTables;
    }

    /**
     * The server computes {@code CHECKSUM TABLE ... EXTENDED}: a 32-bit CRC per row of its stored
     * values, summed; the same on two servers of one version for tables of one definition.
     */
    public boolean checksumTable() {
        return this == MYSQL || this == MARIADB;
    }

    /**
     * What cdctest adds to the databases and tables it creates so they hold every Unicode character:
     * MySQL, MariaDB and TiDB give them the server's default character set, which may be latin1 (MySQL 5.7,
     * a MariaDB without configuration) or utf8mb3; MatrixOne, StarRocks and Doris know utf8mb4 only.
     */
    public String utf8mb4() {
        return this == MYSQL || this == MARIADB || this == TIDB ? " CHARACTER SET utf8mb4" : "";
    }

    public static Optional<Engine> byId(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(e -> e.id.equals(wanted)).findFirst();
    }

    /** "mysql, mariadb, matrixone, ...", for messages. */
    public static String ids() {
        return Arrays.stream(values()).map(Engine::id).collect(Collectors.joining(", "));
    }
}
