package com.scfledger.platform.ledger;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * An enterprise's signing identity on the ledger.
 *
 * @param version changes whenever the enterprise is enrolled again, so cached gateways are replaced
 */
public record LedgerCredentials(String enterpriseId, Org org, String mspId, X509Certificate certificate,
                                PrivateKey privateKey, long version) {

    @Override
    public String toString() {
        return "LedgerCredentials[" + enterpriseId + ", " + mspId + ", version " + version + ", privateKey=***]";
    }
}
