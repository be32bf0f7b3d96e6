package com.scfledger.platform.enterprise;

import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.enterprise.EnterpriseRole;
import com.scfledger.contract.enterprise.GetEnterprise;
import com.scfledger.contract.enterprise.RegisterEnterprise;
import com.scfledger.platform.domain.InvalidTransition;
import com.scfledger.platform.domain.Reason;
import com.scfledger.platform.domain.RuleViolation;
import com.scfledger.platform.ledger.FabricNetwork;
import com.scfledger.platform.ledger.LedgerRefusal;
import com.scfledger.platform.ledger.RequestId;
import com.scfledger.platform.ledger.ScfLedger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Registers an enterprise on the ledger ({@code RegisterEnterprise(enterpriseId, role, mspId, kycHash, requestId)}),
 * signed by the platform operator's own ledger identity (its enterprise is enrolled with the
 * PLATFORM_ADMIN role in PlatformMSP). The request id is derived from the enterprise id, so a
 * retry after a lost answer cannot register twice ({@link ScfLedger} confirms it from the ledger). An
 * enterprise the ledger already holds under another request (ALREADY_EXISTS) is registered too, once
 * the ledger shows it.
 */
@Service
class LedgerRegistration {


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

    Enterprise register(String enterpriseId) {
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
        String mspId = network.org(e.org()).mspId();
        String transactionId;
        try {
            transactionId = ledger.registerEnterprise(operatorId, new RegisterEnterprise(e.id(),
                    EnterpriseRole.valueOf(e.role()), mspId, e.kycHash()), requestId(e.id())).transactionId();
        } catch (LedgerRefusal refusal) {
            if (!refusal.is(ErrorCode.ALREADY_EXISTS)) {
                throw refusal;
            }
            ledger.getEnterprise(operatorId, new GetEnterprise(e.id())); // throws NOT_FOUND if it is not there after all
            transactionId = null;
        }
        enterprises.markRegistered(e.id(), transactionId);
        return enterprises.require(e.id());
    }
}
