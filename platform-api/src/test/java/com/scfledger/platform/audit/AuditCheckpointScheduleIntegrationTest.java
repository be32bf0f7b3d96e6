package com.scfledger.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.scfledger.contract.ErrorCode;
import com.scfledger.platform.IntegrationTestBase;
import com.scfledger.platform.ScriptedLedger;
import com.scfledger.platform.ledger.LedgerRefusal;
import com.scfledger.platform.ledger.LedgerResult;
import com.scfledger.platform.verify.Canonical;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The timed audit checkpoint, driven by hand (the test profile keeps its timer from firing): it anchors the head once
 * enough entries accumulated, not before, and the same head never twice. The ledger is scripted to remember the last
 * anchor, as the chaincode would.
 */
class AuditCheckpointScheduleIntegrationTest extends IntegrationTestBase {

    private static final int EVERY = 50;
    /** Well below EVERY, so that the entries other tests' requests may still append meanwhile do not make it due. */
    private static final int FEW = 10;

    @Autowired
    AuditLog auditLog;

    @Autowired
    AuditCheckpoints checkpoints;

    private final AtomicReference<String> anchoredHash = new AtomicReference<>();
    private AuditCheckpointSchedule schedule;

    @BeforeEach
    void setUp() {
        ledger.reset();
        ledger.answer(call -> switch (call.transaction()) {
            case "GetAnchor" -> anchor(call);
            case "AnchorRecord" -> {
                anchoredHash.set(call.args().get(2));
                yield ScriptedLedger.ok(call);
            }
            default -> ScriptedLedger.ok(call);
        });
        append(EVERY); // the log has at least this many entries, none anchored yet
        schedule = new AuditCheckpointSchedule(auditLog, checkpoints,
                Clock.fixed(Instant.parse("2026-01-05T09:00:00Z"), ZoneOffset.UTC), EVERY, Duration.ofDays(1));
    }

    @Test
    void anchorsTheHeadOnceEnoughEntriesAccumulatedAndTheSameHeadNeverTwice() {
        assertThat(schedule.checkpointIfDue()).isTrue();
        assertThat(anchoredHash.get()).isEqualTo(auditLog.head().orElseThrow().hash());
        assertThat(schedule.checkpointIfDue()).as("the same head again").isFalse();

        append(FEW);
        assertThat(schedule.checkpointIfDue()).as("%d new entries, fewer than %d", FEW, EVERY).isFalse();
        assertThat(ledger.count("AnchorRecord")).isEqualTo(1);

        append(EVERY - FEW);
        assertThat(schedule.checkpointIfDue()).isTrue();
        assertThat(ledger.count("AnchorRecord")).isEqualTo(2);
        assertThat(anchoredHash.get()).isEqualTo(auditLog.head().orElseThrow().hash());
    }

    @Test
    void aFreshScheduleStartsFromTheLedgersLastCheckpointNotFromTheBeginningOfTheLog() {
        assertThat(schedule.checkpointIfDue()).isTrue();
        append(FEW);

        AuditCheckpointSchedule restarted = new AuditCheckpointSchedule(auditLog, checkpoints,
                Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC), EVERY, Duration.ofDays(1));
        assertThat(restarted.checkpointIfDue()).isFalse();
        assertThat(ledger.count("AnchorRecord")).isEqualTo(1);
    }

    private LedgerResult anchor(ScriptedLedger.Call call) {
        String hash = anchoredHash.get();
        if (hash == null) {
            throw new LedgerRefusal(ErrorCode.NOT_FOUND, "no anchor " + call.args());
        }
        String json = Canonical.json(Map.of("recordType", call.args().get(0), "recordId", call.args().get(1),
                "sha256", hash, "version", (int) ledger.count("AnchorRecord"), "anchoredAt", "2026-01-05T09:00:00Z",
                "anchoredByTx", "tx-anchor", "anchoredBy", "PlatformMSP"));
        return new LedgerResult("", 0, json.getBytes(StandardCharsets.UTF_8));
    }

    private void append(int entries) {
        List<AuditEntry> drafts = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            drafts.add(new AuditEntry(0, null, "USER", "u-schedule", "someone", "CORE_ADMIN", "CHECKPOINT-TEST",
                    "POST /api/v1/payables", Canonical.json(Map.of("path", "/api/v1/payables")), "SUCCESS", 201,
                    null, "[]", null, null));
        }
        auditLog.appendAll(drafts);
    }
}
