package com.scfledger.platform.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The client request id every ledger write carries as its last argument. The chaincode refuses a request id it has
 * seen before, so an id that stays the same across retries of one intent makes the write happen at most once.
 */
public record RequestId(String value) {

    public RequestId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a request id is required");
        }
    }

    /** For a write no retry will repeat: a fresh id. */
    public static RequestId fresh() {
        return new RequestId("api-" + UUID.randomUUID());
    }

    /** Derived from an Idempotency-Key in the caller's scope: a retry after a lost answer reuses it. */
    public static RequestId forIdempotencyKey(String scope, String idempotencyKey) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((scope + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
            return new RequestId("idem-" + HexFormat.of().formatHex(h, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Derived from what the write does (e.g. {@code fin-approve-FIN-1}): the same intent always has the same id. */
    public static RequestId of(String intent) {
        return new RequestId(intent);
    }

    @Override
    public String toString() {
        return value;
    }
}
