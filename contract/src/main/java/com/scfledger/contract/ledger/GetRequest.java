package com.scfledger.contract.ledger;

import java.util.List;

import com.scfledger.contract.Evaluation;
import com.scfledger.contract.Transaction;

/** GetRequest: which transaction used a request id, a {@link RequestRecord}. */
public record GetRequest(String requestId) implements Evaluation {

    @Override
    public Transaction transaction() {
        return Transaction.GET_REQUEST;
    }

    @Override
    public List<String> arguments() {
        return List.of(requestId);
    }
}
