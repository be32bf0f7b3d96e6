package com.scfledger.platform.ledger;

/** The peer organisations of the network; each enterprise belongs to one and uses its peer and CA. */
public enum Org {
    PLATFORM, BANK, CORE
}
