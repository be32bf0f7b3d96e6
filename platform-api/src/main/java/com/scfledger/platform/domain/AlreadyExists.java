package com.scfledger.platform.domain;

/** A record with this identity exists already. */
public final class AlreadyExists extends DomainException {

    public AlreadyExists(Reason reason, String detail) {
        super(reason, detail);
    }
}
