package com.scfledger.platform.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

/**
 * The platform's business day, as the notifications count "due within N days". There is no business time zone
 * setting yet, so this is UTC, like the rest of the API; when one exists, {@link #zone()} is the one line to change.
 */
@Component
class BusinessDay {

    /** Named, not an offset: PostgreSQL reads the id in {@code AT TIME ZONE}. */
    private static final ZoneId UTC = ZoneId.of("UTC");

    private final Clock clock;

    BusinessDay(Clock clock) {
        this.clock = clock;
    }

    ZoneId zone() {
        return UTC;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone()));
    }
}
