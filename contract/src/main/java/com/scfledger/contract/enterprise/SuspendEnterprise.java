package com.scfledger.contract.enterprise;

import java.util.List;

import com.scfledger.contract.Submission;
import com.scfledger.contract.Transaction;

/** SuspendEnterprise: the platform admin suspends an ACTIVE enterprise. */
public record SuspendEnterprise(String enterpriseId) implements Submission {

    @Override
    public Transaction transaction() {
        return Transaction.SUSPEND_ENTERPRISE;
    }

    @Override
    public List<String> arguments() {
        return List.of(enterpriseId);
    }
}
