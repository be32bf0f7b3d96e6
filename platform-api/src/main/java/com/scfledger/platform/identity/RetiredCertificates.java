package com.scfledger.platform.identity;

/**
 * What happens to the certificate of a platform-held key once its enterprise holds its own keys. The key itself is
 * erased at once, and the ledger already refuses the certificate's writes (the enterprise's custody is SELF); revoking
 * it at the CA (and in the channel's CRL) is this hook's job.
 */
interface RetiredCertificates {

    void retired(String enterpriseId, String enrollmentId);

    /** A SELF identity that its user replaced with a new key: it has left the enterprise's identities on the ledger. */
    void superseded(String enterpriseId, String enrollmentId);
}
