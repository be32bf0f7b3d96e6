package com.scfledger.platform.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.scfledger.contract.ledger.LedgerSettings;
import com.scfledger.platform.domain.Reason;
import com.scfledger.platform.domain.RuleViolation;
import com.scfledger.platform.ledger.LedgerFailure;
import com.scfledger.platform.ledger.ScfLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The most outputs one split may have. The ledger's setting ({@code GetLedgerSettings}: {@code maxOutputs}) is the
 * truth; the API reads it, keeps it for {@link #TTL}, and refuses a larger split with the chaincode's own code
 * (TOO_MANY_OUTPUTS, 422) before calling the ledger. When the setting cannot be read, the ledger decides alone.
 * The request's own bound ({@link LedgerSettings#MAX_OUTPUTS_LIMIT}) is the most any setting can allow.
 */
@Component
class SplitLimit {

    static final Duration TTL = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(SplitLimit.class);

    private record Known(int maxOutputs, Instant readAt) {
    }

    private final ScfLedger ledger;
    private final Clock clock;
    private volatile Known known;

    SplitLimit(ScfLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Refuses {@code outputs} above the ledger's limit; {@code as} is the enterprise whose identity reads it. */
    void check(String as, int outputs) {
        if (outputs <= 1) {
            return; // every setting allows one output
        }
        Integer max = maxOutputs(as);
        if (max != null && outputs > max) {
            throw new RuleViolation(Reason.TOO_MANY_OUTPUTS, outputs + " outputs; at most " + max
                    + " (the ledger's setting maxOutputs)");
        }
    }

    /** The ledger's limit, read at most once per {@link #TTL}; null when it cannot be read now. */
    Integer maxOutputs(String as) {
        Instant now = clock.instant();
        Known k = known;
        if (k != null && now.isBefore(k.readAt().plus(TTL))) {
            return k.maxOutputs();
        }
        try {
            int max = ledger.getLedgerSettings(as).maxOutputs();
            if (max < 1) {
                return null; // not a setting the chaincode would accept: leave the decision to the ledger
            }
            known = new Known(max, now);
            return max;
        } catch (LedgerFailure e) {
            log.debug("ledger settings unreadable ({}); the ledger decides the split's size", e.code());
            return null;
        }
    }
}
