package io.cdctest.generate;

import io.cdctest.spec.Engine;
import io.cdctest.sql.Sql;

/**
 * A column of a catalog table.
 *
 * @param type            the SQL type on MySQL and MariaDB
 * @param matrixoneType   the SQL type on MatrixOne, when it differs (vectors), else null
 * @param extra           the rest of the definition ({@code NOT NULL DEFAULT ''}), may be empty
 * @param updatable       whether generated UPDATEs change it (keys and unique columns are never changed)
 */
public record ColumnDef(String name, String type, String matrixoneType, String extra, boolean updatable,
                        ColumnGen gen) {

    public static ColumnDef of(String name, String type, String extra, ColumnGen gen) {
        return new ColumnDef(name, type, null, extra, true, gen);
    }

    /** A column generated UPDATEs leave alone (keys, unique columns). */
    public static ColumnDef fixed(String name, String type, String extra, ColumnGen gen) {
        return new ColumnDef(name, type, null, extra, false, gen);
    }

    public ColumnDef withGen(ColumnGen other) {
        return new ColumnDef(name, type, matrixoneType, extra, updatable, other);
    }

    public ColumnDef onMatrixOne(String otherType) {
        return new ColumnDef(name, type, otherType, extra, updatable, gen);
    }

    public String typeFor(Engine engine) {
        return engine == Engine.MATRIXONE && matrixoneType != null ? matrixoneType : type;
    }

    public String ddl(Engine engine) {
        return Sql.quote(name) + " " + typeFor(engine) + (extra.isEmpty() ? "" : " " + extra);
    }

    /** How LOAD DATA must carry the value: BIT needs a number, binary types need hex. */
    public LoadAs loadAs() {
        String t = type.toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("bit")) {
            return LoadAs.BITS;
        }
        if (t.startsWith("binary") || t.startsWith("varbinary") || t.endsWith("blob")) {
            return LoadAs.HEX;
        }
        return LoadAs.TEXT;
    }

    public enum LoadAs { TEXT, BITS, HEX }
}
