package com.scfledger.chaincode.enterprise;

import java.util.List;

import com.scfledger.chaincode.ledger.Invocation;
import com.scfledger.chaincode.ledger.ScfException;
import com.scfledger.chaincode.ledger.WorldState;
import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.RecordKeys;
import com.scfledger.contract.enterprise.Enterprise;
import com.scfledger.contract.enterprise.EnterpriseRole;
import com.scfledger.contract.enterprise.EnterpriseStatus;
import com.scfledger.contract.enterprise.KeyCustody;

/** The enterprise registry, kept by the platform admin. */
public final class EnterpriseService {

    public Enterprise register(final Invocation inv, final String enterpriseId, final EnterpriseRole role,
            final String mspId, final String kycHash) {
        inv.caller().requirePlatformAdmin();
        if (inv.state().exists(RecordKeys.enterprise(enterpriseId))) {
            throw ScfException.of(ErrorCode.ALREADY_EXISTS, "enterprise " + enterpriseId + " is already registered");
        }
        Enterprise enterprise = new Enterprise(enterpriseId, role, mspId, EnterpriseStatus.ACTIVE, kycHash,
                inv.timestamp(), inv.timestamp(), inv.txId());
        inv.state().put(enterprise);
        return enterprise;
    }

    /** Suspended enterprises can neither act nor receive tokens; what they hold stays where it is. */
    public Enterprise suspend(final Invocation inv, final String enterpriseId) {
        return changeStatus(inv, enterpriseId, EnterpriseStatus.ACTIVE, EnterpriseStatus.SUSPENDED);
    }

    public Enterprise reinstate(final Invocation inv, final String enterpriseId) {
        return changeStatus(inv, enterpriseId, EnterpriseStatus.SUSPENDED, EnterpriseStatus.ACTIVE);
    }

    /**
     * Records who holds the enterprise's keys. SELF needs at least one certificate id and PLATFORM none; the
     * change shows in the enterprise's history, so anyone reading the ledger sees which keys stood behind which
     * signatures when.
     */
    public Enterprise setCustody(final Invocation inv, final String enterpriseId, final KeyCustody custody,
            final List<String> selfIdentities) {
        inv.caller().requirePlatformAdmin();
        Enterprise enterprise = require(inv.state(), enterpriseId);
        if (custody == KeyCustody.SELF && selfIdentities.isEmpty()) {
            throw ScfException.of(ErrorCode.INVALID_ARGUMENT, "SELF custody needs at least one certificate id");
        }
        if (custody == KeyCustody.PLATFORM && !selfIdentities.isEmpty()) {
            throw ScfException.of(ErrorCode.INVALID_ARGUMENT, "PLATFORM custody lists no certificate ids");
        }
        Enterprise changed = enterprise.withCustody(custody, selfIdentities, inv.timestamp(), inv.txId());
        inv.state().put(changed);
        return changed;
    }

    /** The registry is shared knowledge within the consortium: any recognised identity may read it. */
    public Enterprise get(final Invocation inv, final String enterpriseId) {
        inv.caller();
        return require(inv.state(), enterpriseId);
    }

    private Enterprise changeStatus(final Invocation inv, final String enterpriseId, final EnterpriseStatus from,
            final EnterpriseStatus to) {
        inv.caller().requirePlatformAdmin();
        Enterprise enterprise = require(inv.state(), enterpriseId);
        if (enterprise.status() != from) {
            throw ScfException.of(ErrorCode.INVALID_STATE, "enterprise " + enterpriseId + " is " + enterprise.status()
                    + ", not " + from);
        }
        Enterprise changed = enterprise.withStatus(to, inv.timestamp(), inv.txId());
        inv.state().put(changed);
        return changed;
    }

    public static Enterprise require(final WorldState state, final String enterpriseId) {
        return state.require(RecordKeys.enterprise(enterpriseId), Enterprise.class, "enterprise " + enterpriseId);
    }

    /** A beneficiary, recipient or bank must be registered and ACTIVE; otherwise INVALID_COUNTERPARTY. */
    public static Enterprise requireActiveCounterparty(final WorldState state, final String enterpriseId,
            final String what) {
        Enterprise enterprise = state.find(RecordKeys.enterprise(enterpriseId), Enterprise.class)
                .orElseThrow(() -> ScfException.of(ErrorCode.INVALID_COUNTERPARTY, what + " " + enterpriseId
                        + " is not a registered enterprise"));
        if (!enterprise.active()) {
            throw ScfException.of(ErrorCode.INVALID_COUNTERPARTY, what + " " + enterpriseId + " is "
                    + enterprise.status());
        }
        return enterprise;
    }
}
