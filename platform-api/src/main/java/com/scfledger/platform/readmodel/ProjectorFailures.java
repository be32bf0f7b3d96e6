package com.scfledger.platform.readmodel;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The projector's last failure, for health and the admin endpoint. A failure that repeats the last
 * one is logged at debug only: a peer that stays down would otherwise fill the log every retry.
 */
final class ProjectorFailures {

    private static final Logger log = LoggerFactory.getLogger(Projector.class);

    /** The last failure; null fields when none since the last applied event. */
    record Last(String message, Instant at) {
    }

    private final String projector;
    private volatile Last last = new Last(null, null);

    ProjectorFailures(String projector) {
        this.projector = projector;
    }

    void failed(String what, Exception e, Duration retryIn) {
        String message = e.getClass().getSimpleName() + ": " + e.getMessage();
        boolean repeated = message.equals(last.message());
        last = new Last(message, Instant.now());
        if (repeated) {
            log.debug("projector {} {} failed again: {}; retrying in {}", projector, what, message, retryIn);
        } else {
            log.warn("projector {} {} failed: {}; retrying in {}", projector, what, message, retryIn);
        }
    }

    /** Forgets the last failure (an applied event shows the projector works again). */
    void recovered() {
        if (last.message() != null) {
            last = new Last(null, null);
        }
    }

    Last last() {
        return last;
    }
}
