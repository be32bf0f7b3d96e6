package com.scfledger.contract.enterprise;

/** What an enterprise is on the platform; an identity's scf.role attribute must name its enterprise's role. */
public enum EnterpriseRole {
    /** A core enterprise: the obligor of payables. */
    CORE,
    /** A supplier at any tier: holds, splits, transfers and finances tokens. */
    SUPPLIER,
    /** A bank: approves or rejects financing and holds the tokens it finances. */
    BANK,
    /** The platform operator as a business party. */
    PLATFORM
}
