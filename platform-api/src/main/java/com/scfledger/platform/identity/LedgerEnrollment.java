package com.scfledger.platform.identity;

import java.util.Optional;

import org.springframework.stereotype.Service;

/** What other features (KYC approval) may do with ledger identities: look one up, enroll one. */
@Service
public class LedgerEnrollment {

    private final LedgerIdentityService identities;

    LedgerEnrollment(LedgerIdentityService identities) {
        this.identities = identities;
    }

    /** The enrollment id of the enterprise's active ledger identity, if it has one. */
    public Optional<String> currentEnrollmentId(String enterpriseId) {
        return identities.current(enterpriseId).map(LedgerIdentityService.IdentityView::enrollmentId);
    }

    /** Registers and enrolls a new identity at the enterprise's organisation's CA; returns its enrollment id. */
    public String enroll(String enterpriseId) {
        return identities.enroll(enterpriseId).enrollmentId();
    }
}
