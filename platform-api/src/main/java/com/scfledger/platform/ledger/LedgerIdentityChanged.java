package com.scfledger.platform.ledger;

/** Published when an enterprise's ledger identity is enrolled or replaced; cached gateways are dropped. */
public record LedgerIdentityChanged(String enterpriseId) {
}
