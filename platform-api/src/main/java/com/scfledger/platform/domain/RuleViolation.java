package com.scfledger.platform.domain;

/** A business rule refuses the request as it stands (a limit, a role that does not fit, terms out of range). */
public final class RuleViolation extends DomainException {

    public RuleViolation(Reason reason, String detail) {
        super(reason, detail);
    }
}
