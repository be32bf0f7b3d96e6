package com.scfledger.platform.payable;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.scfledger.contract.payable.AcceptPayable;
import com.scfledger.contract.payable.Payable;
import com.scfledger.contract.payable.PayableStatus;
import com.scfledger.contract.payable.RejectPayable;
import com.scfledger.contract.settlement.SettlePayable;
import com.scfledger.platform.domain.InvalidInput;
import com.scfledger.platform.domain.NotPermitted;
import com.scfledger.platform.idempotency.IdempotencyService;
import com.scfledger.platform.ledger.Committed;
import com.scfledger.platform.ledger.RequestId;
import com.scfledger.platform.ledger.ScfLedger;
import com.scfledger.platform.operation.LedgerWrites;
import com.scfledger.platform.security.Role;
import com.scfledger.platform.security.ScfPrincipal;
import com.scfledger.platform.token.TokenReads;
import com.scfledger.platform.token.TokenView;
import com.scfledger.platform.web.CurrencyCode;
import com.scfledger.platform.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
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

@RestController
@RequestMapping("/api/v1/payables")
@Tag(name = "Payables", description = "Core enterprises and their ERP register and settle what they owe; suppliers accept")
@Validated
class PayableController {

    static final String ID = "^[A-Za-z0-9._-]{1,64}$";

    record RegisteredPayable(String payableId, String obligorId, String beneficiaryId, long amountMinor, String currency,
                             LocalDate maturityDate, PayableStatus status, String transactionId, long blockNumber,
                             Map<String, Object> ledger) {
    }

    record TreeNode(TokenView token, List<TreeNode> children) {
    }

    /**
     * @param tokens the payable's tokens the caller may see (all of them for its obligor and auditors), root first
     * @param tree   the same tokens nested under their parents
     */
    record PayableDetail(PayableView payable, List<TokenView> tokens, List<TreeNode> tree) {
    }

    record SettleRequest(@NotBlank @Pattern(regexp = "^[A-Za-z0-9._:/-]{1,128}$",
            message = "1-128 characters: letters, digits, . _ : / -") String paymentReference) {
    }

    record Changed(String transactionId, long blockNumber, PayableView payable, List<TokenView> tokens) {
    }

    private final LedgerWrites writes;
    private final ScfLedger ledger;
    private final PayableReads reads;
    private final TokenReads tokens;
    private final tools.jackson.databind.json.JsonMapper json;

    PayableController(LedgerWrites writes, ScfLedger ledger, PayableReads reads, TokenReads tokens,
                      tools.jackson.databind.json.JsonMapper json) {
        this.writes = writes;
        this.ledger = ledger;
        this.reads = reads;
        this.tokens = tokens;
        this.json = json;
    }

    @PostMapping
    @PreAuthorize("hasRole('CORE') and hasAuthority('SCOPE_payables:write')")
    @Operation(summary = "Register a payable and its root token, pending the beneficiary's acceptance",
            description = "Requires an Idempotency-Key: the same key and body replay the stored response, a different "
                    + "body under the same key is refused with 422, and a retry while the first is running gets 409.")
    ResponseEntity<RegisteredPayable> register(
            @Parameter(description = "1-255 printable ASCII characters, unique per request; kept 24 hours")
            @RequestHeader(IdempotencyService.HEADER) String idempotencyKey,
            @Valid @RequestBody RegisterPayableRequest request,
            @AuthenticationPrincipal ScfPrincipal caller) {
        return writes.run(caller, idempotencyKey, request,
                requestId -> ledger.registerPayable(caller.enterpriseId(), request.toLedger(), requestId),
                committed -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> returned = json.convertValue(committed.event(), LinkedHashMap.class);
                    RegisteredPayable body = new RegisteredPayable(request.payableId(), caller.enterpriseId(),
                            request.beneficiaryId(), request.amountMinor(), request.currency(), request.maturityDate(),
                            PayableStatus.PENDING_ACCEPTANCE, committed.transactionId(), committed.blockNumber(), returned);
                    return ResponseEntity.status(HttpStatus.CREATED)
                            .location(URI.create("/api/v1/payables/" + request.payableId()))
                            .body(body);
                });
    }

    @GetMapping
    @PreAuthorize("hasAuthority('SCOPE_payables:read')")
    @Operation(summary = "Payables of the caller's enterprise: owed by it (CORE) or to it (SUPPLIER); auditors see all",
            description = "Filter by status, counterparty, maturity range and currency; sort by maturityDate, amountMinor, "
                    + "registeredAt, updatedAt, payableId, status, beneficiaryId, obligorId or issueDate ('-field' or "
                    + "'field,desc' for descending); page from 0.")
    PageResult<PayableView> list(
            @RequestParam(required = false) List<@NotNull(message = "must not be blank") PayableStatus> status,
            @RequestParam(required = false) String beneficiaryId,
            @RequestParam(required = false) String obligorId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate maturityFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate maturityTo,
            @RequestParam(required = false) @CurrencyCode String currency,
            @RequestParam(required = false) List<String> sort,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
            @AuthenticationPrincipal ScfPrincipal caller) {
        String obligor = obligorId;
        String beneficiary = beneficiaryId;
        if (caller.role() == Role.CORE) {
            requireOwn(obligorId, caller, "obligorId");
            obligor = caller.enterpriseId();
        } else if (caller.role() == Role.SUPPLIER) {
            requireOwn(beneficiaryId, caller, "beneficiaryId");
            beneficiary = caller.enterpriseId();
        } else if (caller.role() != Role.AUDITOR) {
            throw new NotPermitted("Not allowed for this caller.");
        }
        return reads.list(new PayableReads.Filter(obligor, beneficiary, names(status), maturityFrom, maturityTo, currency),
                sort, page, size);
    }

    @GetMapping("/{payableId}")
    @PreAuthorize("hasAuthority('SCOPE_payables:read')")
    @Operation(summary = "A payable with its token tree")
    PayableDetail get(@PathVariable @Pattern(regexp = ID) String payableId,
                      @Parameter(description = "the obligor; defaults to the caller's own enterprise")
                      @RequestParam(required = false) @Pattern(regexp = ID) String obligorId,
                      @AuthenticationPrincipal ScfPrincipal caller) {
        String obligor = obligorOrSelf(obligorId, caller);
        PayableView payable = reads.requireVisible(obligor, payableId, caller);
        List<TokenView> all = tokens.ofPayable(obligor, payableId);
        boolean seesAll = caller.role() == Role.AUDITOR || obligor.equals(caller.enterpriseId());
        List<TokenView> visible = seesAll ? all : all.stream().filter(t -> tokens.visibleTo(t, caller)).toList();
        return new PayableDetail(payable, visible, tree(visible));
    }

    @PostMapping("/{payableId}/accept")
    @PreAuthorize("hasRole('SUPPLIER') and hasAuthority('SCOPE_tokens:write')")
    @Operation(summary = "The beneficiary accepts the payable (AcceptPayable): its root token becomes ACTIVE")
    ResponseEntity<Changed> accept(@PathVariable @Pattern(regexp = ID) String payableId,
                             @RequestParam @Pattern(regexp = ID) String obligorId,
                             @RequestHeader(value = IdempotencyService.HEADER, required = false) String idempotencyKey,
                             @AuthenticationPrincipal ScfPrincipal caller) {
        return decide(payableId, obligorId, idempotencyKey, caller,
                requestId -> ledger.acceptPayable(caller.enterpriseId(), new AcceptPayable(obligorId, payableId), requestId));
    }

    @PostMapping("/{payableId}/reject")
    @PreAuthorize("hasRole('SUPPLIER') and hasAuthority('SCOPE_tokens:write')")
    @Operation(summary = "The beneficiary rejects the payable (RejectPayable): payable and root token end REJECTED")
    ResponseEntity<Changed> reject(@PathVariable @Pattern(regexp = ID) String payableId,
                             @RequestParam @Pattern(regexp = ID) String obligorId,
                             @RequestHeader(value = IdempotencyService.HEADER, required = false) String idempotencyKey,
                             @AuthenticationPrincipal ScfPrincipal caller) {
        return decide(payableId, obligorId, idempotencyKey, caller,
                requestId -> ledger.rejectPayable(caller.enterpriseId(), new RejectPayable(obligorId, payableId), requestId));
    }

    private ResponseEntity<Changed> decide(String payableId, String obligorId, String idempotencyKey,
                                           ScfPrincipal caller, Function<RequestId, Committed> write) {
        reads.requireVisible(obligorId, payableId, caller);
        return writes.run(caller, idempotencyKey, null, write, committed -> ResponseEntity.ok(changed(committed)));
    }

    @PostMapping("/{payableId}/settle")
    @PreAuthorize("hasRole('CORE') and hasAuthority('SCOPE_payables:write')")
    @Operation(summary = "Record the obligor's payment of the whole payable (SettlePayable), on or after maturity",
            description = "Settles every ACTIVE or FINANCED token of it. NOT_MATURED 422 before the maturity date; "
                    + "INVALID_STATE 409 unless the payable is ACCEPTED.")
    ResponseEntity<Changed> settle(@PathVariable @Pattern(regexp = ID) String payableId,
                             @RequestHeader(value = IdempotencyService.HEADER, required = false) String idempotencyKey,
                             @Valid @RequestBody SettleRequest request,
                             @AuthenticationPrincipal ScfPrincipal caller) {
        reads.requireVisible(caller.enterpriseId(), payableId, caller);
        return writes.run(caller, idempotencyKey, request,
                requestId -> ledger.settlePayable(caller.enterpriseId(),
                        new SettlePayable(payableId, request.paymentReference()), requestId),
                committed -> ResponseEntity.ok(changed(committed)));
    }

    private static Changed changed(Committed committed) {
        List<Payable> payables = committed.event().payables();
        PayableView payable = payables.isEmpty() ? null : PayableView.fromLedger(payables.get(0));
        List<TokenView> changedTokens = new ArrayList<>();
        committed.event().tokens().forEach(t -> changedTokens.add(TokenView.fromLedger(t)));
        return new Changed(committed.transactionId(), committed.blockNumber(), payable, changedTokens);
    }

    private static String obligorOrSelf(String obligorId, ScfPrincipal caller) {
        if (obligorId != null) {
            return obligorId;
        }
        if (caller.enterpriseId() == null) {
            throw new InvalidInput("obligorId", "obligorId is required for this caller.");
        }
        return caller.enterpriseId();
    }

    private static void requireOwn(String given, ScfPrincipal caller, String field) {
        if (given != null && !given.equals(caller.enterpriseId())) {
            throw new NotPermitted("A " + caller.role() + " lists only its own payables (" + field + ").");
        }
    }

    static List<TreeNode> tree(List<TokenView> tokens) {
        Map<String, List<TokenView>> byParent = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        tokens.forEach(t -> ids.add(t.tokenId()));
        List<TokenView> roots = new ArrayList<>();
        for (TokenView t : tokens) {
            if (t.parentId() == null || !ids.contains(t.parentId())) {
                roots.add(t);
            } else {
                byParent.computeIfAbsent(t.parentId(), k -> new ArrayList<>()).add(t);
            }
        }
        List<TreeNode> out = new ArrayList<>();
        roots.forEach(r -> out.add(node(r, byParent, 0)));
        return out;
    }

    private static TreeNode node(TokenView t, Map<String, List<TokenView>> byParent, int depth) {
        List<TreeNode> children = new ArrayList<>();
        if (depth < 1000) {
            byParent.getOrDefault(t.tokenId(), List.of()).forEach(c -> children.add(node(c, byParent, depth + 1)));
        }
        return new TreeNode(t, children);
    }

    private static List<String> names(List<? extends Enum<?>> values) {
        return values == null ? List.of() : values.stream().map(Enum::name).toList();
    }
}
