package com.scfledger.chaincode.enterprise;

import java.util.List;

import com.scfledger.chaincode.ledger.Caller;
import com.scfledger.chaincode.ledger.Invocation;
import com.scfledger.chaincode.ledger.ScfException;
import com.scfledger.chaincode.ledger.WorldState;
import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.RecordKeys;
import com.scfledger.contract.anchor.Anchor;
import com.scfledger.contract.enterprise.Admission;
import com.scfledger.contract.enterprise.Enterprise;
import com.scfledger.contract.enterprise.EnterpriseRole;
import com.scfledger.contract.enterprise.EnterpriseStatus;
import com.scfledger.contract.enterprise.KeyCustody;

/**
 * The enterprise registry, kept by the platform admins with four eyes: one admin certificate proposes an admission
 * naming the enterprise's anchored KYC record, another confirms it with RegisterEnterprise. No enterprise enters the
 * registry on one signature, nor without a KYC record anchored on the ledger.
 */
public final class EnterpriseService {

    /** KYC records are anchored under this record type; the admission names one of them. */
    public static final String KYC_RECORD_TYPE = "KYC";

    /**
     * The first platform admin's proposal. The KYC record must already be anchored, and its first anchor (the one
     * no later version can replace) must carry the hash the enterprise will be registered with. A pending proposal
     * may be replaced, by any platform admin, until it is confirmed.
     */
    public Admission propose(final Invocation inv, final String enterpriseId, final EnterpriseRole role,
            final String mspId, final String kycRecordId, final String kycHash) {
        Caller caller = inv.caller();
        caller.requirePlatformAdmin();
        requireNotRegistered(inv.state(), enterpriseId);
        requireAnchoredKyc(inv.state(), kycRecordId, kycHash);
        Admission admission = new Admission(enterpriseId, role, mspId, kycRecordId, kycHash,
                requireCertificate(caller), inv.timestamp(), inv.txId(), null, null, null);
        inv.state().put(admission);
        return admission;
    }

    /** The second platform admin's confirmation: same terms, another certificate; the enterprise becomes ACTIVE. */
    public Enterprise register(final Invocation inv, final String enterpriseId, final EnterpriseRole role,
            final String mspId, final String kycHash) {
        Caller caller = inv.caller();
        caller.requirePlatformAdmin();
        requireNotRegistered(inv.state(), enterpriseId);
        Admission admission = inv.state().find(RecordKeys.admission(enterpriseId), Admission.class)
                .orElseThrow(() -> ScfException.of(ErrorCode.INVALID_STATE, "enterprise " + enterpriseId
                        + " has no admission proposal; a platform admin proposes it first (ProposeAdmission)"));
        String certificate = requireCertificate(caller);
        if (certificate.equals(admission.proposedBy())) {
            throw ScfException.of(ErrorCode.SAME_APPROVER, "the admission of " + enterpriseId
                    + " was proposed by this certificate; another platform admin confirms it");
        }
        if (!admission.sameTerms(role, mspId, kycHash)) {
            throw ScfException.of(ErrorCode.TERMS_MISMATCH, "the admission of " + enterpriseId + " proposes "
                    + admission.role() + " in " + admission.mspId() + " with KYC hash " + admission.kycHash());
        }
        requireAnchoredKyc(inv.state(), admission.kycRecordId(), kycHash);
        inv.state().put(admission.confirmed(certificate, inv.timestamp(), inv.txId()));
        Enterprise enterprise = new Enterprise(enterpriseId, role, mspId, EnterpriseStatus.ACTIVE, kycHash,
                inv.timestamp(), inv.timestamp(), inv.txId());
        inv.state().put(enterprise);
        return enterprise;
    }

    private static void requireNotRegistered(final WorldState state, final String enterpriseId) {
        if (state.exists(RecordKeys.enterprise(enterpriseId))) {
            throw ScfException.of(ErrorCode.ALREADY_EXISTS, "enterprise " + enterpriseId + " is already registered");
        }
    }

    private static void requireAnchoredKyc(final WorldState state, final String kycRecordId, final String kycHash) {
        Anchor first = state.find(RecordKeys.anchor(KYC_RECORD_TYPE, kycRecordId), Anchor.class)
                .orElseThrow(() -> ScfException.of(ErrorCode.KYC_NOT_ANCHORED, "no KYC record " + kycRecordId
                        + " is anchored"));
        if (!first.sha256().equals(kycHash)) {
            throw ScfException.of(ErrorCode.KYC_NOT_ANCHORED, "KYC record " + kycRecordId + " was first anchored with "
                    + first.sha256() + ", not " + kycHash);
        }
    }

    private static String requireCertificate(final Caller caller) {
        String certificate = caller.identity() == null ? null : caller.identity().identity();
        if (certificate == null || certificate.isEmpty()) {
            throw ScfException.of(ErrorCode.UNAUTHORIZED, "the submitting certificate has no identity id");
        }
        return certificate;
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
