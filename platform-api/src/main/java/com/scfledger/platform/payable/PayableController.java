package com.scfledger.platform.payable;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import com.scfledger.platform.idempotency.IdempotencyService;
import com.scfledger.platform.idempotency.IdempotentRequest;
import com.scfledger.platform.ledger.LedgerClient;
import com.scfledger.platform.ledger.LedgerResult;
import com.scfledger.platform.security.ScfPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/payables")
@Tag(name = "Payables", description = "Core enterprises and their ERP register what they owe")
class PayableController {

    static final String REGISTER_TRANSACTION = "RegisterPayable";

    record RegisteredPayable(String payableId, String obligorId, String beneficiaryId, long amountMinor, String currency,
                             LocalDate maturityDate, String status, String transactionId, long blockNumber,
                             Map<String, Object> ledger) {
    }

    private final IdempotencyService idempotency;
    private final LedgerClient ledger;
    private final JsonMapper json;

    PayableController(IdempotencyService idempotency, LedgerClient ledger, JsonMapper json) {
        this.idempotency = idempotency;
        this.ledger = ledger;
        this.json = json;
    }

    @PostMapping
    @PreAuthorize("hasRole('CORE') and hasAuthority('SCOPE_payables:write')")
    @Operation(summary = "Register a payable and its root token, pending the beneficiary's acceptance",
            description = "Requires an Idempotency-Key: the same key and body replay the stored response, a different "
                    + "body under the same key is refused with 422, and a retry while the first is running gets 409.")
    ResponseEntity<?> register(
            @Parameter(description = "1-255 printable ASCII characters, unique per request; kept 24 hours")
            @RequestHeader(IdempotencyService.HEADER) String idempotencyKey,
            @Valid @RequestBody RegisterPayableRequest request,
            @AuthenticationPrincipal ScfPrincipal caller) {
        IdempotentRequest idem = new IdempotentRequest(caller.idempotencyScope(), idempotencyKey,
                "POST /api/v1/payables", request);
        return idempotency.execute(idem, () -> {
            String requestId = requestId(caller.idempotencyScope(), idempotencyKey);
            LedgerResult result = ledger.submit(caller.enterpriseId(), REGISTER_TRANSACTION,
                    registerArguments(request, requestId));
            Map<String, Object> returned = parse(result.payload());
            RegisteredPayable body = new RegisteredPayable(request.payableId(), caller.enterpriseId(),
                    request.beneficiaryId(), request.amountMinor(), request.currency(), request.maturityDate(),
                    "PENDING_ACCEPTANCE", result.transactionId(), result.blockNumber(), returned);
            return ResponseEntity.status(HttpStatus.CREATED)
                    .location(URI.create("/api/v1/payables/" + request.payableId()))
                    .body(body);
        });
    }

    /** The chaincode's request id: derived from the idempotency key, so a retry after a lost answer is refused there too. */
    static String requestId(String scope, String idempotencyKey) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((scope + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
            return "idem-" + HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RegisterPayable(payableId, beneficiaryId, amount, currency, issueDate, maturityDate, invoiceFingerprints, documentHash, requestId). */
    private String[] registerArguments(RegisterPayableRequest r, String requestId) {
        return new String[] {r.payableId(), r.beneficiaryId(), Long.toString(r.amountMinor()), r.currency(),
                r.issueDate().toString(), r.maturityDate().toString(), json.writeValueAsString(r.invoiceFingerprints()),
                r.documentHash(), requestId};
    }

    private Map<String, Object> parse(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return Map.of();
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = json.readValue(payload, LinkedHashMap.class);
            return m;
        } catch (RuntimeException e) {
            return Map.of("raw", new String(payload, StandardCharsets.UTF_8));
        }
    }
}
