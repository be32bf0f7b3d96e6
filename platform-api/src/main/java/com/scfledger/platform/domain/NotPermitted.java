package com.scfledger.platform.domain;

/** The caller is known but may not do this (another enterprise's record, the second pair of eyes missing). */
public final class NotPermitted extends DomainException {

    public NotPermitted(String detail) {
        super(Reason.FORBIDDEN, detail);
    }

    public NotPermitted(Reason reason, String detail) {
        super(reason, detail);
    }
}
