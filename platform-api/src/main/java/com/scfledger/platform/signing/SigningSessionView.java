package com.scfledger.platform.signing;

import java.time.Instant;
import java.util.UUID;

/**
 * What a client needs to sign the next step of one ledger write.
 *
 * @param id             the session
 * @param step           PROPOSAL, then TRANSACTION; COMMITTED when done
 * @param enterpriseId   the enterprise the write is for
 * @param transaction    the chaincode transaction, e.g. RegisterPayable
 * @param transactionId  the Fabric transaction id
 * @param certificateId  SHA-256 of the certificate whose key must sign
 * @param bytes          base64 of the message to sign (ECDSA P-256 with SHA-256: the signature covers exactly these)
 * @param digest         base64 of their SHA-256, for signers that take a digest (and what Fabric verifies)
 * @param algorithm      how to sign
 * @param signatureUrl   where to POST {@code {"signature": "<base64 DER>"}}
 * @param expiresAt      after this, signatures are refused with 410
 */
public record SigningSessionView(UUID id, String step, String enterpriseId, String transaction, String transactionId,
                                 String certificateId, String bytes, String digest, String algorithm,
                                 String signatureUrl, Instant expiresAt) {

    static final String ALGORITHM = "ECDSA_P256_SHA256_DER_LOW_S";
}
