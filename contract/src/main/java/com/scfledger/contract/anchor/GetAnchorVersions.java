package com.scfledger.contract.anchor;

import java.util.List;

import com.scfledger.contract.Evaluation;
import com.scfledger.contract.Transaction;

/** GetAnchorVersions: every anchor of an off-chain record, version 1 (its owner's) first, a list of {@link Anchor}. */
public record GetAnchorVersions(String recordType, String recordId) implements Evaluation {

    @Override
    public Transaction transaction() {
        return Transaction.GET_ANCHOR_VERSIONS;
    }

    @Override
    public List<String> arguments() {
        return List.of(recordType, recordId);
    }
}
