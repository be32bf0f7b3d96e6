package com.scfledger.contract.financing;

import java.util.List;

import com.scfledger.contract.Evaluation;
import com.scfledger.contract.Transaction;

/** GetFinancingApproval: who proposed and who confirmed a financing's approval, a {@link FinancingApproval}. */
public record GetFinancingApproval(String financingId) implements Evaluation {

    @Override
    public Transaction transaction() {
        return Transaction.GET_FINANCING_APPROVAL;
    }

    @Override
    public List<String> arguments() {
        return List.of(financingId);
    }
}
