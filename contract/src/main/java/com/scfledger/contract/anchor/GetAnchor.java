package com.scfledger.contract.anchor;

import java.util.List;

import com.scfledger.contract.Evaluation;
import com.scfledger.contract.Transaction;

/** GetAnchor: the latest anchor of an off-chain record, an {@link Anchor}. */
public record GetAnchor(String recordType, String recordId) implements Evaluation {

    @Override
    public Transaction transaction() {
        return Transaction.GET_ANCHOR;
    }

    @Override
    public List<String> arguments() {
        return List.of(recordType, recordId);
    }
}
