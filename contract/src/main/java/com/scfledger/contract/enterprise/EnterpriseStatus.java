package com.scfledger.contract.enterprise;

/** ACTIVE enterprises act and receive tokens; SUSPENDED ones do neither until reinstated. */
public enum EnterpriseStatus {
    ACTIVE,
    SUSPENDED
}
