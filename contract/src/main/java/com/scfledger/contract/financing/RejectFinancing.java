package com.scfledger.contract.financing;

import java.util.List;

import com.scfledger.contract.Submission;
import com.scfledger.contract.Transaction;

/** RejectFinancing: the bank rejects; the token is unlocked. */
public record RejectFinancing(String financingId) implements Submission {

    @Override
    public Transaction transaction() {
        return Transaction.REJECT_FINANCING;
    }

    @Override
    public List<String> arguments() {
        return List.of(financingId);
    }
}
