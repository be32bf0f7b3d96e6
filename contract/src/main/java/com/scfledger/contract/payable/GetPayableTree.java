package com.scfledger.contract.payable;

import java.util.List;

import com.scfledger.contract.Evaluation;
import com.scfledger.contract.Transaction;

/** GetPayableTree: a payable and all its tokens, a {@link PayableTree}. */
public record GetPayableTree(String obligorId, String payableId) implements Evaluation {

    @Override
    public Transaction transaction() {
        return Transaction.GET_PAYABLE_TREE;
    }

    @Override
    public List<String> arguments() {
        return List.of(obligorId, payableId);
    }
}
