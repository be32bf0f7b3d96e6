package com.scfledger.platform.ledger;

/** Where the gateway layer gets an enterprise's signing identity (implemented by the identity package). */
public interface LedgerSigners {

    /** The enterprise's current credentials; throws a 409 problem when it has no ledger identity yet. */
    LedgerCredentials credentialsOf(String enterpriseId);
}
