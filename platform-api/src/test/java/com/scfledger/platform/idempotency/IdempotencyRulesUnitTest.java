package com.scfledger.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import com.scfledger.platform.idempotency.IdempotencyRules.Decision;
import com.scfledger.platform.idempotency.IdempotencyRules.Existing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyRulesUnitTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);
    private static final byte[] A = {1, 2, 3};
    private static final byte[] B = {1, 2, 4};

    @Test
    void sameRequestAfterCompletionReplays() {
        var e = new Existing(A, true, null, NOW.minusSeconds(60));
        assertThat(IdempotencyRules.decide(e, A, NOW, DAY)).isEqualTo(Decision.REPLAY);
    }

    @Test
    void differentBodyIsAMismatchWhetherCompletedOrInFlight() {
        assertThat(IdempotencyRules.decide(new Existing(A, true, null, NOW.minusSeconds(60)), B, NOW, DAY))
                .isEqualTo(Decision.MISMATCH);
        assertThat(IdempotencyRules.decide(new Existing(A, false, NOW.plusSeconds(30), NOW.minusSeconds(1)), B, NOW, DAY))
                .isEqualTo(Decision.MISMATCH);
    }

    @Test
    void sameRequestWhileTheFirstHoldsItsLeaseIsInFlight() {
        var e = new Existing(A, false, NOW.plusSeconds(30), NOW.minusSeconds(1));
        assertThat(IdempotencyRules.decide(e, A, NOW, DAY)).isEqualTo(Decision.IN_FLIGHT);
    }

    @Test
    void anAttemptWhoseLeaseRanOutWithoutAResultIsTakenOver() {
        var e = new Existing(A, false, NOW.minusSeconds(1), NOW.minusSeconds(400));
        assertThat(IdempotencyRules.decide(e, A, NOW, DAY)).isEqualTo(Decision.TAKE_OVER);
    }

    @Test
    void aKeyIsKeptForTheWholeRetentionAndIsNewAfterIt() {
        var justInside = new Existing(A, true, null, NOW.minus(DAY).plusSeconds(1));
        assertThat(IdempotencyRules.decide(justInside, B, NOW, DAY)).isEqualTo(Decision.MISMATCH);
        var expired = new Existing(A, true, null, NOW.minus(DAY));
        assertThat(IdempotencyRules.decide(expired, B, NOW, DAY)).isEqualTo(Decision.TAKE_OVER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "order-2025-0001", "8a2f6c3e-2b9d-4c1e-9a55-0d6f1c2b3a4d", "~!@#$%^&*()"})
    void validKeys(String key) {
        assertThat(IdempotencyRules.validKey(key)).isTrue();
    }

    @Test
    void invalidKeys() {
        assertThat(IdempotencyRules.validKey(null)).isFalse();
        assertThat(IdempotencyRules.validKey("")).isFalse();
        assertThat(IdempotencyRules.validKey("has space")).isFalse();
        assertThat(IdempotencyRules.validKey("tab\t")).isFalse();
        assertThat(IdempotencyRules.validKey("é")).isFalse();
        assertThat(IdempotencyRules.validKey("x".repeat(255))).isTrue();
        assertThat(IdempotencyRules.validKey("x".repeat(256))).isFalse();
    }

    @Test
    void retentionBelow24HoursIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new IdempotencyProperties(Duration.ofHours(23),
                Duration.ofSeconds(15), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("24 hours");
    }

    @Test
    void aLeaseRenewedLessOftenThanTwiceInItsLifeIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new IdempotencyProperties(Duration.ofHours(24),
                Duration.ofSeconds(15), Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("renew-every");
    }
}
