package com.scfledger.contract.payable;

import java.util.List;

import com.scfledger.contract.Evaluation;
import com.scfledger.contract.Transaction;

/** GetPayable: one payable, a {@link Payable}. */
public record GetPayable(String obligorId, String payableId) implements Evaluation {

    @Override
    public Transaction transaction() {
        return Transaction.GET_PAYABLE;
    }

    @Override
    public List<String> arguments() {
        return List.of(obligorId, payableId);
    }
}
