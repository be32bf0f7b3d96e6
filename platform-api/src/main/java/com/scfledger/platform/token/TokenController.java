package com.scfledger.platform.token;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.scfledger.contract.ledger.LedgerSettings;
import com.scfledger.contract.payable.Payable;
import com.scfledger.contract.settlement.SettleToken;
import com.scfledger.contract.token.SplitTransfer;
import com.scfledger.contract.token.Token;
import com.scfledger.contract.token.TokenStatus;
import com.scfledger.platform.domain.NotPermitted;
import com.scfledger.platform.idempotency.IdempotencyService;
import com.scfledger.platform.ledger.ScfLedger;
import com.scfledger.platform.operation.LedgerWrites;
import com.scfledger.platform.security.Role;
import com.scfledger.platform.security.ScfPrincipal;
import com.scfledger.platform.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receivable tokens: the caller's own, one with its lineage, splitting and transferring, and
 * settling one by its obligor. The token rules (conservation, who may split, maturity, tiers) are
 * the chaincode's; this controller checks only that the caller may see the token, then lets the
 * ledger decide and reports its code.
 */
@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "Tokens", description = "Receivables held by suppliers and banks")
@Validated
class TokenController {

    static final String ID = "^[A-Za-z0-9._-]{1,128}$";

    record SplitOutput(@NotBlank @Pattern(regexp = "^[A-Za-z0-9._-]{1,64}$") String recipient,
                       @NotNull Long amountMinor) {
    }

    /** Outputs of a split; a remainder kept by the holder is an explicit output to itself. */
    record SplitRequest(@NotNull @Size(min = 1, max = LedgerSettings.MAX_OUTPUTS_LIMIT)
                        List<@Valid @NotNull SplitOutput> outputs) {

        SplitTransfer toLedger(String tokenId) {
            return new SplitTransfer(tokenId, outputs.stream()
                    .map(o -> new com.scfledger.contract.token.SplitOutput(o.recipient(), o.amountMinor())).toList());
        }
    }

    record SettleRequest(@NotBlank @Pattern(regexp = "^[A-Za-z0-9._:/-]{1,128}$",
            message = "1-128 characters: letters, digits, . _ : / -") String paymentReference) {
    }

    record TokenWithLineage(TokenView token, List<TokenView> lineage) {
    }

    record SplitResult(String tokenId, String transactionId, long blockNumber, TokenView spent, List<TokenView> created) {
    }

    record SettleResult(String transactionId, long blockNumber, List<TokenView> tokens, List<Payable> payables) {
    }

    private final TokenReads reads;
    private final TokenHistory history;
    private final LedgerWrites writes;
    private final ScfLedger ledger;
    private final SplitLimit splitLimit;

    TokenController(TokenReads reads, TokenHistory history, LedgerWrites writes, ScfLedger ledger,
                    SplitLimit splitLimit) {
        this.history = history;
        this.ledger = ledger;
        this.splitLimit = splitLimit;
        this.reads = reads;
        this.writes = writes;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('SCOPE_tokens:read')")
    @Operation(summary = "Tokens the caller's enterprise holds (auditors: anyone's)",
            description = "By default the live ones (not SPENT or REJECTED). Sort by maturityDate, amountMinor, createdAt, "
                    + "updatedAt, tokenId, tier, status or obligorId; prefix '-' (or add ',desc') for descending.")
    PageResult<TokenView> list(
            @RequestParam(required = false) List<@NotNull(message = "must not be blank") TokenStatus> status,
            @RequestParam(required = false) String obligorId,
            @RequestParam(required = false) String payableId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate maturityFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate maturityTo,
            @Parameter(description = "auditors only; others always list their own")
            @RequestParam(required = false) String holderId,
            @RequestParam(required = false) List<String> sort,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
            @AuthenticationPrincipal ScfPrincipal caller) {
        String holder = caller.role() == Role.AUDITOR ? holderId : caller.enterpriseId();
        if (caller.role() != Role.AUDITOR && holderId != null && !holderId.equals(caller.enterpriseId())) {
            throw new NotPermitted("Only your own enterprise's tokens can be listed.");
        }
        if (holder == null && caller.role() != Role.AUDITOR) {
            throw new NotPermitted("This caller acts for no enterprise.");
        }
        return reads.list(new TokenReads.Filter(holder, names(status), obligorId, payableId, maturityFrom, maturityTo),
                sort, page, size);
    }

    @GetMapping("/{tokenId}")
    @PreAuthorize("hasAuthority('SCOPE_tokens:read')")
    @Operation(summary = "A token and its lineage: the path of parents back to its payable's root token")
    TokenWithLineage get(@PathVariable @Pattern(regexp = ID) String tokenId, @AuthenticationPrincipal ScfPrincipal caller) {
        List<TokenView> lineage = reads.lineage(tokenId); // the token first: one query for both
        if (!lineage.isEmpty() && reads.visibleTo(lineage.get(0), caller)) {
            return new TokenWithLineage(lineage.get(0), lineage);
        }
        TokenView token = reads.requireVisible(tokenId, caller); // 404, or committed but not projected yet
        return new TokenWithLineage(token, List.of(token));
    }

    @GetMapping("/{tokenId}/history")
    @PreAuthorize("hasAuthority('SCOPE_tokens:read')")
    @Operation(summary = "Every version of the token on the ledger, newest first (GetHistory)",
            description = "Each entry names the transaction that wrote the version, its timestamp, who signed it (MSP and "
                    + "certificate CN, read from its block) and the token as it left it. Auditors and the token's own "
                    + "parties (holder, obligor, the bank and applicant of its financing) may read it; for anyone else "
                    + "the token does not exist (404 NOT_FOUND).")
    List<TokenHistory.Entry> history(@PathVariable @Pattern(regexp = ID) String tokenId,
                                     @AuthenticationPrincipal ScfPrincipal caller) {
        return history.of(tokenId, caller);
    }

    @PostMapping("/{tokenId}/split")
    @PreAuthorize("hasAuthority('SCOPE_tokens:write')")
    @Operation(summary = "Split the token and transfer the parts (SplitTransfer)",
            description = "Spends the token and creates one child per output, atomically; outputs must sum exactly to the "
                    + "token's amount (integer minor units). The holder keeps a remainder by naming itself. An "
                    + "Idempotency-Key makes retries safe. Refusals carry the chaincode's code: CONSERVATION_VIOLATED 422, "
                    + "TOKEN_NOT_ACTIVE 409, UNAUTHORIZED 403, MVCC_READ_CONFLICT 409 with Retry-After.")
    ResponseEntity<SplitResult> split(@PathVariable @Pattern(regexp = ID) String tokenId,
                            @RequestHeader(value = IdempotencyService.HEADER, required = false) String idempotencyKey,
                            @Valid @RequestBody SplitRequest request,
                            @AuthenticationPrincipal ScfPrincipal caller) {
        reads.requireVisible(tokenId, caller);
        splitLimit.check(caller.enterpriseId(), request.outputs().size());
        return writes.run(caller, idempotencyKey, request,
                requestId -> ledger.splitTransfer(caller.enterpriseId(), request.toLedger(tokenId), requestId),
                committed -> {
                    TokenView spent = null;
                    List<TokenView> created = new ArrayList<>();
                    for (Token t : committed.event().tokens()) {
                        TokenView v = TokenView.fromLedger(t);
                        if (v.tokenId().equals(tokenId)) {
                            spent = v;
                        } else {
                            created.add(v);
                        }
                    }
                    return ResponseEntity.status(HttpStatus.CREATED).body(new SplitResult(tokenId,
                            committed.transactionId(), committed.blockNumber(), spent, created));
                });
    }

    @PostMapping("/{tokenId}/settle")
    @PreAuthorize("hasRole('CORE') and hasAuthority('SCOPE_payables:write')")
    @Operation(summary = "Record the obligor's payment of one token (SettleToken), on or after maturity",
            description = "NOT_MATURED 422 before the maturity date; TOKEN_NOT_ACTIVE 409 unless the token is ACTIVE or "
                    + "FINANCED.")
    ResponseEntity<SettleResult> settle(@PathVariable @Pattern(regexp = ID) String tokenId,
                             @RequestHeader(value = IdempotencyService.HEADER, required = false) String idempotencyKey,
                             @Valid @RequestBody SettleRequest request,
                             @AuthenticationPrincipal ScfPrincipal caller) {
        reads.requireVisible(tokenId, caller);
        return writes.run(caller, idempotencyKey, request,
                requestId -> ledger.settleToken(caller.enterpriseId(), new SettleToken(tokenId, request.paymentReference()),
                        requestId),
                committed -> {
                    List<TokenView> tokens = new ArrayList<>();
                    committed.event().tokens().forEach(t -> tokens.add(TokenView.fromLedger(t)));
                    return ResponseEntity.ok(new SettleResult(committed.transactionId(), committed.blockNumber(), tokens,
                            committed.event().payables()));
                });
    }

    private static List<String> names(List<? extends Enum<?>> values) {
        return values == null ? List.of() : values.stream().map(Enum::name).toList();
    }
}
