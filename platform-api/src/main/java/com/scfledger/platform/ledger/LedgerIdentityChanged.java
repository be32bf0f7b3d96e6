package com.scfledger.platform.ledger;

/**
 * Published when an enterprise's ledger identity, or one of its users' personal ones, is enrolled or replaced;
 * cached gateways of that enterprise are dropped.
 */
public record LedgerIdentityChanged(String enterpriseId) {
}
