package com.scfledger.contract.payable;

import java.util.List;

import com.scfledger.contract.Submission;
import com.scfledger.contract.Transaction;

/** RejectPayable: the beneficiary rejects a pending payable and its root token. */
public record RejectPayable(String obligorId, String payableId) implements Submission {

    @Override
    public Transaction transaction() {
        return Transaction.REJECT_PAYABLE;
    }

    @Override
    public List<String> arguments() {
        return List.of(obligorId, payableId);
    }
}
