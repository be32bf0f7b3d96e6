package com.scfledger.platform.audit;

import com.scfledger.platform.ledger.LedgerFailure;
import com.scfledger.platform.domain.DomainException;
import java.time.Instant;
import java.util.Optional;

import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.anchor.Anchor;
import com.scfledger.contract.anchor.AnchorRecord;
import com.scfledger.contract.anchor.GetAnchor;
import com.scfledger.platform.domain.InvalidTransition;
import com.scfledger.platform.domain.Reason;
import com.scfledger.platform.ledger.LedgerRefusal;
import com.scfledger.platform.ledger.RequestId;
import com.scfledger.platform.ledger.ScfLedger;
import com.scfledger.platform.problem.ApiProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Checkpoints of the audit log on the ledger: the current head's hash anchored as {@code AUDIT_LOG/audit-<first 32
 * hex of the first entry's hash>} (each checkpoint a new version of that anchor). The chain alone cannot show
 * entries removed from its end; the ledger's last checkpoint can: its entry must still be in the log.
 */
@Service
class AuditCheckpoints {

    static final String RECORD_TYPE = "AUDIT_LOG";

    /** An anchored head. */
    record Checkpoint(String recordId, long seq, String hash, int anchorVersion, String anchoredAt, String anchoredByTx) {
    }

    /**
     * @param status FOUND (the anchored head is in the log, at {@code seq}), MISSING (it is not), NOT_ANCHORED (no
     *               checkpoint yet), EMPTY_LOG, or UNAVAILABLE (the ledger could not be asked; {@code detail} says why)
     */
    enum CheckpointStatus { FOUND, MISSING, NOT_ANCHORED, EMPTY_LOG, UNAVAILABLE }

    record CheckpointCheck(CheckpointStatus status, String recordId, String anchoredHash, Long seq, Integer anchorVersion,
                           String anchoredAt, String anchoredByTx, String detail) {
    }

    private final AuditLog log;
    private final ScfLedger ledger;
    private final String operatorId;

    AuditCheckpoints(AuditLog log, ScfLedger ledger,
                     @Value("${scf.platform.operator-enterprise-id:PLATFORM}") String operatorId) {
        this.log = log;
        this.ledger = ledger;
        this.operatorId = operatorId;
    }

    /** Anchors the current head (AnchorRecord, signed by the platform operator); the same head twice is one anchor. */
    Checkpoint anchorHead() {
        AuditLog.Head head = log.head().orElseThrow(() -> new InvalidTransition(Reason.AUDIT_LOG_EMPTY,
                "The audit log has no entry to checkpoint yet."));
        String recordId = recordId().orElseThrow();
        String tx = ledger.anchorRecord(operatorId, new AnchorRecord(RECORD_TYPE, recordId, head.hash()),
                RequestId.of("audit-checkpoint-" + head.hash())).transactionId();
        Anchor anchor = anchor(recordId).orElseThrow();
        AuditTrail.note("checkpointSeq", head.seq());
        AuditTrail.note("checkpointHash", head.hash());
        return new Checkpoint(recordId, head.seq(), head.hash(), anchor.version(), text(anchor.anchoredAt()), tx);
    }

    /**
     * The chain verified against itself and against the ledger's last checkpoint: an intact chain whose anchored
     * head is gone lost entries from its end, which is reported as a break just after its last entry.
     */
    AuditLog.ChainVerification verifyChain() {
        AuditLog.ChainVerification v = log.verify();
        CheckpointCheck c = check();
        if (v.firstBroken() == null && c.status() == CheckpointStatus.MISSING) {
            return new AuditLog.ChainVerification(AuditLog.Integrity.BROKEN, v.entriesChecked(), v.totalEntries(),
                    v.lastSeq(), null, new AuditChain.Break(v.lastSeq() + 1, AuditChain.Reason.CHECKPOINT_MISSING, null,
                    null, null, c.anchoredHash()), c);
        }
        return new AuditLog.ChainVerification(v.status(), v.entriesChecked(), v.totalEntries(), v.lastSeq(),
                v.headHash(), v.firstBroken(), c);
    }

    /** Whether the ledger's last checkpoint is still in the log. */
    CheckpointCheck check() {
        Optional<String> recordId = recordId();
        if (recordId.isEmpty()) {
            return new CheckpointCheck(CheckpointStatus.EMPTY_LOG, null, null, null, null, null, null, null);
        }
        Optional<Anchor> anchor;
        try {
            anchor = anchor(recordId.get());
        } catch (ApiProblem | DomainException | LedgerFailure unavailable) {
            ApiProblem p = ApiProblem.answerTo(unavailable);
            return new CheckpointCheck(CheckpointStatus.UNAVAILABLE, recordId.get(), null, null, null, null, null,
                    p.code() + ": " + p.detail());
        }
        if (anchor.isEmpty()) {
            return new CheckpointCheck(CheckpointStatus.NOT_ANCHORED, recordId.get(), null, null, null, null, null, null);
        }
        Anchor a = anchor.get();
        String hash = a.sha256();
        Optional<Long> seq = log.seqOf(hash);
        return new CheckpointCheck(seq.isPresent() ? CheckpointStatus.FOUND : CheckpointStatus.MISSING, recordId.get(),
                hash, seq.orElse(null), a.version(), text(a.anchoredAt()), a.anchoredByTx(), null);
    }

    private Optional<String> recordId() {
        return log.genesisHash().map(h -> "audit-" + h.substring(0, 32));
    }

    private Optional<Anchor> anchor(String recordId) {
        try {
            return Optional.of(ledger.getAnchor(operatorId, new GetAnchor(RECORD_TYPE, recordId)));
        } catch (LedgerRefusal refusal) {
            if (refusal.is(ErrorCode.NOT_FOUND)) {
                return Optional.empty();
            }
            throw refusal;
        }
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
