package com.scfledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.scfledger.platform.problem.ApiProblem;
import org.junit.jupiter.api.Test;

class LoginRateLimiterUnitTest {

    /** A clock the test moves by hand. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2025-06-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final LoginRateLimiter limiter = new LoginRateLimiter(clock,
            new SecurityProperties.LoginRateLimit(3, Duration.ofSeconds(2), Duration.ofMinutes(15), Duration.ofHours(1)));

    private int retryAfter(String user, String client) {
        try {
            limiter.checkAllowed(user, client);
            return 0;
        } catch (ApiProblem p) {
            assertThat(p.status()).isEqualTo(429);
            assertThat(p.code()).isEqualTo("RATE_LIMITED");
            return p.retryAfterSeconds();
        }
    }

    private void fail(String user, String client) {
        limiter.checkAllowed(user, client);
        limiter.recordFailure(user, client);
    }

    @Test
    void oneHundredSuccessfulLoginsFromOneAddressAreNeverThrottled() {
        for (int i = 0; i < 100; i++) {
            limiter.checkAllowed("user" + (i % 7), "203.0.113.9");
            limiter.recordSuccess("user" + (i % 7), "203.0.113.9");
            clock.now = clock.now.plusMillis(500);
        }
        assertThat(retryAfter("user0", "203.0.113.9")).isZero();
        assertThat(limiter.trackedKeys()).isZero();
    }

    @Test
    void theDelayDoublesWithEachFailureBeyondTheFreeOnesUpToTheCap() {
        for (int i = 0; i < 3; i++) {
            assertThat(retryAfter("Alice", "10.0.0.1")).isZero();
            limiter.recordFailure("alice", "10.0.0.1");
        }
        assertThat(retryAfter("ALICE", "10.0.0.1")).isEqualTo(2);
        clock.now = clock.now.plusSeconds(2);
        fail("alice", "10.0.0.1");
        assertThat(retryAfter("alice", "10.0.0.1")).isEqualTo(4);
        clock.now = clock.now.plusSeconds(4);
        fail("alice", "10.0.0.1");
        assertThat(retryAfter("alice", "10.0.0.1")).isEqualTo(8);
        assertThat(limiter.delayAfter(2)).isZero();
        assertThat(limiter.delayAfter(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(limiter.delayAfter(11)).isEqualTo(Duration.ofSeconds(512));
        assertThat(limiter.delayAfter(12)).isEqualTo(Duration.ofMinutes(15));
        assertThat(limiter.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void failuresFromOneAddressDoNotSlowTheAccountFromAnotherAddressNorAnotherAccount() {
        for (int i = 0; i < 10; i++) {
            limiter.recordFailure("victim", "198.51.100.66");
        }
        assertThat(retryAfter("victim", "198.51.100.66")).isPositive();
        assertThat(retryAfter("victim", "10.1.1.1")).isZero();
        assertThat(retryAfter("colleague", "198.51.100.66")).isZero();
    }

    @Test
    void aSuccessClearsThePairsFailures() {
        limiter.recordFailure("carol", "c");
        limiter.recordFailure("carol", "c");
        limiter.recordSuccess("carol", "c");
        limiter.recordFailure("carol", "c");
        limiter.recordFailure("carol", "c");
        assertThatCode(() -> limiter.checkAllowed("carol", "c")).doesNotThrowAnyException();
    }

    @Test
    void failuresAreForgottenAndEvictedAnHourAfterTheLastOne() {
        for (int i = 0; i < 5; i++) {
            limiter.recordFailure("dave", "x");
        }
        assertThatThrownBy(() -> limiter.checkAllowed("dave", "x")).isInstanceOf(ApiProblem.class);
        assertThat(limiter.trackedKeys()).isEqualTo(1);
        clock.now = clock.now.plus(Duration.ofMinutes(61));
        limiter.evictExpired();
        assertThat(limiter.trackedKeys()).isZero();
        limiter.recordFailure("dave", "x");
        assertThat(retryAfter("dave", "x")).isZero();
    }
}
