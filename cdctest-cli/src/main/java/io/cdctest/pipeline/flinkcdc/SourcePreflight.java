package io.cdctest.pipeline.flinkcdc;

import io.cdctest.CdctestException;
import io.cdctest.sql.JdbcEndpoint;
import io.cdctest.sql.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Checks that a MySQL-family source can feed Flink CDC: binlog on, ROW format, FULL row image. */
final class SourcePreflight {
    private SourcePreflight() {
    }

    static void check(JdbcEndpoint source) {
        try (Connection c = source.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT @@log_bin, @@binlog_format, @@binlog_row_image")) {
            rs.next();
            String logBin = rs.getString(1);
            String format = rs.getString(2);
            String image = rs.getString(3);
            String where = "source " + source.engine().id() + " at " + source.address();
            if (!"1".equals(logBin) && !"ON".equalsIgnoreCase(logBin)) {
                throw CdctestException.environment(where + ": binary log is off (log_bin=" + logBin
                        + "); Flink CDC needs log_bin=ON, binlog_format=ROW, binlog_row_image=FULL");
            }
            if (!"ROW".equalsIgnoreCase(format)) {
                throw CdctestException.environment(where + ": binlog_format is " + format + "; Flink CDC needs ROW");
            }
            if (!"FULL".equalsIgnoreCase(image)) {
                throw CdctestException.environment(where + ": binlog_row_image is " + image + "; Flink CDC needs FULL");
            }
        } catch (SQLException e) {
            throw CdctestException.environment("source " + source.address() + ": cannot read binlog settings: "
                    + Sql.firstLine(e), e);
        }
    }
}
