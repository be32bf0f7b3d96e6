package com.scfledger.platform.ledger;

/** A committed transaction: its id, the block it is in, and what the chaincode returned. */
public record LedgerResult(String transactionId, long blockNumber, byte[] payload) {
}
