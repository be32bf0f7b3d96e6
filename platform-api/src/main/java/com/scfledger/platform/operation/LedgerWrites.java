package com.scfledger.platform.operation;

import java.util.function.Function;

import com.scfledger.platform.idempotency.IdempotencyService;
import com.scfledger.platform.idempotency.IdempotentRequest;
import com.scfledger.platform.ledger.Committed;
import com.scfledger.platform.ledger.RequestId;
import com.scfledger.platform.ledger.ScfLedger;
import com.scfledger.platform.security.ScfPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Runs an HTTP request's ledger write ({@link ScfLedger}) under its {@code Idempotency-Key}: the exchange is stored
 * by {@link IdempotencyService} and the chaincode's request id is derived from the key, so a retry acts at most
 * once even when the first answer was lost: when the first attempt committed but its answer was never stored (the
 * API crashed in between), the retry is refused by the chaincode as a duplicate, and {@link ScfLedger} reads the
 * original transaction back from the ledger, so the retry is answered exactly as the first would have been. Without
 * a key the write gets a fresh request id.
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
        return idempotency.execute(request, () -> respond.apply(
                write.apply(RequestId.forIdempotencyKey(caller.idempotencyScope(), idempotencyKey))));
    }
}
