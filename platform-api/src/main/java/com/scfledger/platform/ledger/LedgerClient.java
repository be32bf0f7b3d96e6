package com.scfledger.platform.ledger;

/**
 * Every ledger call of the API goes through here, signed with the acting enterprise's own identity or, for a
 * personal step such as a four-eyes approval, with one of its users' personal identity. Failures arrive as
 * {@link LedgerFailure}s: a chaincode refusal with the contract's error code, a transaction the block marked invalid
 * (e.g. an MVCC read conflict), or an outage of a peer or orderer.
 */
public interface LedgerClient {

    /** Evaluates a query transaction on the enterprise's organisation's peer; nothing is written. */
    byte[] evaluate(String enterpriseId, String transaction, String... args);

    /** Endorses, submits and waits for the commit of a transaction; returns once it is valid in a block. */
    LedgerResult submit(String enterpriseId, String transaction, String... args);

    /**
     * A transaction already committed, as its submitter was answered: its block and the chaincode's result, read
     * back from the ledger. For a write whose first answer was lost.
     */
    LedgerResult committed(String enterpriseId, String transactionId);

    /**
     * Who signed a committed transaction (its creator's MSP and certificate CN), read from the block that holds it.
     * A record's history names only transaction ids; this names the signer of each.
     */
    TransactionSigner signer(String enterpriseId, String transactionId);

    /**
     * The height of the channel's chain on the peer calls go through, answered within the deadline: proof that the
     * peer answers, which an open port or a READY channel is not (health uses it).
     */
    long chainHeight(String enterpriseId, java.time.Duration deadline);

    /** {@link #evaluate(String, String, String...)} signed by the given signer. */
    default byte[] evaluate(Signer signer, String transaction, String... args) {
        return evaluate(signer.enterpriseId(), transaction, args);
    }

    /** {@link #submit(String, String, String...)} signed by the given signer. */
    default LedgerResult submit(Signer signer, String transaction, String... args) {
        return submit(signer.enterpriseId(), transaction, args);
    }
}
