package com.scfledger.platform.ledger;

import java.util.Objects;

/**
 * The transaction was ordered into a block but the peers marked it invalid there; nothing was written. The
 * {@link Kind} says why in the terms callers act on; {@link #validationCode()} keeps Fabric's own name.
 */
public final class TransactionInvalid extends LedgerFailure {

    /** Why the block did not take the transaction; the names are the API's problem codes. */
    public enum Kind {
        /** Another transaction changed the same state first (MVCC or phantom read conflict); worth retrying. */
        MVCC_READ_CONFLICT,
        DUPLICATE_TRANSACTION,
        ENDORSEMENT_POLICY_FAILURE,
        TRANSACTION_INVALID
    }

    private final Kind kind;
    private final String validationCode;

    public TransactionInvalid(Kind kind, String validationCode, String detail, String transaction, String transactionId,
                       Throwable cause) {
        super(detail, transaction, transactionId, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.validationCode = validationCode;
    }

    public Kind kind() {
        return kind;
    }

    /** Fabric's validation code, e.g. {@code MVCC_READ_CONFLICT} or {@code PHANTOM_READ_CONFLICT}. */
    public String validationCode() {
        return validationCode;
    }

    @Override
    public String code() {
        return kind.name();
    }
}
