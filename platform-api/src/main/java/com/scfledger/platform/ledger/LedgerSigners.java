package com.scfledger.platform.ledger;

/** Where the gateway layer gets a signing identity (implemented by the identity package). */
public interface LedgerSigners {

    /**
     * The signer's current credentials. A personal identity is enrolled at its first use; an enterprise without a
     * ledger identity yet gets a 409 problem.
     */
    LedgerCredentials credentialsOf(Signer signer);

    /** The enterprise's own current credentials. */
    default LedgerCredentials credentialsOf(String enterpriseId) {
        return credentialsOf(Signer.enterprise(enterpriseId));
    }
}
