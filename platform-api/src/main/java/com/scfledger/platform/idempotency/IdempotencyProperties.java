package com.scfledger.platform.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention how long a key and its stored response are kept (at least 24 hours)
 * @param lease     how long a request may hold its key in flight before another may take it over
 *                  (after a crash); longer than the slowest ledger write
 */
@ConfigurationProperties("scf.idempotency")
record IdempotencyProperties(@DefaultValue("PT24H") Duration retention, @DefaultValue("PT5M") Duration lease) {

    IdempotencyProperties {
        if (retention.compareTo(Duration.ofHours(24)) < 0) {
            throw new IllegalArgumentException("scf.idempotency.retention must be at least 24 hours, not " + retention);
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("scf.idempotency.lease must be positive");
        }
    }
}
