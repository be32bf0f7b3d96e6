package com.scfledger.platform.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import com.scfledger.contract.ledger.LedgerSettings;
import org.junit.jupiter.api.Test;

class BusinessCalendarUnitTest {

    /** 06:30 on 2 December in Shanghai. */
    private static final Instant LATE_EVENING_UTC = Instant.parse("2026-12-01T22:30:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(LATE_EVENING_UTC);
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now.get(), zone);
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final LedgerSettingsReads reads = mock(LedgerSettingsReads.class);
    private final BusinessCalendar calendar = new BusinessCalendar(reads, clock);

    private static LedgerSettings zone(String id) {
        return new LedgerSettings(100, 10, 10, null, null, id);
    }

    @Test
    void withoutAZoneTodayIsTheUtcDate() {
        when(reads.current()).thenReturn(LedgerSettings.DEFAULTS);

        assertThat(calendar.today()).isEqualTo(LocalDate.parse("2026-12-01"));
        assertThat(calendar.zone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void todayIsTheDateInTheBusinessZone() {
        when(reads.current()).thenReturn(zone("Asia/Shanghai"));

        assertThat(calendar.today()).isEqualTo(LocalDate.parse("2026-12-02"));
    }

    @Test
    void theZoneIsCachedUntilItAgesOrThisInstanceChangesIt() {
        when(reads.current()).thenReturn(zone("UTC"), zone("Asia/Shanghai"), zone("Europe/Berlin"));

        assertThat(calendar.today()).isEqualTo(LocalDate.parse("2026-12-01"));
        assertThat(calendar.today()).isEqualTo(LocalDate.parse("2026-12-01"));
        verify(reads, times(1)).current();

        calendar.refresh();
        assertThat(calendar.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));

        now.set(LATE_EVENING_UTC.plus(BusinessCalendar.MAX_AGE).plusSeconds(1));
        assertThat(calendar.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        verify(reads, times(3)).current();
    }
}
