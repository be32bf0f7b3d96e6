package com.scfledger.chaincode.ledger;

import java.time.Instant;

/**
 * Proof that a client request id has been used, kept so that a retry after a lost response is refused with
 * DUPLICATE_REQUEST rather than acting twice, and so that the client can ask which transaction used it.
 */
public record RequestRecord(String requestId, String transaction, String txId, Instant timestamp, String mspId,
        String enterpriseId) {
}
