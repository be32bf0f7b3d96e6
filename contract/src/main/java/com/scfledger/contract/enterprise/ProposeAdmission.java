package com.scfledger.contract.enterprise;

import java.util.List;

import com.scfledger.contract.Submission;
import com.scfledger.contract.Transaction;

/**
 * ProposeAdmission: a platform admin proposes to admit an enterprise whose KYC record is anchored as
 * {@code KYC/kycRecordId} with {@code kycHash}. A RegisterEnterprise with the same terms, submitted by another
 * platform admin certificate, confirms it.
 */
public record ProposeAdmission(String enterpriseId, EnterpriseRole role, String mspId, String kycRecordId,
        String kycHash) implements Submission {

    @Override
    public Transaction transaction() {
        return Transaction.PROPOSE_ADMISSION;
    }

    @Override
    public List<String> arguments() {
        return List.of(enterpriseId, role.name(), mspId, kycRecordId, kycHash);
    }
}
