package com.scfledger.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.scfledger.platform.problem.ApiProblem;
import com.scfledger.platform.problem.ProblemCode;

/**
 * Sliding-window limits on password login, kept in memory (one API instance; a cluster would
 * keep them in PostgreSQL or a shared cache): at most N failed logins per username within a window
 * (guessing one account's password) and at most M attempts of any outcome per client address
 * (spraying many accounts). A limited attempt is answered 429 with {@code Retry-After} before the
 * password is even checked, so it costs no hashing.
 */
final class LoginRateLimiter {

    private static final int MAX_TRACKED_KEYS = 100_000;

    private final Clock clock;
    private final int maxFailuresPerUser;
    private final Duration userWindow;
    private final int maxAttemptsPerClient;
    private final Duration clientWindow;
    private final Map<String, Deque<Instant>> userFailures = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> clientAttempts = new ConcurrentHashMap<>();

    LoginRateLimiter(Clock clock, SecurityProperties.LoginRateLimit limits) {
        this.clock = clock;
        this.maxFailuresPerUser = limits.maxFailuresPerUser();
        this.userWindow = limits.userWindow();
        this.maxAttemptsPerClient = limits.maxAttemptsPerClient();
        this.clientWindow = limits.clientWindow();
    }

    /** Counts this attempt against the client and throws a 429 problem when either limit is reached. */
    void checkAllowed(String username, String client) {
        Instant now = clock.instant();
        long userWait = waitSeconds(userFailures, userKey(username), maxFailuresPerUser, userWindow, now);
        long clientWait = waitSeconds(clientAttempts, client, maxAttemptsPerClient, clientWindow, now);
        long wait = Math.max(userWait, clientWait);
        if (wait > 0) {
            throw ApiProblem.of(ProblemCode.RATE_LIMITED,
                    "Too many login attempts; try again later.").retryAfter((int) Math.min(wait, Integer.MAX_VALUE));
        }
        record(clientAttempts, client, maxAttemptsPerClient, now);
    }

    void recordFailure(String username) {
        record(userFailures, userKey(username), maxFailuresPerUser, clock.instant());
    }

    void recordSuccess(String username) {
        userFailures.remove(userKey(username));
    }

    /** Drops windows that have fully expired; called periodically. */
    void evictExpired() {
        Instant now = clock.instant();
        userFailures.entrySet().removeIf(e -> expired(e.getValue(), userWindow, now));
        clientAttempts.entrySet().removeIf(e -> expired(e.getValue(), clientWindow, now));
    }

    int trackedKeys() {
        return userFailures.size() + clientAttempts.size();
    }

    private static String userKey(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    private static long waitSeconds(Map<String, Deque<Instant>> map, String key, int limit, Duration window, Instant now) {
        Deque<Instant> q = map.get(key);
        if (q == null) {
            return 0;
        }
        synchronized (q) {
            prune(q, window, now);
            if (q.size() < limit) {
                return 0;
            }
            Instant freeAt = q.peekFirst().plus(window);
            return Math.max(1, (Duration.between(now, freeAt).toMillis() + 999) / 1000);
        }
    }

    private void record(Map<String, Deque<Instant>> map, String key, int limit, Instant now) {
        if (map.size() >= MAX_TRACKED_KEYS) {
            evictExpired();
        }
        Deque<Instant> q = map.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (q) {
            q.addLast(now);
            while (q.size() > limit) {
                q.removeFirst();
            }
        }
    }

    private static void prune(Deque<Instant> q, Duration window, Instant now) {
        Instant cutoff = now.minus(window);
        while (!q.isEmpty() && !q.peekFirst().isAfter(cutoff)) {
            q.removeFirst();
        }
    }

    private static boolean expired(Deque<Instant> q, Duration window, Instant now) {
        synchronized (q) {
            prune(q, window, now);
            return q.isEmpty();
        }
    }
}
