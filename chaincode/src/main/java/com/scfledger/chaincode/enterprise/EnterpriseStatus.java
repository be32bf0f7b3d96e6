package com.scfledger.chaincode.enterprise;

/** ACTIVE enterprises act and receive tokens; SUSPENDED ones do neither until reinstated. */
public enum EnterpriseStatus {
    ACTIVE,
    SUSPENDED
}
