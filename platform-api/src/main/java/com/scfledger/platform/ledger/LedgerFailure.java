package com.scfledger.platform.ledger;

/**
 * Why a ledger call did not give its answer: the chaincode refused ({@link LedgerRefusal}), failed without a code
 * the contract knows ({@link ChaincodeFailure}), the transaction was ordered but marked invalid
 * ({@link TransactionInvalid}), or the network could not carry the call ({@link LedgerOutage}). The ledger only
 * says what happened; {@code problem.ApiProblem#from(LedgerFailure)} is the one place that turns it into an HTTP
 * answer. No stack trace of its own: the Gateway failure, when there is one, is the cause.
 */
public abstract sealed class LedgerFailure extends RuntimeException
        permits LedgerRefusal, ChaincodeFailure, TransactionInvalid, LedgerOutage {

    private final String transaction;
    private final String transactionId;

    LedgerFailure(String detail, String transaction, String transactionId, Throwable cause) {
        super(detail, cause, false, false);
        this.transaction = transaction;
        this.transactionId = transactionId;
    }

    /** The stable code of this outcome, as the API answers it and as metrics count it. */
    public abstract String code();

    public String detail() {
        return getMessage();
    }

    /** The transaction's wire name, or null for a failure before any transaction was named. */
    public String transaction() {
        return transaction;
    }

    /** The Fabric transaction id, when the failure came after the proposal got one. */
    public String transactionId() {
        return transactionId;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + code() + " " + transaction + ": " + getMessage() + "]";
    }
}
