package com.scfledger.contract.token;

import java.util.List;

import com.scfledger.contract.Evaluation;
import com.scfledger.contract.Transaction;

/** GetLineage: the token and its ancestors back to the root, a list of {@link Token}. */
public record GetLineage(String tokenId) implements Evaluation {

    @Override
    public Transaction transaction() {
        return Transaction.GET_LINEAGE;
    }

    @Override
    public List<String> arguments() {
        return List.of(tokenId);
    }
}
