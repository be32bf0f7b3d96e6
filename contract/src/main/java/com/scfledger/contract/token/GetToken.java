package com.scfledger.contract.token;

import java.util.List;

import com.scfledger.contract.Evaluation;
import com.scfledger.contract.Transaction;

/** GetToken: one token, a {@link Token}. */
public record GetToken(String tokenId) implements Evaluation {

    @Override
    public Transaction transaction() {
        return Transaction.GET_TOKEN;
    }

    @Override
    public List<String> arguments() {
        return List.of(tokenId);
    }
}
