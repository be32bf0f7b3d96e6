package com.scfledger.contract.anchor;

import java.util.List;

import com.scfledger.contract.Submission;
import com.scfledger.contract.Transaction;

/** AnchorRecord: the platform admin anchors the digest of an off-chain record (a new version, appended, if anchored before). */
public record AnchorRecord(String recordType, String recordId, String sha256) implements Submission {

    @Override
    public Transaction transaction() {
        return Transaction.ANCHOR_RECORD;
    }

    @Override
    public List<String> arguments() {
        return List.of(recordType, recordId, sha256);
    }
}
