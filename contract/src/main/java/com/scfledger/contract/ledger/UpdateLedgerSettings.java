package com.scfledger.contract.ledger;

import java.util.List;

import com.scfledger.contract.Submission;
import com.scfledger.contract.Transaction;

/** UpdateLedgerSettings: the platform admin tunes the limits, within {@link LedgerSettings}' bounds. */
public record UpdateLedgerSettings(long minUnit, int maxOutputs, int maxTierDepth) implements Submission {

    @Override
    public Transaction transaction() {
        return Transaction.UPDATE_LEDGER_SETTINGS;
    }

    @Override
    public List<String> arguments() {
        return List.of(Long.toString(minUnit), Integer.toString(maxOutputs), Integer.toString(maxTierDepth));
    }
}
