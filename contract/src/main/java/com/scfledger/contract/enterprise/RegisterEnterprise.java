package com.scfledger.contract.enterprise;

import java.util.List;

import com.scfledger.contract.Submission;
import com.scfledger.contract.Transaction;

/**
 * RegisterEnterprise: a platform admin confirms another platform admin's {@link ProposeAdmission} with the same
 * terms, and the enterprise enters the registry, ACTIVE.
 */
public record RegisterEnterprise(String enterpriseId, EnterpriseRole role, String mspId, String kycHash)
        implements Submission {

    @Override
    public Transaction transaction() {
        return Transaction.REGISTER_ENTERPRISE;
    }

    @Override
    public List<String> arguments() {
        return List.of(enterpriseId, role.name(), mspId, kycHash);
    }
}
