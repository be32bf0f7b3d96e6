package com.scfledger.platform.enterprise;

import java.time.Instant;

/**
 * Published (as a Spring application event, after the ledger committed the suspension) when a platform admin
 * suspends an enterprise: the hook for whatever else must stop trusting it, such as revoking its identities'
 * certificates at its organisation's CA and on the channel.
 *
 * @param enterpriseId  the suspended enterprise
 * @param suspendedBy   the username of the admin who suspended it
 * @param transactionId the SuspendEnterprise transaction
 * @param at            when the API recorded it
 */
public record EnterpriseSuspended(String enterpriseId, String suspendedBy, String transactionId, Instant at) {
}
