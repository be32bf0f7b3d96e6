package com.scfledger.contract.enterprise;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.scfledger.contract.LedgerRecord;
import com.scfledger.contract.RecordKeys;

/**
 * A registered enterprise: GetEnterprise's result and an entry of an event's {@code enterprises}.
 *
 * @param id           the platform's id for the enterprise; identities carry it as scf.enterpriseId
 * @param role         its business role
 * @param mspId        the organisation whose CA issues its identities
 * @param status       ACTIVE or SUSPENDED
 * @param kycHash      SHA-256 of its off-chain KYC record
 * @param registeredAt when it was registered
 * @param updatedAt    when it last changed
 * @param updatedByTx  the transaction that last changed it
 */
@JsonPropertyOrder(alphabetic = true)
public record Enterprise(String id, EnterpriseRole role, String mspId, EnterpriseStatus status, String kycHash,
        Instant registeredAt, Instant updatedAt, String updatedByTx) implements LedgerRecord {

    public boolean active() {
        return status == EnterpriseStatus.ACTIVE;
    }

    public Enterprise withStatus(final EnterpriseStatus newStatus, final Instant at, final String txId) {
        return new Enterprise(id, role, mspId, newStatus, kycHash, registeredAt, at, txId);
    }

    @Override
    public String ledgerKey() {
        return RecordKeys.enterprise(id);
    }
}
