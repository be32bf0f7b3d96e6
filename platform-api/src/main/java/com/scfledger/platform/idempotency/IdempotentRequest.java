package com.scfledger.platform.idempotency;

/**
 * One request made under an {@code Idempotency-Key}.
 *
 * @param scope     whose key space this is (the caller's enterprise), so callers cannot collide
 * @param key       the client's key, 1 to 255 printable ASCII characters
 * @param operation what is being done (see {@link MatchedOperation}); part of the fingerprint
 * @param body      the parsed request body, fingerprinted as canonical JSON (key order and spacing ignored)
 */
public record IdempotentRequest(String scope, String key, String operation, Object body) {

    /** The request being handled on this thread, its operation taken from the handler Spring matched. */
    public static IdempotentRequest current(String scope, String key, Object body) {
        return new IdempotentRequest(scope, key, MatchedOperation.current(), body);
    }
}
