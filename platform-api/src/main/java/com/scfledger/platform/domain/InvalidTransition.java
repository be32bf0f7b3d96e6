package com.scfledger.platform.domain;

/** The record's state does not allow this step (e.g. approving an application that is not submitted). */
public final class InvalidTransition extends DomainException {

    public InvalidTransition(Reason reason, String detail) {
        super(reason, detail);
    }
}
