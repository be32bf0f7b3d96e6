package com.scfledger.platform.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.scfledger.platform.domain.DomainException;
import com.scfledger.platform.ledger.LedgerFailure;
import com.scfledger.platform.problem.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Checkpoints the audit head on the ledger without anyone asking: once {@code scf.audit.checkpoint-every-entries}
 * entries were appended since the last checkpoint, or once {@code scf.audit.checkpoint-interval} passed with any new
 * entry. An entry removed from the end of the log is then noticed against the ledger, at most that many entries or
 * that long after it was written. Several API instances may all checkpoint the same head: its request id is derived
 * from the head's hash, so the ledger records it once.
 */
@Component
class AuditCheckpointSchedule {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpointSchedule.class);

    private final AuditLog auditLog;
    private final AuditCheckpoints checkpoints;
    private final Clock clock;
    private final long everyEntries;
    private final Duration interval;
    private long anchoredSeq = -1;
    private Instant anchoredAt;

    AuditCheckpointSchedule(AuditLog auditLog, AuditCheckpoints checkpoints, Clock clock,
                            @Value("${scf.audit.checkpoint-every-entries:1000}") long everyEntries,
                            @Value("${scf.audit.checkpoint-interval:PT1H}") Duration interval) {
        this.auditLog = auditLog;
        this.checkpoints = checkpoints;
        this.clock = clock;
        this.everyEntries = everyEntries;
        this.interval = interval;
        this.anchoredAt = clock.instant();
    }

    @Scheduled(fixedDelayString = "${scf.audit.checkpoint-check-every:PT30S}",
            initialDelayString = "${scf.audit.checkpoint-check-every:PT30S}")
    void checkpointWhenDue() {
        try {
            checkpointIfDue();
        } catch (ApiProblem | DomainException | LedgerFailure | DataAccessException e) {
            log.warn("audit checkpoint not taken now, retried at the next check: {}", e.getMessage());
        }
    }

    /** Anchors the head when enough entries or enough time accumulated since the last checkpoint; true if it did. */
    synchronized boolean checkpointIfDue() {
        AuditLog.Head head = auditLog.head().orElse(null);
        if (head == null) {
            return false;
        }
        if (anchoredSeq < 0) {
            AuditCheckpoints.CheckpointCheck last = checkpoints.check();
            anchoredSeq = last.seq() == null ? 0 : last.seq();
        }
        long pending = head.seq() - anchoredSeq;
        boolean due = pending >= everyEntries || pending > 0 && !anchoredAt.plus(interval).isAfter(clock.instant());
        if (!due) {
            return false;
        }
        AuditCheckpoints.Checkpoint c = checkpoints.anchorHead();
        anchoredSeq = c.seq();
        anchoredAt = clock.instant();
        log.info("audit head {} (entry {}) checkpointed on the ledger by {}", c.hash(), c.seq(), c.anchoredByTx());
        return true;
    }
}
