package com.scfledger.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.scfledger.platform.problem.ApiProblem;
import com.scfledger.platform.problem.ProblemCode;

/**
 * Throttles failed password logins per (username, client address), in memory (one API instance; a cluster
 * would keep this in PostgreSQL or a shared cache). The first {@code freeFailures} failures of a pair cost
 * nothing; the failure that reaches that number makes the pair wait {@code firstDelay}, each further one
 * twice as long, up to {@code maxDelay}. A waiting pair is answered 429 with {@code Retry-After} before the password is even
 * checked, so it costs no hashing. Successful logins are never counted, and one pair's failures never slow
 * the same account from another address nor another account from the same address: nobody can lock a
 * named account out, and an office behind one address is not throttled by its own successful log-ins.
 * A pair's failures are forgotten {@code forgetAfter} after its last failure, or at its next success.
 */
final class LoginRateLimiter {

    private static final int MAX_TRACKED_KEYS = 100_000;
    private static final int MAX_DOUBLINGS = 30;

    /** Failures of one pair: how many, and when the last one was. */
    private record Failures(int count, Instant last) {
    }

    private final Clock clock;
    private final SecurityProperties.LoginRateLimit limits;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginRateLimiter(Clock clock, SecurityProperties.LoginRateLimit limits) {
        this.clock = clock;
        this.limits = limits;
    }

    /** Throws a 429 problem with {@code Retry-After} while this (username, client) pair must wait. */
    void checkAllowed(String username, String client) {
        long wait = waitSeconds(key(username, client), clock.instant());
        if (wait > 0) {
            throw ApiProblem.of(ProblemCode.RATE_LIMITED,
                    "Too many failed logins for this username from this address; try again later.")
                    .retryAfter((int) Math.min(wait, Integer.MAX_VALUE));
        }
    }

    void recordFailure(String username, String client) {
        if (failures.size() >= MAX_TRACKED_KEYS) {
            evictExpired();
        }
        Instant now = clock.instant();
        failures.compute(key(username, client), (k, f) ->
                f == null || forgotten(f, now) ? new Failures(1, now) : new Failures(f.count() + 1, now));
    }

    void recordSuccess(String username, String client) {
        failures.remove(key(username, client));
    }

    /** The delay a pair with {@code count} failures must wait after its last one (zero while free). */
    Duration delayAfter(int count) {
        int over = count - limits.freeFailures();
        if (over < 0) {
            return Duration.ZERO;
        }
        Duration delay = limits.firstDelay().multipliedBy(1L << Math.min(over, MAX_DOUBLINGS));
        return delay.compareTo(limits.maxDelay()) > 0 ? limits.maxDelay() : delay;
    }

    /** Drops pairs whose failures are forgotten; called periodically. */
    void evictExpired() {
        Instant now = clock.instant();
        failures.entrySet().removeIf(e -> forgotten(e.getValue(), now));
    }

    int trackedKeys() {
        return failures.size();
    }

    private long waitSeconds(String key, Instant now) {
        Failures f = failures.get(key);
        if (f == null || forgotten(f, now)) {
            return 0;
        }
        Instant freeAt = f.last().plus(delayAfter(f.count()));
        long millis = Duration.between(now, freeAt).toMillis();
        return millis <= 0 ? 0 : (millis + 999) / 1000;
    }

    private boolean forgotten(Failures f, Instant now) {
        return !f.last().plus(limits.forgetAfter()).isAfter(now);
    }

    private static String key(String username, String client) {
        String user = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return user + '\n' + (client == null ? "" : client);
    }
}
