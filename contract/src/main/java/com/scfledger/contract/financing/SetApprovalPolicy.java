package com.scfledger.contract.financing;

import java.util.List;

import com.scfledger.contract.Submission;
import com.scfledger.contract.Transaction;

/**
 * SetApprovalPolicy: a bank identity proposes its bank's four-eyes threshold; a second, distinct identity of the
 * bank confirms it with the same threshold, which then takes effect.
 *
 * @param fourEyesThresholdMinor 0 to {@link com.scfledger.contract.Amounts#MAX_MINOR}
 */
public record SetApprovalPolicy(long fourEyesThresholdMinor) implements Submission {

    @Override
    public Transaction transaction() {
        return Transaction.SET_APPROVAL_POLICY;
    }

    @Override
    public List<String> arguments() {
        return List.of(Long.toString(fourEyesThresholdMinor));
    }
}
