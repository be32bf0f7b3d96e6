package com.scfledger.platform.domain;

/** A record the caller asked for does not exist, or the caller may not know that it does. */
public final class NotFound extends DomainException {

    public NotFound(String detail) {
        super(Reason.NOT_FOUND, detail);
    }

    public NotFound(Reason reason, String detail) {
        super(reason, detail);
    }
}
