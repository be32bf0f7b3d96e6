package com.scfledger.platform.enterprise;

import java.time.Clock;

import com.scfledger.contract.enterprise.ReinstateEnterprise;
import com.scfledger.contract.enterprise.SuspendEnterprise;
import com.scfledger.platform.domain.InvalidTransition;
import com.scfledger.platform.domain.Reason;
import com.scfledger.platform.domain.RuleViolation;
import com.scfledger.platform.ledger.RequestId;
import com.scfledger.platform.ledger.ScfLedger;
import com.scfledger.platform.ledger.Signer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Suspends and reinstates an enterprise: on the ledger first (SuspendEnterprise / ReinstateEnterprise, signed with
 * the admin's personal identity), where a suspended enterprise can neither act nor receive tokens; then in the
 * platform's table, which stops its users' sessions and API keys at once. Each change is published as an
 * {@link EnterpriseSuspended} or {@link EnterpriseReinstated} event.
 */
@Service
class EnterpriseSuspension {

    private final Enterprises enterprises;
    private final ScfLedger ledger;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String operatorId;

    EnterpriseSuspension(Enterprises enterprises, ScfLedger ledger, ApplicationEventPublisher events, Clock clock,
                         @Value("${scf.platform.operator-enterprise-id:PLATFORM}") String operatorId) {
        this.enterprises = enterprises;
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
        this.operatorId = operatorId;
    }

    Enterprise suspend(String enterpriseId, String adminUsername) {
        requireStatus(enterpriseId, "ACTIVE", Reason.ENTERPRISE_NOT_ACTIVE, "suspended");
        String tx = ledger.suspendEnterprise(Signer.person(operatorId, adminUsername),
                new SuspendEnterprise(enterpriseId), RequestId.fresh()).transactionId();
        enterprises.markStatus(enterpriseId, "SUSPENDED");
        events.publishEvent(new EnterpriseSuspended(enterpriseId, adminUsername, tx, clock.instant()));
        return enterprises.require(enterpriseId);
    }

    Enterprise reinstate(String enterpriseId, String adminUsername) {
        requireStatus(enterpriseId, "SUSPENDED", Reason.ENTERPRISE_NOT_SUSPENDED, "reinstated");
        String tx = ledger.reinstateEnterprise(Signer.person(operatorId, adminUsername),
                new ReinstateEnterprise(enterpriseId), RequestId.fresh()).transactionId();
        enterprises.markStatus(enterpriseId, "ACTIVE");
        events.publishEvent(new EnterpriseReinstated(enterpriseId, adminUsername, tx, clock.instant()));
        return enterprises.require(enterpriseId);
    }

    private void requireStatus(String enterpriseId, String expected, Reason otherwise, String change) {
        Enterprise e = enterprises.require(enterpriseId);
        if (e.id().equals(operatorId)) {
            throw new RuleViolation(Reason.OPERATOR_NOT_REGISTERED,
                    "The platform operator is not an enterprise of the ledger and cannot be " + change + ".");
        }
        if (!expected.equals(e.status())) {
            throw new InvalidTransition(otherwise, "Enterprise " + enterpriseId + " is "
                    + e.status() + "; only an " + expected + " enterprise can be " + change + ".");
        }
    }
}
