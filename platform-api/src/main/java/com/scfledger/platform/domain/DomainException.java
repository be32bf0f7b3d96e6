package com.scfledger.platform.domain;

import java.util.Objects;

/**
 * A business refusal: a {@link Reason} and a sentence for people. The subtype says what kind of
 * refusal it is, which the edge needs beyond the status (a concurrent update is worth retrying; a
 * refusal that is not yet possible leaves no trace under an idempotency key). No stack trace: these
 * are answers, not bugs.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFound, AlreadyExists, InvalidTransition, ConcurrentUpdate, RuleViolation, NotPermitted,
        InvalidInput, NotYetPossible {

    private final Reason reason;

    DomainException(Reason reason, String detail) {
        super(detail, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }

    public String detail() {
        return getMessage();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + reason + ": " + getMessage() + "]";
    }
}
