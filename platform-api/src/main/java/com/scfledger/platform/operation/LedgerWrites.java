package com.scfledger.platform.operation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.scfledger.platform.idempotency.IdempotencyService;
import com.scfledger.platform.idempotency.IdempotentRequest;
import com.scfledger.platform.ledger.LedgerClient;
import com.scfledger.platform.ledger.LedgerResult;
import com.scfledger.platform.readmodel.ReadModelSync;
import com.scfledger.platform.security.ScfPrincipal;
import com.scfledger.platform.web.RequestLogFilter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The write path shared by every endpoint that changes the ledger: submit with the caller's own
 * enterprise identity and wait for the commit, then wait (briefly) until the read model shows the
 * transaction, so the client's next read sees its write. With an {@code Idempotency-Key} the whole
 * exchange runs under {@link IdempotencyService} and the chaincode's request id is derived from the
 * key, so a retry can act at most once even when the first answer was lost.
 */
@Service
public class LedgerWrites {

    private static final Logger log = LoggerFactory.getLogger(LedgerWrites.class);

    /**
     * A committed transaction.
     *
     * @param event            the chaincode's result: the event payload with the new state of every record it changed
     * @param readModelApplied whether the read model already shows it
     */
    public record Outcome(LedgerResult result, JsonNode event, boolean readModelApplied) {
        public String transactionId() {
            return result.transactionId();
        }

        public long blockNumber() {
            return result.blockNumber();
        }
    }

    private final LedgerClient ledger;
    private final IdempotencyService idempotency;
    private final ReadModelSync readModel;
    private final JsonMapper json;
    private final MeterRegistry meters;

    LedgerWrites(LedgerClient ledger, IdempotencyService idempotency, ReadModelSync readModel, JsonMapper json,
                 MeterRegistry meters) {
        this.meters = meters;
        this.ledger = ledger;
        this.idempotency = idempotency;
        this.readModel = readModel;
        this.json = json;
    }

    /**
     * Runs one ledger write for an HTTP request.
     *
     * @param idempotencyKey the request's Idempotency-Key, or null (a random request id is used then)
     * @param body           the parsed request body (fingerprinted with the matched route), or null
     * @param arguments      the transaction's arguments, given the chaincode request id (always the last one)
     */
    public <T> ResponseEntity<T> run(ScfPrincipal caller, String idempotencyKey, Object body,
                                     String transaction, Function<String, String[]> arguments,
                                     Function<Outcome, ResponseEntity<T>> respond) {
        if (idempotencyKey == null) {
            return respond.apply(submit(caller.enterpriseId(), transaction, arguments.apply("api-" + UUID.randomUUID())));
        }
        IdempotentRequest request = IdempotentRequest.current(caller.idempotencyScope(), idempotencyKey,
                body == null ? JsonNodeFactory.instance.objectNode() : body);
        return idempotency.execute(request, () -> respond.apply(submit(caller.enterpriseId(), transaction,
                arguments.apply(requestId(caller.idempotencyScope(), idempotencyKey)))));
    }

    /** Submits as the enterprise, waits for the commit and for the read model. */
    public Outcome submit(String enterpriseId, String transaction, String... arguments) {
        LedgerResult result = ledger.submit(enterpriseId, transaction, arguments);
        if (RequestContextHolder.getRequestAttributes() != null) {
            RequestContextHolder.getRequestAttributes().setAttribute(RequestLogFilter.TRANSACTION_ATTRIBUTE,
                    result.transactionId(), RequestAttributes.SCOPE_REQUEST);
        }
        long waitStart = System.nanoTime();
        boolean applied = readModel.awaitApplied(result.transactionId());
        Timer.builder("scf.readmodel.await").description("How long a write waited for the read model to show it")
                .tag("applied", Boolean.toString(applied)).publishPercentileHistogram().register(meters)
                .record(System.nanoTime() - waitStart, TimeUnit.NANOSECONDS);
        MDC.put("txId", result.transactionId());
        try {
            log.info("{} by {} committed in block {}{}", transaction, enterpriseId, result.blockNumber(),
                    applied ? "" : " (read model not updated yet)");
        } finally {
            MDC.remove("txId");
        }
        return new Outcome(result, parse(result.payload()), applied);
    }

    /** The chaincode's request id for an idempotency key: a retry after a lost answer is refused there too. */
    public static String requestId(String scope, String idempotencyKey) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((scope + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
            return "idem-" + HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode parse(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            return json.readTree(payload);
        } catch (RuntimeException e) {
            return JsonNodeFactory.instance.objectNode().put("raw", new String(payload, StandardCharsets.UTF_8));
        }
    }
}
