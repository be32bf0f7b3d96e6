package com.scfledger.contract.financing;

import java.util.List;

import com.scfledger.contract.Evaluation;
import com.scfledger.contract.Transaction;

/** GetFinancing: one financing, a {@link Financing}. */
public record GetFinancing(String financingId) implements Evaluation {

    @Override
    public Transaction transaction() {
        return Transaction.GET_FINANCING;
    }

    @Override
    public List<String> arguments() {
        return List.of(financingId);
    }
}
