package com.scfledger.platform.enterprise;

import java.time.Instant;

import com.scfledger.platform.ledger.Org;

/**
 * An enterprise on the platform.
 *
 * @param role   PLATFORM (the operator), CORE (an obligor), SUPPLIER or BANK
 * @param org    the peer organisation whose CA enrols it and whose peer it uses
 * @param status PENDING until registered on the ledger, then ACTIVE or SUSPENDED
 * @param custody who holds the keys behind its ledger signatures: PLATFORM (sealed here) or SELF (its own users and
 *                systems; the platform holds only their certificates)
 */
public record Enterprise(String id, String name, String role, Org org, String status, String kycHash,
                         String ledgerRegisteredTx, Instant createdAt, String custody) {
}
