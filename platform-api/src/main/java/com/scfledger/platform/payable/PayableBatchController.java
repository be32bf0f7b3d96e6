package com.scfledger.platform.payable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.scfledger.contract.payable.RegisterPayables;
import com.scfledger.platform.idempotency.IdempotencyService;
import com.scfledger.platform.idempotency.IdempotentRequest;
import com.scfledger.platform.security.ScfPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/payables/batches")
@Tag(name = "Payables", description = "Core enterprises and their ERP register and settle what they owe; suppliers accept")
class PayableBatchController {

    /** Up to RegisterPayables.MAX_ITEMS payables; each is checked on its own, so a bad one does not refuse the rest. */
    record BatchRequest(@NotNull @Size(min = 1, max = RegisterPayables.MAX_ITEMS) List<RegisterPayableRequest> items) {
    }

    /**
     * @param index         the item's position in the request, from 0
     * @param status        REGISTERED, ALREADY_REGISTERED (by an earlier request with the same payable and terms),
     *                      INVALID (refused by the API before the ledger saw it) or FAILED (refused by the ledger)
     * @param code          the problem or chaincode code, when not REGISTERED
     * @param transactionId the transaction that registered it
     */
    record ItemResult(int index, String payableId, ImportRowStatus status, String code, String detail,
                      String transactionId, Long blockNumber) {
    }

    record BatchResult(int registered, int alreadyRegistered, int invalid, int failed, List<ItemResult> items) {
    }

    private final PayableBatches batches;
    private final Validator validator;
    private final IdempotencyService idempotency;

    PayableBatchController(PayableBatches batches, Validator validator, IdempotencyService idempotency) {
        this.batches = batches;
        this.validator = validator;
        this.idempotency = idempotency;
    }

    @PostMapping
    @PreAuthorize("hasRole('CORE') and hasAuthority('SCOPE_payables:write')")
    @Operation(summary = "Register up to " + RegisterPayables.MAX_ITEMS + " payables at once, each with its own outcome",
            description = "The valid items are registered in one ledger transaction (RegisterPayables); an item the "
                    + "ledger refuses is reported FAILED with the chaincode's code and the others are registered "
                    + "without it. An item that breaks a field rule is INVALID and not sent. Each item's request id "
                    + "follows from its payable id, so sending an item again never registers it twice: it is "
                    + "ALREADY_REGISTERED. The Idempotency-Key is optional; with one, a retry replays the stored "
                    + "answer. An enterprise that signs its own ledger writes (SELF custody) is refused with "
                    + "SELF_CUSTODY and registers payables one at a time through signing sessions.")
    ResponseEntity<BatchResult> register(
            @RequestHeader(value = IdempotencyService.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody BatchRequest request, @AuthenticationPrincipal ScfPrincipal caller) {
        batches.requirePlatformCustody(caller.enterpriseId());
        if (idempotencyKey == null) {
            return ResponseEntity.ok(register(caller.enterpriseId(), request.items()));
        }
        return idempotency.execute(IdempotentRequest.current(caller.idempotencyScope(), idempotencyKey, request),
                () -> ResponseEntity.ok(register(caller.enterpriseId(), request.items())));
    }

    private BatchResult register(String enterpriseId, List<RegisterPayableRequest> items) {
        ItemResult[] results = new ItemResult[items.size()];
        List<Integer> valid = new ArrayList<>();
        Map<String, Integer> firstOfPayable = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            RegisterPayableRequest item = items.get(i);
            String problem = problemWith(item, i, firstOfPayable);
            if (problem != null) {
                results[i] = new ItemResult(i, item == null ? null : item.payableId(), ImportRowStatus.INVALID,
                        "VALIDATION_FAILED", problem, null, null);
            } else {
                valid.add(i);
            }
        }
        if (!valid.isEmpty()) {
            List<PayableBatches.Outcome> outcomes = batches.register(enterpriseId,
                    valid.stream().map(items::get).toList());
            for (int k = 0; k < valid.size(); k++) {
                int i = valid.get(k);
                PayableBatches.Outcome o = outcomes.get(k);
                results[i] = o == null
                        ? new ItemResult(i, items.get(i).payableId(), ImportRowStatus.FAILED, "SERVICE_UNAVAILABLE",
                                "The API is shutting down; send the item again.", null, null)
                        : new ItemResult(i, items.get(i).payableId(), o.status(), o.code(), o.detail(),
                                o.transactionId(), o.blockNumber());
            }
        }
        List<ItemResult> all = List.of(results);
        return new BatchResult(count(all, ImportRowStatus.REGISTERED), count(all, ImportRowStatus.ALREADY_REGISTERED),
                count(all, ImportRowStatus.INVALID), count(all, ImportRowStatus.FAILED), all);
    }

    /** What is wrong with the item, null when nothing: its field rules, and a payable id an earlier item has. */
    private String problemWith(RegisterPayableRequest item, int index, Map<String, Integer> firstOfPayable) {
        if (item == null) {
            return "an item must be a payable, not null";
        }
        List<String> problems = new ArrayList<>();
        for (ConstraintViolation<RegisterPayableRequest> v : validator.validate(item)) {
            problems.add(v.getPropertyPath() + ": " + v.getMessage());
        }
        if (!problems.isEmpty()) {
            problems.sort(null);
            return String.join("; ", problems);
        }
        Integer first = firstOfPayable.putIfAbsent(item.payableId(), index);
        return first == null ? null : "payableId " + item.payableId() + " is item " + first + "'s too";
    }

    private static int count(List<ItemResult> results, ImportRowStatus status) {
        return (int) results.stream().filter(r -> r.status() == status).count();
    }
}
