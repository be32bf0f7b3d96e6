package com.scfledger.platform.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention how long a key and its stored response are kept (at least 24 hours)
 * @param lease     how long a request holds its key in flight without renewing it; the running request renews it
 *                  every {@code renewEvery}, so only a holder that crashed lets it run out, and a retry may take
 *                  the key over that much later
 * @param renewEvery how often running requests renew their leases; well under the lease
 */
@ConfigurationProperties("scf.idempotency")
record IdempotencyProperties(@DefaultValue("PT24H") Duration retention, @DefaultValue("PT15S") Duration lease,
                             @DefaultValue("PT5S") Duration renewEvery) {

    IdempotencyProperties {
        if (retention.compareTo(Duration.ofHours(24)) < 0) {
            throw new IllegalArgumentException("scf.idempotency.retention must be at least 24 hours, not " + retention);
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("scf.idempotency.lease must be positive");
        }
        if (renewEvery.isNegative() || renewEvery.isZero() || renewEvery.multipliedBy(2).compareTo(lease) > 0) {
            throw new IllegalArgumentException("scf.idempotency.renew-every must be positive and at most half the lease");
        }
    }
}
