package io.cdctest.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.CdctestException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import org.junit.jupiter.api.Test;

class SqlTest {

    @Test
    void aLostConnectionIsFoundAmongTheCauses() {
        assertThat(Sql.connectionLost(new SQLNonTransientConnectionException("No operations allowed after connection closed")))
                .isTrue();
        assertThat(Sql.connectionLost(new SQLException("Communications link failure", "08S01"))).isTrue();
        assertThat(Sql.connectionLost(CdctestException.environment("cannot read the definition of db.t",
                new SQLException("Socket error", "08000")))).isTrue();
    }

    @Test
    void otherErrorsAreNotALostConnection() {
        assertThat(Sql.connectionLost(new SQLSyntaxErrorException("Table 'db.no_such_table' doesn't exist", "42S02", 1146)))
                .isFalse();
        assertThat(Sql.connectionLost(new SQLException("no state"))).isFalse();
        assertThat(Sql.connectionLost(new IllegalStateException("not SQL"))).isFalse();
    }
}
