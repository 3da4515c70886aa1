package io.cdctest.format;

import java.sql.Types;

/** The {@link Types} code Canal writes in {@code sqlType} for a MySQL column type. */
final class SqlTypes {
    private SqlTypes() {
    }

    static int code(String mysqlType) {
        return switch (ColumnTypes.base(mysqlType)) {
            case "bit" -> Types.BIT;
            case "tinyint" -> Types.TINYINT;
            case "smallint" -> Types.SMALLINT;
            case "mediumint", "int", "integer" -> Types.INTEGER;
            case "bigint" -> Types.BIGINT;
            case "float" -> Types.REAL;
            case "double" -> Types.DOUBLE;
            case "decimal", "numeric" -> Types.DECIMAL;
            case "char" -> Types.CHAR;
            case "date" -> Types.DATE;
            case "time" -> Types.TIME;
            case "datetime", "timestamp" -> Types.TIMESTAMP;
            case "binary" -> Types.BINARY;
            case "varbinary" -> Types.VARBINARY;
            case "tinyblob", "blob", "mediumblob", "longblob" -> Types.BLOB;
            case "tinytext", "text", "mediumtext", "longtext" -> Types.CLOB;
            default -> Types.VARCHAR; // varchar, year, enum, set, json
        };
    }
}
