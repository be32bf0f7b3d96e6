package com.scfledger.contract.payable;

import java.util.List;

import com.scfledger.contract.Submission;
import com.scfledger.contract.Transaction;

/** AcceptPayable: the beneficiary accepts a pending payable; its root token becomes ACTIVE. */
public record AcceptPayable(String obligorId, String payableId) implements Submission {

    @Override
    public Transaction transaction() {
        return Transaction.ACCEPT_PAYABLE;
    }

    @Override
    public List<String> arguments() {
        return List.of(obligorId, payableId);
    }
}
