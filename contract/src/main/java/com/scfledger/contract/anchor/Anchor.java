package com.scfledger.contract.anchor;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.scfledger.contract.LedgerRecord;
import com.scfledger.contract.RecordKeys;

/**
 * The digest of an off-chain record, for tamper evidence: recompute the SHA-256 of the record and compare. A record
 * that legitimately changes is re-anchored; the version counts the anchors and GetHistory lists every one.
 * GetAnchor's result and an entry of an event's {@code anchors}.
 *
 * @param recordType   what kind of record, e.g. KYC, CONTRACT, FINANCING_APPLICATION
 * @param recordId     the record's id in its off-chain system
 * @param sha256       SHA-256 of the record, lower-case hex
 * @param version      1 for the first anchor, +1 for each re-anchor
 * @param anchoredAt   when
 * @param anchoredByTx by which transaction
 * @param anchoredBy   the MSP of the submitter
 */
@JsonPropertyOrder(alphabetic = true)
public record Anchor(String recordType, String recordId, String sha256, int version, Instant anchoredAt,
        String anchoredByTx, String anchoredBy) implements LedgerRecord {

    /** Record type under which RequestFinancing anchors the application document. */
    public static final String FINANCING_APPLICATION = "FINANCING_APPLICATION";

    @Override
    public String ledgerKey() {
        return RecordKeys.anchor(recordType, recordId);
    }
}
