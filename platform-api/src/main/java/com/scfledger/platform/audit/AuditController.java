package com.scfledger.platform.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "The append-only, hash-chained log of every write")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'AUDITOR')")
@Validated
class AuditController {

    /**
     * An audited write as data: {@code action} is the method and the route ("POST /api/v1/tokens/{tokenId}/split"),
     * {@code target} the request's path, its variables and what the handler noted (ids, hashes), so a screen words
     * it in its reader's language.
     */
    record EntryView(long seq, Instant occurredAt, String actorKind, String actorId, String actorName, String actorRole,
                     String enterpriseId, String action, Map<String, Object> target, String outcome, int httpStatus,
                     String problemCode, List<LedgerTransaction> ledgerTransactions, String prevHash, String hash) {
    }

    /** A ledger transaction the write submitted, and whether it committed. */
    record LedgerTransaction(String transaction, String transactionId, boolean committed) {
    }

    private static final TypeReference<Map<String, Object>> TARGET = new TypeReference<>() { };
    private static final TypeReference<List<LedgerTransaction>> TRANSACTIONS = new TypeReference<>() { };

    private final AuditLog auditLog;
    private final AuditCheckpoints checkpoints;
    private final JsonMapper json;

    AuditController(AuditLog auditLog, AuditCheckpoints checkpoints, JsonMapper json) {
        this.auditLog = auditLog;
        this.checkpoints = checkpoints;
        this.json = json;
    }

    @GetMapping("/entries")
    @Operation(summary = "Audit entries, newest first (page with beforeSeq)")
    List<EntryView> entries(
            @Parameter(description = "only entries with a smaller seq") @RequestParam(required = false) Long beforeSeq,
            @RequestParam(required = false) @Size(max = 64) String enterpriseId,
            @Parameter(description = "only entries by this actor: its id or name, exactly (case ignored)")
            @RequestParam(required = false) @Size(max = 100) String actor,
            @Parameter(description = "only entries whose action (method and route) contains this text, e.g. 'split'")
            @RequestParam(required = false) @Size(max = 300) String action,
            @Parameter(description = "only entries that occurred at or after this instant (ISO 8601)")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @Parameter(description = "only entries that occurred before this instant (ISO 8601)")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return auditLog.list(new AuditLog.Query(beforeSeq, enterpriseId, actor, action, from, to), limit).stream()
                .map(e -> new EntryView(e.seq(), e.occurredAt(), e.actorKind(), e.actorId(), e.actorName(), e.actorRole(),
                        e.enterpriseId(), e.action(), json.readValue(e.target(), TARGET), e.outcome(), e.httpStatus(),
                        e.problemCode(), json.readValue(e.ledgerTxIds(), TRANSACTIONS), e.prevHash(), e.hash()))
                .toList();
    }

    @GetMapping("/verification")
    @Operation(summary = "Verify the whole hash chain",
            description = "status INTACT, or BROKEN with firstBroken: the first entry whose stored hash does not match its "
                    + "fields (ENTRY_ALTERED), whose prevHash does not match the entry before it (CHAIN_BROKEN), "
                    + "whose seq skips one (SEQUENCE_GAP), or, when the chain itself holds, the place after the last "
                    + "entry when the ledger's last checkpoint is no longer in the log (CHECKPOINT_MISSING: entries "
                    + "were removed from its end). checkpoint tells what the ledger holds.")
    AuditLog.ChainVerification verify() {
        return checkpoints.verifyChain();
    }

    @PostMapping("/checkpoints")
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Operation(summary = "Anchor the log's current head on the ledger (AUDIT_LOG/audit-<log id>), so that entries removed "
            + "from its end can be noticed later")
    AuditCheckpoints.Checkpoint checkpoint() {
        return checkpoints.anchorHead();
    }
}
