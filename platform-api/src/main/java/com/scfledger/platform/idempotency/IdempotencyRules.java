package com.scfledger.platform.idempotency;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;

/**
 * Stripe's semantics, decided for a key that already has a record: the same request replays the
 * stored response; a different request under the same key is refused (422); a request whose first
 * attempt is still running is refused (409); a record whose holder vanished (its lease ran out
 * without a result, e.g. a crash) or that is past its retention is taken over by the new request.
 */
final class IdempotencyRules {

    enum Decision { REPLAY, IN_FLIGHT, MISMATCH, TAKE_OVER }

    record Existing(byte[] requestHash, boolean completed, Instant lockedUntil, Instant createdAt) {
    }

    private IdempotencyRules() {
    }

    static Decision decide(Existing existing, byte[] requestHash, Instant now, Duration retention) {
        if (!existing.createdAt().plus(retention).isAfter(now)) {
            return Decision.TAKE_OVER; // expired: as if the key were new (the purge had not run yet)
        }
        if (!MessageDigest.isEqual(existing.requestHash(), requestHash)) {
            return Decision.MISMATCH;
        }
        if (existing.completed()) {
            return Decision.REPLAY;
        }
        if (existing.lockedUntil() != null && existing.lockedUntil().isAfter(now)) {
            return Decision.IN_FLIGHT;
        }
        return Decision.TAKE_OVER;
    }

    /** 1 to 255 characters of printable ASCII, as Stripe allows. */
    static boolean validKey(String key) {
        if (key == null || key.isEmpty() || key.length() > 255) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
