package com.scfledger.platform.enterprise;

import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.anchor.AnchorRecord;
import com.scfledger.contract.enterprise.EnterpriseRole;
import com.scfledger.contract.enterprise.GetEnterprise;
import com.scfledger.contract.enterprise.ProposeAdmission;
import com.scfledger.contract.enterprise.RegisterEnterprise;
import com.scfledger.platform.domain.InvalidTransition;
import com.scfledger.platform.domain.Reason;
import com.scfledger.platform.domain.RuleViolation;
import com.scfledger.platform.ledger.FabricNetwork;
import com.scfledger.platform.ledger.LedgerRefusal;
import com.scfledger.platform.ledger.RequestId;
import com.scfledger.platform.ledger.ScfLedger;
import com.scfledger.platform.ledger.Signer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Admits an enterprise to the ledger with four eyes, as the chaincode demands: its KYC record is anchored
 * ({@code AnchorRecord(KYC, recordId, kycHash)}, by the platform operator's identity), one platform admin proposes
 * ({@code ProposeAdmission}, with that admin's personal ledger identity) and another confirms
 * ({@code RegisterEnterprise}, with the second admin's personal identity). Request ids derive from the enterprise
 * id, so a retry after a lost answer cannot anchor, propose or register twice ({@link ScfLedger} confirms it from
 * the ledger). An enterprise the ledger already holds under another request (ALREADY_EXISTS) is registered too,
 * once the ledger shows it.
 *
 * <p>The platform operator itself is never admitted: its admins act with the PLATFORM_ADMIN role of PlatformMSP,
 * which the chaincode recognises without a registry entry, so a fresh channel needs no enterprise to start.
 */
@Service
class LedgerRegistration {

    static final String KYC_RECORD_TYPE = "KYC";

    /** What one admin's call to the admin endpoint did. */
    enum Step { PROPOSED, REGISTERED }

    private final Enterprises enterprises;
    private final ScfLedger ledger;
    private final FabricNetwork network;
    private final String operatorId;

    LedgerRegistration(Enterprises enterprises, ScfLedger ledger, FabricNetwork network,
                       @Value("${scf.platform.operator-enterprise-id:PLATFORM}") String operatorId) {
        this.enterprises = enterprises;
        this.ledger = ledger;
        this.network = network;
        this.operatorId = operatorId;
    }

    static RequestId requestId(String enterpriseId) {
        return RequestId.of("register-enterprise-" + enterpriseId);
    }

    /**
     * The admin endpoint, for an enterprise created with a KYC hash but no KYC application: the hash is anchored as
     * {@code KYC/<enterpriseId>}. The first admin to call it proposes; a second, different admin confirms. The same
     * admin twice is refused by the ledger (SAME_APPROVER).
     */
    Step registerByAdmins(String enterpriseId, String adminUsername) {
        Enterprise e = pending(enterpriseId);
        Signer admin = Signer.person(operatorId, adminUsername);
        try {
            confirm(e, admin);
            return Step.REGISTERED;
        } catch (LedgerRefusal refusal) {
            if (!refusal.is(ErrorCode.INVALID_STATE)) {
                throw refusal;
            }
        }
        ledger.anchorRecord(operatorId, new AnchorRecord(KYC_RECORD_TYPE, e.id(), e.kycHash()),
                RequestId.of("anchor-kyc-admission-" + e.id()));
        propose(e, e.id(), admin);
        return Step.PROPOSED;
    }

    /**
     * The KYC workflow: its record {@code KYC/<kycRecordId>} is already anchored; the reviewer (maker) proposes and the
     * approver (checker) confirms, each with a personal identity.
     */
    Enterprise admit(String enterpriseId, String kycRecordId, String reviewerUsername, String approverUsername) {
        Enterprise e = pending(enterpriseId);
        propose(e, kycRecordId, Signer.person(operatorId, reviewerUsername));
        confirm(e, Signer.person(operatorId, approverUsername));
        return enterprises.require(enterpriseId);
    }

    private Enterprise pending(String enterpriseId) {
        Enterprise e = enterprises.require(enterpriseId);
        if (e.id().equals(operatorId)) {
            throw new RuleViolation(Reason.OPERATOR_NOT_REGISTERED,
                    "The platform operator acts with its PLATFORM_ADMIN identity and is not registered as an enterprise.");
        }
        if (!"PENDING".equals(e.status())) {
            throw new InvalidTransition(Reason.ALREADY_REGISTERED, "Enterprise " + enterpriseId + " is " + e.status() + ".");
        }
        if (e.kycHash() == null) {
            throw new RuleViolation(Reason.KYC_HASH_MISSING, "Enterprise " + enterpriseId
                    + " has no KYC record hash to anchor; the KYC workflow sets it first.");
        }
        return e;
    }

    private void propose(Enterprise e, String kycRecordId, Signer proposer) {
        ledger.proposeAdmission(proposer, new ProposeAdmission(e.id(), EnterpriseRole.valueOf(e.role()), mspId(e),
                kycRecordId, e.kycHash()), RequestId.of("propose-admission-" + e.id()));
    }

    private void confirm(Enterprise e, Signer confirmer) {
        String transactionId;
        try {
            transactionId = ledger.registerEnterprise(confirmer, new RegisterEnterprise(e.id(),
                    EnterpriseRole.valueOf(e.role()), mspId(e), e.kycHash()), requestId(e.id())).transactionId();
        } catch (LedgerRefusal refusal) {
            if (!refusal.is(ErrorCode.ALREADY_EXISTS)) {
                throw refusal;
            }
            ledger.getEnterprise(operatorId, new GetEnterprise(e.id())); // throws NOT_FOUND if it is not there after all
            transactionId = null;
        }
        enterprises.markRegistered(e.id(), transactionId);
    }

    private String mspId(Enterprise e) {
        return network.org(e.org()).mspId();
    }
}
