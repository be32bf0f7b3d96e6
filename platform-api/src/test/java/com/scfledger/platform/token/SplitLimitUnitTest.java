package com.scfledger.platform.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import com.scfledger.contract.ledger.LedgerSettings;
import com.scfledger.platform.domain.Reason;
import com.scfledger.platform.domain.RuleViolation;
import com.scfledger.platform.ledger.LedgerOutage;
import com.scfledger.platform.ledger.ScfLedger;
import org.junit.jupiter.api.Test;

/** The split limit is the ledger's maxOutputs setting, read briefly cached, refused with the chaincode's code. */
class SplitLimitUnitTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final Clock clock = new Clock() {
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
            return now.get();
        }
    };
    private final ScfLedger ledger = mock(ScfLedger.class);
    private final SplitLimit limit = new SplitLimit(ledger, clock);

    private static LedgerSettings settings(int maxOutputs) {
        return new LedgerSettings(100, maxOutputs, 10, null, null, null);
    }

    @Test
    void moreOutputsThanTheLedgerAllowsAreRefusedWithTheChaincodesCode() {
        when(ledger.getLedgerSettings("S1")).thenReturn(LedgerSettings.DEFAULTS);
        assertThatCode(() -> limit.check("S1", 10)).doesNotThrowAnyException();
        assertThatThrownBy(() -> limit.check("S1", 11)).isInstanceOfSatisfying(RuleViolation.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_OUTPUTS);
            assertThat(e.getMessage()).contains("11 outputs; at most 10");
        });
    }

    @Test
    void theSettingIsCachedBrieflyThenReadAgain() {
        when(ledger.getLedgerSettings("S1")).thenReturn(settings(5), settings(20));
        assertThat(limit.maxOutputs("S1")).isEqualTo(5);
        now.set(now.get().plus(SplitLimit.TTL).minusSeconds(1));
        assertThat(limit.maxOutputs("S1")).isEqualTo(5);
        verify(ledger, times(1)).getLedgerSettings("S1");
        now.set(now.get().plus(Duration.ofSeconds(2)));
        assertThat(limit.maxOutputs("S1")).isEqualTo(20);
        assertThatCode(() -> limit.check("S1", 20)).doesNotThrowAnyException();
    }

    @Test
    void anUnreadableSettingLeavesTheDecisionToTheLedger() {
        when(ledger.getLedgerSettings("S1")).thenThrow(
                new LedgerOutage(LedgerOutage.Kind.PEER_UNAVAILABLE, "down", "GetLedgerSettings", null, null));
        assertThat(limit.maxOutputs("S1")).isNull();
        assertThatCode(() -> limit.check("S1", 50)).doesNotThrowAnyException();
    }

    @Test
    void oneOutputNeverAsksTheLedger() {
        limit.check("S1", 1);
        verify(ledger, times(0)).getLedgerSettings("S1");
    }
}
