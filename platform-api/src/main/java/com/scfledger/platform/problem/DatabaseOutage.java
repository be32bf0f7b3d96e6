package com.scfledger.platform.problem;

import java.sql.SQLException;
import java.sql.SQLTransientException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * PostgreSQL being away (stopped, restarting, unreachable, the pool unable to hand out a connection in time) is an
 * outage, not a bug: the answer is 503 with a Retry-After, and a request under an Idempotency-Key may be sent again
 * (its ledger write, if it committed, is then answered from the ledger).
 */
final class DatabaseOutage {

    static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseOutage() {
    }

    /** Whether the exception, or one of its causes, says the database could not be used right now. */
    static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof TransientDataAccessResourceException || t instanceof QueryTimeoutException
                    || t instanceof RecoverableDataAccessException || t instanceof SQLTransientException) {
                return true;
            }
            // SQL state class 08 is a connection failure: a rollback on a connection PostgreSQL dropped (it was killed
            // mid-transaction) fails with it, and Spring's TransactionSystemException then hides the outage it met
            // first as its "original" exception, outside the cause chain (the full chaos run got a 500 this way).
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (t instanceof TransactionSystemException tx && tx.getOriginalException() != null
                    && is(tx.getOriginalException())) {
                return true;
            }
        }
        return false;
    }

    static ApiProblem problem(Throwable cause) {
        return ApiProblem.of(ProblemCode.DATABASE_UNAVAILABLE, "The platform's database is unavailable; retry shortly "
                + "(with the same Idempotency-Key for a write).").retryAfter(RETRY_AFTER_SECONDS).causedBy(cause);
    }
}
