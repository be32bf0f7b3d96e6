package com.scfledger.chaincode.ledger;

/** The ways an identity can be recognised; see {@link CallerResolver}. */
public enum CallerKind {
    /** Acts for a registered, active enterprise. */
    ENTERPRISE,
    /** PlatformMSP identity with scf.role PLATFORM_ADMIN: registers enterprises, anchors records, tunes settings. */
    PLATFORM_ADMIN,
    /** scf.role AUDITOR: reads everything, changes nothing. */
    AUDITOR,
    /** An organisation admin (certificate OU "admin") without enterprise attributes: reads everything. */
    ORG_ADMIN
}
