package com.scfledger.chaincode.anchor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.scfledger.chaincode.ledger.Caller;
import com.scfledger.chaincode.ledger.Invocation;
import com.scfledger.chaincode.ledger.ScfException;
import com.scfledger.chaincode.ledger.WorldState;
import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.RecordKeys;
import com.scfledger.contract.anchor.Anchor;

/**
 * Anchoring digests of off-chain records, append-only: version 1 lives under {@code anchor:<type>:<id>}, each later
 * version under {@code anchor:<type>:<id>:<version>}, and no key is ever written twice. Whoever wrote version 1 is
 * the record's owner; a verifier compares with it and sees every later version and who wrote it.
 */
public final class AnchorService {

    /** Only the platform admin anchors arbitrary records. */
    public Anchor anchorRecord(final Invocation inv, final String recordType, final String recordId,
            final String sha256) {
        inv.caller().requirePlatformAdmin();
        return anchor(inv, recordType, recordId, sha256);
    }

    /** Anchors as part of another transaction, whose own rules decided who may do it; appends a new version. */
    public static Anchor anchor(final Invocation inv, final String recordType, final String recordId,
            final String sha256) {
        int version = latest(inv.state(), recordType, recordId)
                .map(previous -> Math.addExact(previous.version(), 1))
                .orElse(1);
        Caller caller = inv.caller();
        Anchor anchor = new Anchor(recordType, recordId, sha256, version, inv.timestamp(), inv.txId(),
                caller.mspId(), caller.enterpriseId());
        inv.state().put(anchor);
        return anchor;
    }

    /** The latest version. Digests are not secret; any recognised identity may check one. */
    public Anchor get(final Invocation inv, final String recordType, final String recordId) {
        inv.caller();
        return latest(inv.state(), recordType, recordId).orElseThrow(() -> notFound(recordType, recordId));
    }

    /** Every version, the owner's first. */
    public List<Anchor> versions(final Invocation inv, final String recordType, final String recordId) {
        inv.caller();
        List<Anchor> versions = versions(inv.state(), recordType, recordId);
        if (versions.isEmpty()) {
            throw notFound(recordType, recordId);
        }
        return versions;
    }

    private static Optional<Anchor> latest(final WorldState state, final String recordType, final String recordId) {
        List<Anchor> versions = versions(state, recordType, recordId);
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /**
     * Reads version 1, 2, ... until the first missing key. Versions are few (a record is re-anchored when it
     * legitimately changes), and reading the missing key puts it in the read set, so two concurrent appends of the
     * same version conflict and one is invalidated.
     */
    private static List<Anchor> versions(final WorldState state, final String recordType, final String recordId) {
        List<Anchor> versions = new ArrayList<>();
        for (int version = 1;; version++) {
            Optional<Anchor> anchor = state.find(RecordKeys.anchor(recordType, recordId, version), Anchor.class);
            if (anchor.isEmpty()) {
                return versions;
            }
            versions.add(anchor.get());
        }
    }

    private static ScfException notFound(final String recordType, final String recordId) {
        return ScfException.of(ErrorCode.NOT_FOUND, "anchor " + recordType + "/" + recordId + " not found");
    }
}
