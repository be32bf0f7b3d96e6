package com.scfledger.platform.kyc;

/** The documents a KYC application needs, one or more of each. */
enum KycDocumentKind {
    /** The business licence (营业执照). */
    BUSINESS_LICENCE,
    /** The identity document of the authorised signatory. */
    SIGNATORY_ID
}
