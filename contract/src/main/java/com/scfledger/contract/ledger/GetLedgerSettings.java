package com.scfledger.contract.ledger;

import java.util.List;

import com.scfledger.contract.Evaluation;
import com.scfledger.contract.Transaction;

/** GetLedgerSettings: the limits in force, a {@link LedgerSettings}. */
public record GetLedgerSettings() implements Evaluation {

    @Override
    public Transaction transaction() {
        return Transaction.GET_LEDGER_SETTINGS;
    }

    @Override
    public List<String> arguments() {
        return List.of();
    }
}
