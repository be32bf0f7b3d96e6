package com.scfledger.platform.ledger;

import java.util.Objects;

import com.scfledger.contract.ErrorCode;

/**
 * The chaincode refused the transaction with one of the contract's {@link ErrorCode}s; nothing was written. The
 * contract gives each code its HTTP status. Callers that expect a refusal catch this type and branch on
 * {@link #is}, never on code strings, and a platform problem that shares a name (the API's own {@code NOT_FOUND})
 * is never taken for the ledger's.
 */
public final class LedgerRefusal extends LedgerFailure {

    private final ErrorCode errorCode;

    public LedgerRefusal(ErrorCode errorCode, String detail, String transaction, String transactionId) {
        this(errorCode, detail, transaction, transactionId, null);
    }

    LedgerRefusal(ErrorCode errorCode, String detail, String transaction, String transactionId, Throwable cause) {
        super(detail, transaction, transactionId, cause);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    /** A refusal the platform answers on the chaincode's behalf, for a write it knows was already done. */
    public LedgerRefusal(ErrorCode errorCode, String detail) {
        this(errorCode, detail, null, null);
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    @Override
    public String code() {
        return errorCode.name();
    }

    /** Whether the chaincode refused with one of these codes. */
    public boolean is(ErrorCode... codes) {
        for (ErrorCode c : codes) {
            if (c == errorCode) {
                return true;
            }
        }
        return false;
    }
}
