package com.scfledger.contract.enterprise;

import java.util.List;

import com.scfledger.contract.Submission;
import com.scfledger.contract.Transaction;

/** ReinstateEnterprise: the platform admin reinstates a SUSPENDED enterprise. */
public record ReinstateEnterprise(String enterpriseId) implements Submission {

    @Override
    public Transaction transaction() {
        return Transaction.REINSTATE_ENTERPRISE;
    }

    @Override
    public List<String> arguments() {
        return List.of(enterpriseId);
    }
}
