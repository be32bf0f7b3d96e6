package com.scfledger.platform.ledger;

import com.scfledger.contract.ledger.RecordVersion;

/**
 * One version of a record from its history, and who signed the transaction that wrote it.
 *
 * @param version the version as GetHistory returns it
 * @param signer  the signer of {@code version.txId()}, from its block
 */
public record SignedVersion<T>(RecordVersion<T> version, TransactionSigner signer) {
}
