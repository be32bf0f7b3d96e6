package com.scfledger.platform.audit;

/**
 * Checks a sequence of audit entries, in order, as a hash chain: each entry's hash must be the hash of its own
 * fields, its prevHash the hash of the entry before it (64 zeros for the first) and its seq one more than the
 * previous one. The first entry that fails is named, with why.
 */
final class AuditChain {

    enum Reason {
        /** The entry's fields no longer give its stored hash: it was changed. */
        ENTRY_ALTERED,
        /** The entry does not point at the previous entry's hash: an entry before it was removed, inserted or rewritten. */
        CHAIN_BROKEN,
        /** A sequence number is missing: an entry was removed. */
        SEQUENCE_GAP,
        /**
         * The entry whose hash the ledger holds as the log's last checkpoint is not in the log: entries were removed
         * from its end (or the log was rewritten); named as the seq after the last entry present.
         */
        CHECKPOINT_MISSING
    }

    record Break(long seq, Reason reason, String storedHash, String computedHash, String storedPrevHash,
                 String expectedPrevHash) {
    }

    private long checked;
    private long lastSeq;
    private String lastHash = AuditEntry.GENESIS;
    private Break firstBreak;

    /** Feeds the next entry; returns false once the chain is broken (later entries need not be read). */
    boolean accept(AuditEntry e) {
        if (firstBreak != null) {
            return false;
        }
        checked++;
        String computed = e.computeHash();
        if (checked > 1 && e.seq() != lastSeq + 1) {
            firstBreak = new Break(e.seq(), Reason.SEQUENCE_GAP, e.hash(), computed, e.prevHash(), lastHash);
        } else if (!computed.equals(e.hash())) {
            firstBreak = new Break(e.seq(), Reason.ENTRY_ALTERED, e.hash(), computed, e.prevHash(), lastHash);
        } else if (!e.prevHash().equals(lastHash)) {
            firstBreak = new Break(e.seq(), Reason.CHAIN_BROKEN, e.hash(), computed, e.prevHash(), lastHash);
        }
        lastSeq = e.seq();
        lastHash = e.hash();
        return firstBreak == null;
    }

    long checked() {
        return checked;
    }

    Break firstBreak() {
        return firstBreak;
    }

    String headHash() {
        return lastHash;
    }

    long lastSeq() {
        return lastSeq;
    }
}
