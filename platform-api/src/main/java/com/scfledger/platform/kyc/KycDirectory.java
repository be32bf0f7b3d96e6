package com.scfledger.platform.kyc;

import java.time.Instant;

import org.springframework.stereotype.Service;

/** An enterprise's KYC standing, for other features (a bank underwriting a financing application). */
@Service
public class KycDirectory {

    /**
     * @param status the latest application's status, or NONE when the enterprise was admitted without one
     */
    public record KycStanding(String enterpriseId, String status, String applicationId, Instant approvedAt,
                              boolean anchoredOnLedger, String recordHash) {
    }

    private final KycService kyc;

    KycDirectory(KycService kyc) {
        this.kyc = kyc;
    }

    public KycStanding standingOf(String enterpriseId) {
        return kyc.latest(enterpriseId)
                .map(a -> new KycStanding(enterpriseId, a.status().name(), a.id(),
                        a.approver() == null ? null : a.approver().at(), a.activation().anchorTx() != null, a.recordHash()))
                .orElse(new KycStanding(enterpriseId, "NONE", null, null, false, null));
    }
}
