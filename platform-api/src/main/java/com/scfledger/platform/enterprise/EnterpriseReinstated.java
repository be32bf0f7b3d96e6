package com.scfledger.platform.enterprise;

import java.time.Instant;

/**
 * Published when a platform admin reinstates a suspended enterprise (after the ledger committed it). Certificates
 * revoked on its suspension stay revoked: its users' identities are enrolled afresh at their next signature.
 *
 * @param enterpriseId   the reinstated enterprise
 * @param reinstatedBy   the username of the admin who reinstated it
 * @param transactionId  the ReinstateEnterprise transaction
 * @param at             when the API recorded it
 */
public record EnterpriseReinstated(String enterpriseId, String reinstatedBy, String transactionId, Instant at) {
}
