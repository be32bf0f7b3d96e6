package com.scfledger.platform.operation;

import java.util.function.Function;

import com.scfledger.contract.ErrorCode;
import com.scfledger.platform.idempotency.IdempotencyService;
import com.scfledger.platform.idempotency.IdempotentRequest;
import com.scfledger.platform.ledger.Committed;
import com.scfledger.platform.ledger.LedgerRefusal;
import com.scfledger.platform.ledger.RequestId;
import com.scfledger.platform.ledger.ScfLedger;
import com.scfledger.platform.security.ScfPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Runs an HTTP request's ledger write ({@link ScfLedger}) under its {@code Idempotency-Key}: the exchange is stored
 * by {@link IdempotencyService} and the chaincode's request id is derived from the key, so a retry acts at most
 * once even when the first answer was lost. Without a key the write gets a fresh request id.
 */
@Service
public class LedgerWrites {

    private final IdempotencyService idempotency;

    LedgerWrites(IdempotencyService idempotency) {
        this.idempotency = idempotency;
    }

    /**
     * @param idempotencyKey the request's Idempotency-Key, or null
     * @param body           the parsed request body (fingerprinted with the matched route), or null
     * @param write          the {@link ScfLedger} call, given the request id to use
     * @param respond        the HTTP answer built from the transaction's result
     */
    public <T> ResponseEntity<T> run(ScfPrincipal caller, String idempotencyKey, Object body,
                                     Function<RequestId, Committed> write, Function<Committed, ResponseEntity<T>> respond) {
        if (idempotencyKey == null) {
            return respond.apply(write.apply(RequestId.fresh()));
        }
        IdempotentRequest request = IdempotentRequest.current(caller.idempotencyScope(), idempotencyKey,
                body == null ? JsonNodeFactory.instance.objectNode() : body);
        return idempotency.execute(request, () -> respond.apply(withResult(
                write.apply(RequestId.forIdempotencyKey(caller.idempotencyScope(), idempotencyKey)))));
    }

    /**
     * The answer is built from the transaction's result. A write confirmed from the ledger has none: its first
     * answer was lost before it was stored under the key, so the client is told which transaction did it.
     */
    private static Committed withResult(Committed committed) {
        if (committed.confirmedFromLedger()) {
            throw new LedgerRefusal(ErrorCode.DUPLICATE_REQUEST, "This Idempotency-Key's write was already done by "
                    + "transaction " + committed.transactionId() + "; its answer was not kept. Read the records it "
                    + "changed instead.", null, committed.transactionId());
        }
        return committed;
    }
}
