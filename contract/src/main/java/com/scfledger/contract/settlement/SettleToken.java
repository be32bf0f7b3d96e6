package com.scfledger.contract.settlement;

import java.util.List;

import com.scfledger.contract.Submission;
import com.scfledger.contract.Transaction;

/** SettleToken: the obligor settles one token on or after maturity. */
public record SettleToken(String tokenId, String paymentReference) implements Submission {

    @Override
    public Transaction transaction() {
        return Transaction.SETTLE_TOKEN;
    }

    @Override
    public List<String> arguments() {
        return List.of(tokenId, paymentReference);
    }
}
