package com.scfledger.platform.enterprise;

import java.sql.Timestamp;
import java.time.Clock;

import com.scfledger.platform.domain.InvalidTransition;
import com.scfledger.platform.domain.Reason;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the KYC workflow does to an enterprise once it is approved: record the hash of its KYC record (which the
 * admission on the ledger must match) and admit it on the ledger, through the same {@link LedgerRegistration} as
 * the admin endpoint.
 */
@Service
public class EnterpriseOnboarding {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Enterprises enterprises;
    private final LedgerRegistration registration;

    EnterpriseOnboarding(JdbcClient jdbc, Clock clock, Enterprises enterprises, LedgerRegistration registration) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.enterprises = enterprises;
        this.registration = registration;
    }

    /** Sets the KYC record hash of an enterprise that is not registered on the ledger yet. */
    public void recordKycHash(String enterpriseId, String kycHash) {
        int n = jdbc.sql("""
                UPDATE enterprises SET kyc_hash = :h, updated_at = :now WHERE id = :id AND status = 'PENDING'""")
                .param("h", kycHash).param("now", Timestamp.from(clock.instant())).param("id", enterpriseId).update();
        if (n == 0) {
            Enterprise e = enterprises.require(enterpriseId);
            if (!kycHash.equals(e.kycHash())) {
                throw new InvalidTransition(Reason.ALREADY_REGISTERED, "Enterprise " + enterpriseId + " is " + e.status()
                        + " with another KYC hash.");
            }
        }
    }

    /**
     * The admission on the ledger of an enterprise whose KYC record {@code KYC/<kycRecordId>} is anchored: proposed
     * with the reviewer's personal identity, confirmed with the approver's; the enterprise becomes ACTIVE.
     */
    public Enterprise registerOnLedger(String enterpriseId, String kycRecordId, String reviewerUsername,
                                       String approverUsername) {
        return registration.admit(enterpriseId, kycRecordId, reviewerUsername, approverUsername);
    }
}
