package com.scfledger.contract.enterprise;

/** Who holds the private keys behind an enterprise's ledger signatures. */
public enum KeyCustody {
    /** The platform keeps the enterprise's key (sealed) and signs for it. */
    PLATFORM,
    /** The enterprise's own users or systems hold their keys; only its listed certificates may write for it. */
    SELF
}
