package com.scfledger.platform.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Until certificates are revoked from here, the retirement is logged for the operator to revoke by hand. */
@Component
class LoggedRetiredCertificates implements RetiredCertificates {

    private static final Logger log = LoggerFactory.getLogger(LoggedRetiredCertificates.class);

    @Override
    public void retired(String enterpriseId, String enrollmentId) {
        log.warn("the platform-held key of {} ({}) is erased and the ledger refuses its writes; revoke its certificate: "
                + "scripts/network.sh revoke {}", enterpriseId, enrollmentId, enrollmentId);
    }

    @Override
    public void superseded(String enterpriseId, String enrollmentId) {
        log.warn("a user of {} enrolled a new key; the ledger refuses the old certificate ({}) from now on; revoke it: "
                + "scripts/network.sh revoke {}", enterpriseId, enrollmentId, enrollmentId);
    }
}
