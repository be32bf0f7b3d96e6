package com.scfledger.platform.ledger;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * A signing identity on the ledger: an enterprise's own, or one of its users' personal one.
 *
 * @param version  changes whenever the identity is enrolled again, so cached gateways are replaced
 * @param username null for the enterprise's own identity
 */
public record LedgerCredentials(String enterpriseId, Org org, String mspId, X509Certificate certificate,
                                PrivateKey privateKey, long version, String username) {

    /** The enterprise's own identity. */
    public LedgerCredentials(String enterpriseId, Org org, String mspId, X509Certificate certificate,
                             PrivateKey privateKey, long version) {
        this(enterpriseId, org, mspId, certificate, privateKey, version, null);
    }

    public Signer signer() {
        return new Signer(enterpriseId, username);
    }

    @Override
    public String toString() {
        return "LedgerCredentials[" + signer() + ", " + mspId + ", version " + version + ", privateKey=***]";
    }
}
