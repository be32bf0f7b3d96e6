package com.scfledger.platform.idempotency;

/**
 * One request made under an {@code Idempotency-Key}.
 *
 * @param scope     whose key space this is (the caller's enterprise), so callers cannot collide
 * @param key       the client's key, 1 to 255 printable ASCII characters
 * @param operation what is being done, e.g. {@code POST /api/v1/tokens/{tokenId}/split}; stored and fingerprinted
 * @param arguments the operation's path variables and query parameters; fingerprinted
 * @param body      the parsed request body, fingerprinted as canonical JSON (key order and spacing ignored)
 */
public record IdempotentRequest(String scope, String key, String operation, String arguments, Object body) {

    public IdempotentRequest(String scope, String key, String operation, Object body) {
        this(scope, key, operation, "", body);
    }

    /** The request being handled on this thread, its operation taken from the handler Spring matched. */
    public static IdempotentRequest current(String scope, String key, Object body) {
        MatchedOperation matched = MatchedOperation.current();
        return new IdempotentRequest(scope, key, matched.route(), matched.arguments(), body);
    }
}
