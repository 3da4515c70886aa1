package io.cdctest.generate;

import java.sql.Connection;
import java.sql.SQLException;

/** Writes one contiguous range of generated rows over one connection, committing as it goes. */
interface RowWriter {
    /** @return the rows written (always {@code count}, or an exception) */
    long write(Connection connection, String database, RowSource rows, long from, long count,
               java.util.function.LongConsumer progress) throws SQLException;
}
