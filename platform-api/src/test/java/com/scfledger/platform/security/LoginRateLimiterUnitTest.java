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
            new SecurityProperties.LoginRateLimit(3, Duration.ofMinutes(15), 10, Duration.ofMinutes(5)));

    @Test
    void failuresOfOneUsernameAreLimitedWithARetryAfterUntilTheWindowPasses() {
        for (int i = 0; i < 3; i++) {
            limiter.checkAllowed("Alice", "10.0.0.1");
            limiter.recordFailure("alice");
            clock.now = clock.now.plusSeconds(60);
        }
        assertThatThrownBy(() -> limiter.checkAllowed("ALICE", "10.0.0.2"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(429);
                    assertThat(p.code()).isEqualTo("RATE_LIMITED");
                    // the first failure was 3 minutes ago; it leaves the 15-minute window in 12 minutes
                    assertThat(p.retryAfterSeconds()).isEqualTo(12 * 60);
                });
        assertThatCode(() -> limiter.checkAllowed("bob", "10.0.0.2")).doesNotThrowAnyException();
        clock.now = clock.now.plus(Duration.ofMinutes(12));
        assertThatCode(() -> limiter.checkAllowed("alice", "10.0.0.3")).doesNotThrowAnyException();
    }

    @Test
    void aSuccessClearsTheUsernamesFailures() {
        limiter.recordFailure("carol");
        limiter.recordFailure("carol");
        limiter.recordSuccess("carol");
        limiter.recordFailure("carol");
        limiter.recordFailure("carol");
        assertThatCode(() -> limiter.checkAllowed("carol", "c")).doesNotThrowAnyException();
    }

    @Test
    void oneClientIsLimitedAcrossUsernames() {
        for (int i = 0; i < 10; i++) {
            limiter.checkAllowed("user" + i, "192.0.2.7");
        }
        assertThatThrownBy(() -> limiter.checkAllowed("someone-else", "192.0.2.7")).isInstanceOf(ApiProblem.class);
        assertThatCode(() -> limiter.checkAllowed("someone-else", "192.0.2.8")).doesNotThrowAnyException();
    }

    @Test
    void expiredWindowsAreEvicted() {
        limiter.recordFailure("dave");
        limiter.checkAllowed("dave", "x");
        assertThat(limiter.trackedKeys()).isEqualTo(2);
        clock.now = clock.now.plus(Duration.ofMinutes(16));
        limiter.evictExpired();
        assertThat(limiter.trackedKeys()).isZero();
    }
}
