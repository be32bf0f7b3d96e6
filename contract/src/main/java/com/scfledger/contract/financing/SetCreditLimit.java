package com.scfledger.contract.financing;

import java.util.List;

import com.scfledger.contract.Submission;
import com.scfledger.contract.Transaction;

/**
 * SetCreditLimit: a bank identity proposes its bank's limit for an obligor in a currency; a second, distinct
 * identity of the bank confirms it with the same figure, which then takes effect. The bank is the caller's own.
 *
 * @param limitMinor 0 to {@link com.scfledger.contract.Amounts#MAX_MINOR}
 */
public record SetCreditLimit(String obligorId, String currency, long limitMinor) implements Submission {

    @Override
    public Transaction transaction() {
        return Transaction.SET_CREDIT_LIMIT;
    }

    @Override
    public List<String> arguments() {
        return List.of(obligorId, currency, Long.toString(limitMinor));
    }
}
