package com.scfledger.contract.financing;

import java.util.List;

import com.scfledger.contract.Evaluation;
import com.scfledger.contract.Transaction;

/** GetApprovalPolicy: the bank's {@link ApprovalPolicy}, or the default when it has recorded none. */
public record GetApprovalPolicy(String bankId) implements Evaluation {

    @Override
    public Transaction transaction() {
        return Transaction.GET_APPROVAL_POLICY;
    }

    @Override
    public List<String> arguments() {
        return List.of(bankId);
    }
}
