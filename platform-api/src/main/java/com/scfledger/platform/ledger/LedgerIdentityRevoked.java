package com.scfledger.platform.ledger;

/**
 * Asks for an enterprise's current ledger identity to be revoked (at its CA, then on the channel), for
 * example when the enterprise is suspended. Published by whoever decides it; the identity feature acts on it.
 */
public record LedgerIdentityRevoked(String enterpriseId, String reason) {
}
