package com.scfledger.contract.enterprise;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.scfledger.contract.LedgerRecord;
import com.scfledger.contract.RecordKeys;

/**
 * The four-eyes admission of an enterprise: proposed by one platform admin certificate (ProposeAdmission),
 * confirmed by another (RegisterEnterprise with the same terms). Certificates are named by Fabric's client
 * identity id, {@code x509::<subject>::<issuer>}.
 *
 * @param enterpriseId  the enterprise to admit
 * @param role          its role
 * @param mspId         its organisation
 * @param kycRecordId   the id of its KYC record, anchored as {@code KYC/<kycRecordId>}
 * @param kycHash       the SHA-256 of that record, equal to the record's first anchor
 * @param proposedBy    the proposing certificate
 * @param proposedAt    when it was proposed
 * @param proposedByTx  the proposing transaction
 * @param confirmedBy   the confirming certificate; null while pending
 * @param confirmedAt   when it was confirmed; null while pending
 * @param confirmedByTx the confirming RegisterEnterprise; null while pending
 */
@JsonPropertyOrder(alphabetic = true)
public record Admission(String enterpriseId, EnterpriseRole role, String mspId, String kycRecordId, String kycHash,
        String proposedBy, Instant proposedAt, String proposedByTx, String confirmedBy, Instant confirmedAt,
        String confirmedByTx) implements LedgerRecord {

    public boolean pending() {
        return confirmedByTx == null;
    }

    /** Whether a confirmation names the same enterprise, role, organisation and KYC hash. */
    public boolean sameTerms(final EnterpriseRole otherRole, final String otherMspId, final String otherKycHash) {
        return role == otherRole && mspId.equals(otherMspId) && kycHash.equals(otherKycHash);
    }

    public Admission confirmed(final String certificate, final Instant at, final String txId) {
        return new Admission(enterpriseId, role, mspId, kycRecordId, kycHash, proposedBy, proposedAt, proposedByTx,
                certificate, at, txId);
    }

    @Override
    public String ledgerKey() {
        return RecordKeys.admission(enterpriseId);
    }
}
