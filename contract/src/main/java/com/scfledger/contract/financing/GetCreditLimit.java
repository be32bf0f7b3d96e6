package com.scfledger.contract.financing;

import java.util.List;

import com.scfledger.contract.Evaluation;
import com.scfledger.contract.Transaction;

/**
 * GetCreditLimit: the bank's {@link CreditLimit} for the obligor in the currency, or {@link CreditLimit#none} (no
 * limit, no exposure) when it has set none.
 */
public record GetCreditLimit(String bankId, String obligorId, String currency) implements Evaluation {

    @Override
    public Transaction transaction() {
        return Transaction.GET_CREDIT_LIMIT;
    }

    @Override
    public List<String> arguments() {
        return List.of(bankId, obligorId, currency);
    }
}
