package com.scfledger.contract.ledger;

import java.util.List;

import com.scfledger.contract.Evaluation;
import com.scfledger.contract.RecordKeys;
import com.scfledger.contract.Transaction;

/**
 * GetHistory: every version of one record, newest first, a list of {@link RecordVersion}.
 *
 * @param key a record key made by {@link RecordKeys}
 */
public record GetHistory(String key) implements Evaluation {

    @Override
    public Transaction transaction() {
        return Transaction.GET_HISTORY;
    }

    @Override
    public List<String> arguments() {
        return List.of(key);
    }
}
