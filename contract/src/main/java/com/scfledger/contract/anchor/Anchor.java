package com.scfledger.contract.anchor;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.scfledger.contract.LedgerRecord;
import com.scfledger.contract.RecordKeys;

/**
 * The digest of an off-chain record, for tamper evidence: recompute the SHA-256 of the record and compare. Anchors
 * are append-only: re-anchoring a record adds a version under its own key and never overwrites an earlier one, so
 * version 1, written by the record's owner, stays what every later version is judged against. GetAnchor returns
 * the latest version, GetAnchorVersions all of them; each is an entry of its event's {@code anchors}.
 *
 * @param recordType   what kind of record, e.g. KYC, CONTRACT, FINANCING_APPLICATION
 * @param recordId     the record's id in its off-chain system
 * @param sha256       SHA-256 of the record, lower-case hex
 * @param version      1 for the first anchor, +1 for each re-anchor
 * @param anchoredAt   when
 * @param anchoredByTx by which transaction
 * @param anchoredBy   the MSP of the submitter
 * @param anchoredByEnterprise the enterprise the submitter acted for; null for a platform admin
 */
@JsonPropertyOrder(alphabetic = true)
public record Anchor(String recordType, String recordId, String sha256, int version, Instant anchoredAt,
        String anchoredByTx, String anchoredBy, String anchoredByEnterprise) implements LedgerRecord {

    /** Record type under which RequestFinancing anchors the application document. */
    public static final String FINANCING_APPLICATION = "FINANCING_APPLICATION";

    /** An anchor written by someone acting for no enterprise (a platform admin). */
    public Anchor(final String recordType, final String recordId, final String sha256, final int version,
            final Instant anchoredAt, final String anchoredByTx, final String anchoredBy) {
        this(recordType, recordId, sha256, version, anchoredAt, anchoredByTx, anchoredBy, null);
    }

    /** Whether this anchor was written by the same party (organisation and enterprise) as {@code other}. */
    public boolean sameAnchorer(final Anchor other) {
        return Objects.equals(anchoredBy, other.anchoredBy)
                && Objects.equals(anchoredByEnterprise, other.anchoredByEnterprise);
    }

    @Override
    public String ledgerKey() {
        return RecordKeys.anchor(recordType, recordId, version);
    }
}
