package com.scfledger.chaincode.ledger;

import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.enterprise.Enterprise;
import com.scfledger.contract.enterprise.EnterpriseRole;
import com.scfledger.contract.financing.Approver;
import com.scfledger.contract.ledger.Actor;

/**
 * The submitter of the current transaction, resolved once from its certificate and the enterprise registry.
 *
 * @param mspId      the submitter's organisation
 * @param kind       how it was recognised
 * @param enterprise the active enterprise it acts for; null unless kind is ENTERPRISE
 * @param orgAdmin   whether the certificate is an organisation admin's (which grants read-all)
 * @param identity   the submitting certificate as Fabric names it ({@code x509::<subject>::<issuer>}) with its
 *                   {@code scf.username} attribute: what tells two signers of one enterprise apart, and what a
 *                   registration records as the certificate that made it
 * @param certificateHash SHA-256 of the same certificate's DER encoding, lower-case hex: how an enterprise under
 *                   SELF custody lists the certificates that may act for it; null when the certificate cannot be read
 */
public record Caller(String mspId, CallerKind kind, Enterprise enterprise, boolean orgAdmin, Approver identity,
                     String certificateHash) {

    /** The enterprise's id, or null for callers that act for no enterprise. */
    public String enterpriseId() {
        return enterprise == null ? null : enterprise.id();
    }

    /** Platform admins, auditors and org admins see every record; enterprises see what they hold, owe or finance. */
    public boolean readsEverything() {
        return kind != CallerKind.ENTERPRISE || orgAdmin;
    }

    public boolean actsFor(final String enterpriseId) {
        return enterprise != null && enterprise.id().equals(enterpriseId);
    }

    public Enterprise requireEnterprise() {
        if (enterprise == null) {
            throw ScfException.of(ErrorCode.UNAUTHORIZED,
                    "this transaction needs an identity acting for an enterprise");
        }
        return enterprise;
    }

    public Enterprise requireEnterpriseRole(final EnterpriseRole role) {
        Enterprise actingFor = requireEnterprise();
        if (actingFor.role() != role) {
            throw ScfException.of(ErrorCode.UNAUTHORIZED, "only a " + role + " enterprise may do this; "
                    + actingFor.id() + " is " + actingFor.role());
        }
        return actingFor;
    }

    /**
     * A write for an enterprise under SELF custody must be signed by one of the certificates it listed: a key the
     * platform holds cannot act for it.
     */
    public void requireOwnKey() {
        if (enterprise != null && !enterprise.writableBy(certificateHash)) {
            throw ScfException.of(ErrorCode.UNAUTHORIZED, "enterprise " + enterprise.id()
                    + " holds its own keys; certificate " + certificateHash + " is not one of its identities");
        }
    }

    public void requirePlatformAdmin() {
        if (kind != CallerKind.PLATFORM_ADMIN) {
            throw ScfException.of(ErrorCode.UNAUTHORIZED, "only the platform admin may do this");
        }
    }

    public Actor actor() {
        String role = enterprise != null ? enterprise.role().name() : kind.name();
        return new Actor(mspId, enterpriseId(), role);
    }
}
