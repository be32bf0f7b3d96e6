package com.scfledger.contract.ledger;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.scfledger.contract.Transaction;

/**
 * Proof that a client request id has been used, kept so that a retry after a lost response is refused with
 * DUPLICATE_REQUEST rather than acting twice; GetRequest's result, for a client that asks which transaction used it.
 *
 * @param enterpriseId the enterprise the submitter acted for; null for the platform admin, auditors and org admins
 */
@JsonPropertyOrder(alphabetic = true)
public record RequestRecord(String requestId, Transaction transaction, String txId, Instant timestamp, String mspId,
        String enterpriseId) {
}
