package com.scfledger.platform.domain;

import java.util.Objects;

/**
 * One field of the request is invalid in a way only the domain can tell (bean validation catches the
 * rest before it gets here). Answered like every validation failure: {@code VALIDATION_FAILED} with the field.
 */
public final class InvalidInput extends DomainException {

    private final String field;

    public InvalidInput(String field, String detail) {
        super(Reason.VALIDATION_FAILED, detail);
        this.field = Objects.requireNonNull(field, "field");
    }

    public String field() {
        return field;
    }
}
