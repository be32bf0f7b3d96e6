package com.scfledger.platform.ledger;

import java.util.Objects;

/**
 * The network could not carry a ledger call, by Gateway phase: the peer (evaluate, endorse) was unreachable, slow,
 * overloaded or not ready; the orderer (submit) was unreachable or refused; the commit status could not be learnt
 * (the transaction may still commit); or the ledger is not configured at all. The caller did nothing wrong.
 */
public final class LedgerOutage extends LedgerFailure {

    /** What went wrong; the names are the API's problem codes. */
    public enum Kind {
        PEER_UNAVAILABLE,
        LEDGER_TIMEOUT,
        /** The peer is overloaded, or other organisations' peers are still behind the block a write depends on. */
        LEDGER_BUSY,
        LEDGER_NOT_READY,
        LEDGER_NOT_CONFIGURED,
        ORDERER_UNAVAILABLE,
        LEDGER_SUBMIT_FAILED,
        /** Submitted, but whether it committed is unknown; a retry with the same request id is safe. */
        COMMIT_STATUS_UNKNOWN,
        COMMIT_STATUS_FAILED,
        /** Anything else: a failure of the network or an answer the platform cannot read. */
        LEDGER_ERROR
    }

    private final Kind kind;

    public LedgerOutage(Kind kind, String detail, String transaction, String transactionId, Throwable cause) {
        super(detail, transaction, transactionId, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public String code() {
        return kind.name();
    }
}
