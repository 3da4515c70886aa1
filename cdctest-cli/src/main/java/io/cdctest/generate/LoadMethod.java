package io.cdctest.generate;

/** How generated rows get into a table. */
public enum LoadMethod {
    /** LOAD DATA LOCAL INFILE where the server allows it, else multi-row INSERT. */
    AUTO,
    /** Multi-row INSERT statements. */
    INSERT,
    /** LOAD DATA LOCAL INFILE from a stream in memory (no file is written). */
    LOAD_DATA
}
