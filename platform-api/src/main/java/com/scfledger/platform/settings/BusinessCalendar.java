package com.scfledger.platform.settings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

/**
 * The platform's business day: today's date in the business time zone of the ledger settings, the same day the
 * chaincode's maturity and settlement rules use. Every default date and "today" of the API comes from here, never
 * from the UTC date.
 *
 * <p>The zone is read from the read model (projected from the ledger's settings events) and cached: a change made
 * through this API instance is seen at once ({@link #refresh}), one made elsewhere once its event is projected and
 * the cache has aged ({@link #MAX_AGE}).
 */
@Component
public class BusinessCalendar {

    /** How long a read zone is trusted; it changes rarely, and only by a platform admin. */
    static final Duration MAX_AGE = Duration.ofSeconds(10);

    private final LedgerSettingsReads settings;
    private final Clock clock;
    private volatile Cached cached;

    BusinessCalendar(LedgerSettingsReads settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    private record Cached(ZoneId zone, Instant readAt) {
    }

    /** Today in the business zone. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone()));
    }

    /** The business zone; UTC until a platform admin sets one. */
    public ZoneId zone() {
        Cached c = cached;
        Instant now = clock.instant();
        if (c == null || c.readAt().plus(MAX_AGE).isBefore(now)) {
            c = new Cached(settings.current().zone(), now);
            cached = c;
        }
        return c.zone();
    }

    /** Forgets the cached zone, after this instance changed it. */
    void refresh() {
        cached = null;
    }
}
