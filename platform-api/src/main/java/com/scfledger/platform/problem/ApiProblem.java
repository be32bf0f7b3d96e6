package com.scfledger.platform.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.scfledger.platform.domain.ConcurrentUpdate;
import com.scfledger.platform.domain.DomainException;
import com.scfledger.platform.domain.InvalidInput;
import com.scfledger.platform.domain.NotYetPossible;
import com.scfledger.platform.ledger.LedgerFailure;

/**
 * A business or infrastructure outcome that the API answers with an RFC 9457 problem: an HTTP
 * status, a stable machine-readable {@code code}, a human-readable detail and, for outcomes worth
 * retrying, a {@code Retry-After} hint. Thrown anywhere; rendered by {@link ProblemHandler}.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final Integer retryAfterSeconds;
    private final Map<String, Object> properties;
    private final boolean notExecuted;

    private ApiProblem(int status, String code, String title, String detail, Integer retryAfterSeconds,
                       Map<String, Object> properties, Throwable cause) {
        this(status, code, title, detail, retryAfterSeconds, properties, cause, false);
    }

    private ApiProblem(int status, String code, String title, String detail, Integer retryAfterSeconds,
                       Map<String, Object> properties, Throwable cause, boolean notExecuted) {
        super(detail, cause, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem has a 4xx or 5xx status, not " + status);
        }
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
        this.properties = properties;
        this.notExecuted = notExecuted;
    }

    public static ApiProblem of(ProblemCode code, String detail) {
        return new ApiProblem(code.status(), code.name(), code.title(), detail, null, Map.of(), null);
    }

    /**
     * A problem with a code the platform does not own: the chaincode's refusals keep the chaincode's code
     * and status. Everything the platform raises itself has a {@link ProblemCode}.
     */
    public static ApiProblem foreign(int status, String code, String detail) {
        return new ApiProblem(status, code, null, detail, null, Map.of(), null);
    }

    /**
     * The one mapping of a domain refusal to a problem: the status and title of its reason's code, a
     * Retry-After for a concurrent update, the field of an invalid input, and "not executed" for a
     * refusal that the platform's own progress will lift.
     */
    public static ApiProblem from(DomainException refusal) {
        ApiProblem problem = of(ProblemCode.of(refusal.reason()), refusal.detail());
        if (refusal instanceof ConcurrentUpdate) {
            return problem.retryAfter(1);
        }
        if (refusal instanceof InvalidInput invalid) {
            return problem.with("errors", List.of(Map.of("field", invalid.field(), "message", invalid.detail())));
        }
        if (refusal instanceof NotYetPossible) {
            return problem.notExecuted();
        }
        return problem;
    }

    /** The answer to a ledger call that failed; see {@link LedgerProblems}. */
    public static ApiProblem from(LedgerFailure failure) {
        return LedgerProblems.of(failure);
    }

    /**
     * The answer to a refusal of any kind, for the few places that keep or annotate an answer before the edge
     * renders it (the idempotency store, a workflow that records why a step failed).
     *
     * @throws IllegalArgumentException for an exception that is no refusal (a bug)
     */
    public static ApiProblem answerTo(RuntimeException refusal) {
        if (refusal instanceof ApiProblem problem) {
            return problem;
        }
        if (refusal instanceof DomainException domain) {
            return from(domain);
        }
        if (refusal instanceof LedgerFailure ledger) {
            return from(ledger);
        }
        throw new IllegalArgumentException("not a refusal: " + refusal, refusal);
    }

    public ApiProblem withTitle(String newTitle) {
        return new ApiProblem(status, code, newTitle, getMessage(), retryAfterSeconds, properties, getCause(), notExecuted);
    }

    public ApiProblem retryAfter(int seconds) {
        return new ApiProblem(status, code, title, getMessage(), seconds, properties, getCause(), notExecuted);
    }

    public ApiProblem with(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(properties);
        copy.put(name, value);
        return new ApiProblem(status, code, title, getMessage(), retryAfterSeconds, copy, getCause(), notExecuted);
    }

    public ApiProblem causedBy(Throwable cause) {
        return new ApiProblem(status, code, title, getMessage(), retryAfterSeconds, properties, cause, notExecuted);
    }

    /**
     * Marks a refusal that happened before anything was attempted and that depends on a state the
     * platform (not the client) will change, e.g. an enterprise without a ledger identity yet. An
     * idempotency key does not keep such an answer, so the same request can succeed later.
     */
    public ApiProblem notExecuted() {
        return new ApiProblem(status, code, title, getMessage(), retryAfterSeconds, properties, getCause(), true);
    }

    public boolean isNotExecuted() {
        return notExecuted;
    }

    /** Whether the platform raised this problem with that code (a chaincode refusal never is one). */
    public boolean is(ProblemCode problemCode) {
        return problemCode.name().equals(code) && problemCode.status() == status
                && !LedgerProblems.CHAINCODE.equals(properties.get(LedgerProblems.SOURCE));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The title, or null for the status's reason phrase. */
    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    /** Worth retrying with the same request: a conflict with a concurrent writer, or the service is briefly away. */
    public boolean retryable() {
        return retryAfterSeconds != null || status == 429 || status >= 500;
    }

    @Override
    public String toString() {
        return "ApiProblem[" + status + " " + code + ": " + getMessage() + "]";
    }
}
