package com.scfledger.platform.verify;

import java.util.Optional;

import com.scfledger.platform.security.ScfPrincipal;

/**
 * A kind of off-chain record whose canonical form is anchored on the ledger under {@link #recordType()}.
 * Each feature that anchors records (KYC, financing) provides one; verification recomputes the hash from
 * what PostgreSQL holds now and compares it with the ledger's anchor.
 */
public interface AnchoredRecordSource {

    /** The ledger's record type, e.g. {@code KYC} or {@code FINANCING_APPLICATION}. */
    String recordType();

    /**
     * The record's canonical form (see {@link Canonical}) rebuilt from the rows as they are now, if it exists
     * and the caller may see it (otherwise empty, so that guessing ids reveals nothing).
     */
    Optional<Object> canonicalRecord(String recordId, ScfPrincipal caller);
}
