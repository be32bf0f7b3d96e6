package com.scfledger.contract.settlement;

import java.util.List;

import com.scfledger.contract.Submission;
import com.scfledger.contract.Transaction;

/** SettlePayable: the obligor settles every live token of a payable on or after maturity. */
public record SettlePayable(String payableId, String paymentReference) implements Submission {

    @Override
    public Transaction transaction() {
        return Transaction.SETTLE_PAYABLE;
    }

    @Override
    public List<String> arguments() {
        return List.of(payableId, paymentReference);
    }
}
