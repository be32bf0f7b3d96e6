package com.scfledger.platform.domain;

/**
 * Refused before anything was attempted, because of a state the platform (not the client) will change,
 * e.g. an enterprise whose ledger identity is not enrolled yet. An idempotency key keeps no answer for it,
 * so the same request can succeed later.
 */
public final class NotYetPossible extends DomainException {

    public NotYetPossible(Reason reason, String detail) {
        super(reason, detail);
    }
}
