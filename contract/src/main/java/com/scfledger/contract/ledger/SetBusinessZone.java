package com.scfledger.contract.ledger;

import java.util.List;

import com.scfledger.contract.Submission;
import com.scfledger.contract.Transaction;

/**
 * SetBusinessZone: the platform admin names the IANA time zone of the business day, e.g. {@code Asia/Shanghai}
 * (see {@link LedgerSettings#isBusinessZone}).
 */
public record SetBusinessZone(String businessZone) implements Submission {

    @Override
    public Transaction transaction() {
        return Transaction.SET_BUSINESS_ZONE;
    }

    @Override
    public List<String> arguments() {
        return List.of(businessZone);
    }
}
