package com.scfledger.platform.ledger;

/**
 * Every ledger call of the API goes through here, signed with the acting enterprise's own identity.
 * Failures arrive as {@link com.scfledger.platform.problem.ApiProblem}s: a chaincode error code
 * becomes a 4xx with that code; an MVCC read conflict a 409 with Retry-After; an unreachable peer
 * or orderer a 503 with Retry-After.
 */
public interface LedgerClient {

    /** Evaluates a query transaction on the enterprise's organisation's peer; nothing is written. */
    byte[] evaluate(String enterpriseId, String transaction, String... args);

    /** Endorses, submits and waits for the commit of a transaction; returns once it is valid in a block. */
    LedgerResult submit(String enterpriseId, String transaction, String... args);
}
