package com.scfledger.chaincode.anchor;

import com.scfledger.chaincode.ledger.Invocation;
import com.scfledger.contract.RecordKeys;
import com.scfledger.contract.anchor.Anchor;

/** Anchoring digests of off-chain records. */
public final class AnchorService {

    /** Only the platform admin anchors arbitrary records. */
    public Anchor anchorRecord(final Invocation inv, final String recordType, final String recordId,
            final String sha256) {
        inv.caller().requirePlatformAdmin();
        return anchor(inv, recordType, recordId, sha256);
    }

    /** Anchors as part of another transaction, whose own rules decided who may do it. */
    public static Anchor anchor(final Invocation inv, final String recordType, final String recordId,
            final String sha256) {
        int version = inv.state().find(RecordKeys.anchor(recordType, recordId), Anchor.class)
                .map(previous -> Math.addExact(previous.version(), 1))
                .orElse(1);
        Anchor anchor = new Anchor(recordType, recordId, sha256, version, inv.timestamp(), inv.txId(),
                inv.caller().mspId());
        inv.state().put(anchor);
        return anchor;
    }

    /** Digests are not secret; any recognised identity may check one. */
    public Anchor get(final Invocation inv, final String recordType, final String recordId) {
        inv.caller();
        return inv.state().require(RecordKeys.anchor(recordType, recordId), Anchor.class,
                "anchor " + recordType + "/" + recordId);
    }
}
