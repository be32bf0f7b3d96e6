package com.scfledger.contract.ledger;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Who submitted a transaction, as carried in its event.
 *
 * @param mspId        the submitter's organisation
 * @param enterpriseId the enterprise it acted for; null for the platform admin, auditors and org admins
 * @param role         the enterprise role, or PLATFORM_ADMIN, AUDITOR, ORG_ADMIN
 */
@JsonPropertyOrder(alphabetic = true)
public record Actor(String mspId, String enterpriseId, String role) {
}
