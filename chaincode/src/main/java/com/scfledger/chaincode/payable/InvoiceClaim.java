package com.scfledger.chaincode.payable;

/**
 * Stored under {@code invoice:<fingerprint>} while a payable carries the invoice, so that no second payable can
 * carry it: the guard against financing one invoice twice.
 */
public record InvoiceClaim(String fingerprint, String obligorId, String payableId, String txId) {
}
