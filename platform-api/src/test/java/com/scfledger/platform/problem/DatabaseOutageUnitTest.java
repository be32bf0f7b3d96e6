package com.scfledger.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseOutageUnitTest {

    @Test
    void aRollbackThatFailedBecausePostgresqlWentAwayIsAnOutage() {
        // what the chaos run's PostgreSQL kill gave: the statement failed, then the rollback on the dead connection
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        rollback.initApplicationException(new DataAccessResourceFailureException("I/O error"));
        assertThat(DatabaseOutage.is(rollback)).isTrue();
    }

    @Test
    void aConnectionFailureStateIsAnOutageWhateverWrapsIt() {
        assertThat(DatabaseOutage.is(new IllegalStateException(new SQLException("connection refused", "08001"))))
                .isTrue();
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertThat(DatabaseOutage.is(new DataIntegrityViolationException("duplicate key"))).isFalse();
        assertThat(DatabaseOutage.is(new TransactionSystemException("commit failed",
                new SQLException("serialization", "40001")))).isFalse();
    }
}
