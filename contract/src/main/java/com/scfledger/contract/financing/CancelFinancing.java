package com.scfledger.contract.financing;

import java.util.List;

import com.scfledger.contract.Submission;
import com.scfledger.contract.Transaction;

/** CancelFinancing: the applicant withdraws while pending; the token is unlocked. */
public record CancelFinancing(String financingId) implements Submission {

    @Override
    public Transaction transaction() {
        return Transaction.CANCEL_FINANCING;
    }

    @Override
    public List<String> arguments() {
        return List.of(financingId);
    }
}
