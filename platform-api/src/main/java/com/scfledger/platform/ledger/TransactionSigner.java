package com.scfledger.platform.ledger;

/**
 * Who signed a committed transaction, as its block records it: the creator's organisation and the common name of
 * its certificate (an enterprise's identity, or a person's own for a four-eyes step).
 *
 * @param mspId      the creator's MSP
 * @param commonName the CN of the creator's certificate; null when the certificate names none
 */
public record TransactionSigner(String mspId, String commonName) {
}
