package com.scfledger.platform.idempotency;

import com.scfledger.platform.ledger.LedgerFailure;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.scfledger.platform.domain.DomainException;
import com.scfledger.platform.problem.ApiProblem;
import com.scfledger.platform.problem.ProblemCode;
import com.scfledger.platform.problem.ProblemWriter;
import com.scfledger.platform.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a POST at most once per {@code Idempotency-Key}, with Stripe's semantics:
 * <ul>
 *   <li>the first request runs; its response (success, or a business refusal mapped as the problem handler
 *       maps it) is stored;</li>
 *   <li>a retry with the same key and the same body gets the stored response again, with
 *       {@code Idempotent-Replayed: true}, without running anything;</li>
 *   <li>the same key with a different body (or another operation) is refused: 422 {@code IDEMPOTENCY_KEY_REUSED};</li>
 *   <li>a retry while the first attempt is still running is refused: 409 {@code IDEMPOTENCY_KEY_IN_FLIGHT}; a running
 *       attempt renews its short lease ({@code scf.idempotency.lease}) as it goes, so the lease of an attempt whose
 *       process crashed runs out within seconds and the retry takes the key over (its ledger write then finds the
 *       first attempt's transaction, if it committed, and answers with its result);</li>
 *   <li>an attempt that ends in a retryable outcome (a 5xx, an MVCC conflict, an unreachable peer), or that was
 *       refused before anything ran ({@link ApiProblem#notExecuted()}), stores nothing, so the client may retry
 *       under the same key;</li>
 *   <li>keys are kept at least 24 hours ({@code scf.idempotency.retention}).</li>
 * </ul>
 * Validation failures are answered before this runs and are never stored.
 */
@Service
public class IdempotencyService {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final List<String> STORED_HEADERS = List.of(HttpHeaders.LOCATION);

    private static final Logger log = LoggerFactory.getLogger(IdempotencyService.class);

    private final IdempotencyStore store;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final IdempotencyProperties properties;
    private final JsonMapper json;
    private final RequestFingerprint fingerprint;
    private final ProblemWriter problemWriter;
    /** The lock tokens of the attempts running in this process, whose leases it renews. */
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();

    IdempotencyService(IdempotencyStore store, TransactionTemplate tx, Clock clock, IdempotencyProperties properties,
                       JsonMapper json, ProblemWriter problemWriter) {
        this.store = store;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
        this.json = json;
        this.fingerprint = new RequestFingerprint(json);
        this.problemWriter = problemWriter;
    }

    private sealed interface Start permits Proceed, Replay {
    }

    private record Proceed(UUID lockToken) implements Start {
    }

    private record Replay(IdempotencyStore.Stored stored) implements Start {
    }

    /** Why {@code key} is not a usable Idempotency-Key, or null when it is; also checked at the edge for every request. */
    public static ApiProblem keyProblem(String key) {
        return IdempotencyRules.validKey(key) ? null : ApiProblem.of(ProblemCode.IDEMPOTENCY_KEY_INVALID,
                "The Idempotency-Key header must be 1 to 255 printable ASCII characters.");
    }

    /**
     * Runs the action once per key. A replay answers with the stored JSON as it was written, so the body of
     * the answer is then that JSON text rather than a {@code T}.
     */
    public <T> ResponseEntity<T> execute(IdempotentRequest request, Supplier<ResponseEntity<T>> action) {
        ApiProblem invalidKey = keyProblem(request.key());
        if (invalidKey != null) {
            throw invalidKey;
        }
        byte[] hash = fingerprint.of(request);
        Start start = tx.execute(status -> begin(request, hash));
        if (start instanceof Replay replay) {
            return replay(replay.stored());
        }
        UUID lock = ((Proceed) start).lockToken();
        running.add(lock);
        try {
            return run(request, lock, action);
        } finally {
            running.remove(lock);
        }
    }

    private <T> ResponseEntity<T> run(IdempotentRequest request, UUID lock, Supplier<ResponseEntity<T>> action) {
        ResponseEntity<T> response;
        try {
            response = action.get();
        } catch (ApiProblem | DomainException | LedgerFailure refusal) {
            ApiProblem problem = ApiProblem.answerTo(refusal);
            if (problem.retryable() || problem.isNotExecuted()) {
                store.release(request.scope(), request.key(), lock);
            } else {
                var pd = Problems.of(problem);
                String headers = problem.retryAfterSeconds() == null ? null
                        : json.writeValueAsString(Map.of(HttpHeaders.RETRY_AFTER, String.valueOf(problem.retryAfterSeconds())));
                finish(request, lock, problem.status(), MediaType.APPLICATION_PROBLEM_JSON_VALUE, headers,
                        problemWriter.toJson(pd));
            }
            throw refusal;
        } catch (RuntimeException | Error e) {
            store.release(request.scope(), request.key(), lock);
            throw e;
        }
        if (response.getStatusCode().is5xxServerError()) {
            store.release(request.scope(), request.key(), lock);
            return response;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : STORED_HEADERS) {
            String value = response.getHeaders().getFirst(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        MediaType type = response.getHeaders().getContentType();
        finish(request, lock, response.getStatusCode().value(),
                type != null ? type.toString() : MediaType.APPLICATION_JSON_VALUE,
                headers.isEmpty() ? null : json.writeValueAsString(headers),
                response.getBody() == null ? null : json.writeValueAsString(response.getBody()));
        return response;
    }

    private Start begin(IdempotentRequest request, byte[] hash) {
        Instant now = clock.instant();
        UUID lock = UUID.randomUUID();
        Instant until = now.plus(properties.lease());
        if (store.tryInsert(request.scope(), request.key(), request.operation(), hash, lock, now, until)) {
            return new Proceed(lock);
        }
        IdempotencyStore.Stored stored = store.findForUpdate(request.scope(), request.key()).orElse(null);
        if (stored == null) { // released between our insert and select: insert again
            if (store.tryInsert(request.scope(), request.key(), request.operation(), hash, lock, now, until)) {
                return new Proceed(lock);
            }
            throw inFlight();
        }
        var existing = new IdempotencyRules.Existing(stored.requestHash(), stored.completed(), stored.lockedUntil(),
                stored.createdAt());
        return switch (IdempotencyRules.decide(existing, hash, now, properties.retention())) {
            case REPLAY -> new Replay(stored);
            case IN_FLIGHT -> throw inFlight();
            case MISMATCH -> throw ApiProblem.of(ProblemCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used with a different request; use a new key for a new request.");
            case TAKE_OVER -> {
                boolean expired = !stored.createdAt().plus(properties.retention()).isAfter(now);
                if (!expired) {
                    log.warn("taking over idempotency key {} of {}: its previous attempt left no result", request.key(),
                            request.scope());
                }
                store.takeOver(request.scope(), request.key(), request.operation(), hash, lock, now, until, expired);
                yield new Proceed(lock);
            }
        };
    }

    private static ApiProblem inFlight() {
        return ApiProblem.of(ProblemCode.IDEMPOTENCY_KEY_IN_FLIGHT,
                "A request with this Idempotency-Key is still being processed; retry shortly.").retryAfter(1);
    }

    private void finish(IdempotentRequest request, UUID lock, int status, String type, String headers, String body) {
        if (!store.complete(request.scope(), request.key(), lock, status, type, headers, body, clock.instant())) {
            log.warn("idempotency key {} of {} was taken over before its first attempt finished; its result is not stored",
                    request.key(), request.scope());
        }
    }

    @SuppressWarnings("unchecked") // the stored JSON text stands in for the typed body; converters write it as is
    private <T> ResponseEntity<T> replay(IdempotencyStore.Stored stored) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(stored.responseStatus())
                .header(REPLAYED_HEADER, "true");
        if (stored.responseType() != null) {
            builder.contentType(MediaType.parseMediaType(stored.responseType()));
        }
        if (stored.responseHeaders() != null) {
            Map<String, String> headers = json.readValue(stored.responseHeaders(), new TypeReference<Map<String, String>>() { });
            headers.forEach(builder::header);
        }
        return (ResponseEntity<T>) (stored.responseBody() == null ? builder.build() : builder.body(stored.responseBody()));
    }

    /** Keeps the keys of running attempts theirs; a database that is away is retried at the next beat. */
    @Scheduled(fixedDelayString = "${scf.idempotency.renew-every:PT5S}")
    void renewLeases() {
        if (running.isEmpty()) {
            return;
        }
        try {
            store.renew(List.copyOf(running), clock.instant().plus(properties.lease()));
        } catch (DataAccessException e) {
            log.warn("could not renew {} idempotency leases: {}", running.size(), e.getMessage());
        }
    }

    @Scheduled(fixedDelayString = "PT15M", initialDelayString = "PT2M")
    void purgeExpired() {
        int n = store.purgeCreatedBefore(clock.instant().minus(properties.retention()));
        if (n > 0) {
            log.info("purged {} idempotency keys older than {}", n, properties.retention());
        }
    }

    /** For tests and the admin: run the purge now. */
    public int purgeNow() {
        return store.purgeCreatedBefore(clock.instant().minus(properties.retention()));
    }
}
