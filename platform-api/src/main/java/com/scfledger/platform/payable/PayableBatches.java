package com.scfledger.platform.payable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;

import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.payable.GetPayable;
import com.scfledger.contract.payable.Payable;
import com.scfledger.contract.payable.RegisterPayables;
import com.scfledger.platform.domain.DomainException;
import com.scfledger.platform.domain.NotPermitted;
import com.scfledger.platform.domain.Reason;
import com.scfledger.platform.ledger.Committed;
import com.scfledger.platform.ledger.LedgerFailure;
import com.scfledger.platform.ledger.LedgerRefusal;
import com.scfledger.platform.ledger.RequestId;
import com.scfledger.platform.ledger.ScfLedger;
import com.scfledger.platform.problem.ApiProblem;
import org.springframework.stereotype.Service;

/**
 * Registers valid payables a batch at a time through RegisterPayables, for the CSV import and the bulk endpoint.
 * The chaincode's batch is all or none, so a refused item would sink its batch-mates: when the refusal names an
 * item, that item gets the refusal as its outcome and the rest is submitted again without it.
 *
 * <p>Each item's request id is derived from the enterprise and its payable id ({@link #itemRequestId}), so a
 * payable sent again (a retried request, the same file uploaded twice, a job resumed after a restart) is refused by
 * the ledger as a used request or an existing payable, and reported ALREADY_REGISTERED when the ledger holds it
 * with the same terms: never registered twice.
 */
@Service
class PayableBatches {

    private static final int ATTEMPTS = 4;

    /** What became of one item. */
    record Outcome(ImportRowStatus status, String code, String detail, String transactionId, Long blockNumber) {

        static Outcome failed(String code, String detail) {
            return new Outcome(ImportRowStatus.FAILED, code, detail, null, null);
        }
    }

    private final ScfLedger ledger;

    PayableBatches(ScfLedger ledger) {
        this.ledger = ledger;
    }

    /** The chaincode request id of an enterprise's payable: the same payable always gets the same one. */
    static String itemRequestId(String enterpriseId, String payableId) {
        return "csv-" + digest("csv-import\n" + enterpriseId + "\n" + payableId);
    }

    /** A batch's own request id follows from its items, so a retry of exactly this batch is confirmed, not redone. */
    static RequestId batchRequestId(List<RegisterPayables.Item> items) {
        StringBuilder ids = new StringBuilder("payable-batch");
        for (RegisterPayables.Item item : items) {
            ids.append('\n').append(item.requestId());
        }
        return RequestId.of("batch-" + digest(ids.toString()));
    }

    /** Refuses an enterprise whose writes its own client signs: a batch has no client here to sign it. */
    void requirePlatformCustody(String enterpriseId) {
        if (ledger.signsOwnWrites(enterpriseId)) {
            throw new NotPermitted(Reason.SELF_CUSTODY, "Enterprise " + enterpriseId + " signs its own ledger writes, "
                    + "so it registers payables one at a time (POST /api/v1/payables), signing each through a signing "
                    + "session; bulk registration and CSV import sign with keys the platform holds.");
        }
    }

    /**
     * Registers up to {@link RegisterPayables#MAX_ITEMS} payables, all valid in form, and answers each one's outcome
     * in the same order; an outcome is null only for an item left undone because the thread was interrupted while
     * waiting out an outage (the API is shutting down).
     */
    List<Outcome> register(String enterpriseId, List<RegisterPayableRequest> requests) {
        if (requests.size() > RegisterPayables.MAX_ITEMS) {
            throw new IllegalArgumentException("at most " + RegisterPayables.MAX_ITEMS + " payables per batch");
        }
        Outcome[] outcomes = new Outcome[requests.size()];
        List<Integer> remaining = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            remaining.add(i);
        }
        int outages = 0;
        while (!remaining.isEmpty()) {
            List<RegisterPayables.Item> items = remaining.stream().map(i -> new RegisterPayables.Item(
                    requests.get(i).toLedger(), itemRequestId(enterpriseId, requests.get(i).payableId()))).toList();
            try {
                Committed committed = ledger.registerPayables(enterpriseId, new RegisterPayables(items),
                        batchRequestId(items));
                ImportRowStatus status = committed.confirmedFromLedger()
                        ? ImportRowStatus.ALREADY_REGISTERED : ImportRowStatus.REGISTERED;
                for (int i : remaining) {
                    outcomes[i] = new Outcome(status, null, null, committed.transactionId(), committed.blockNumber());
                }
                return Arrays.asList(outcomes);
            } catch (LedgerRefusal refusal) {
                OptionalInt position = RegisterPayables.refusedItem(refusal.detail());
                if (position.isEmpty() || position.getAsInt() >= remaining.size()) {
                    ApiProblem p = ApiProblem.answerTo(refusal);
                    remaining.forEach(i -> outcomes[i] = Outcome.failed(p.code(), p.detail()));
                    return Arrays.asList(outcomes);
                }
                int refused = remaining.remove(position.getAsInt());
                outcomes[refused] = itemRefused(enterpriseId, requests.get(refused), refusal);
            } catch (ApiProblem | DomainException | LedgerFailure failure) {
                ApiProblem p = ApiProblem.answerTo(failure);
                if (!p.retryable() || ++outages >= ATTEMPTS) {
                    remaining.forEach(i -> outcomes[i] = Outcome.failed(p.code(), p.detail()));
                    return Arrays.asList(outcomes);
                }
                if (!pause(p.retryAfterSeconds(), outages)) {
                    return Arrays.asList(outcomes); // shutting down: the rest is left undone
                }
            }
        }
        return Arrays.asList(outcomes);
    }

    /** The outcome of an item the chaincode refused; a payable that is there already may be this item's own. */
    private Outcome itemRefused(String enterpriseId, RegisterPayableRequest request, LedgerRefusal refusal) {
        String detail = refusal.detail().substring(refusal.detail().indexOf(": ") + 2);
        if (refusal.is(ErrorCode.DUPLICATE_REQUEST, ErrorCode.ALREADY_EXISTS)) {
            return alreadyThere(enterpriseId, request, refusal.code(), detail);
        }
        return Outcome.failed(refusal.code(), detail);
    }

    /**
     * The ledger has this payable already (this item's request did it before, or another request registered the
     * same id): the item is done if the payable there has this item's terms.
     */
    Outcome alreadyThere(String enterpriseId, RegisterPayableRequest request, String code, String detail) {
        Payable onLedger;
        try {
            onLedger = ledger.getPayable(enterpriseId, new GetPayable(enterpriseId, request.payableId()));
        } catch (ApiProblem | DomainException | LedgerFailure unreadable) {
            return Outcome.failed(code, detail);
        }
        boolean same = onLedger.beneficiaryId().equals(request.beneficiaryId())
                && onLedger.amount() == request.amountMinor() && onLedger.currency().equals(request.currency())
                && onLedger.maturityDate().equals(request.maturityDate());
        if (same) {
            return new Outcome(ImportRowStatus.ALREADY_REGISTERED, code, "Registered before, by transaction "
                    + onLedger.registeredByTx() + ".", onLedger.registeredByTx(), null);
        }
        return Outcome.failed(ErrorCode.ALREADY_EXISTS.name(), "Payable " + request.payableId()
                + " is already registered with other terms.");
    }

    private static boolean pause(Integer retryAfterSeconds, int attempt) {
        int seconds = retryAfterSeconds == null ? 1 : Math.min(retryAfterSeconds, 5);
        try {
            Thread.sleep(seconds * 1000L * attempt);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String digest(String text) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
