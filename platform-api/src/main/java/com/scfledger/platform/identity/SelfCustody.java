package com.scfledger.platform.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import com.scfledger.contract.enterprise.KeyCustody;
import com.scfledger.contract.enterprise.SetEnterpriseCustody;
import com.scfledger.platform.enterprise.Enterprises;
import com.scfledger.platform.ledger.RequestId;
import com.scfledger.platform.ledger.ScfLedger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * An enterprise takes custody of its own keys: each of its users or systems sends a certificate request, the CA
 * issues the certificate, and the ledger lists the certificate among the enterprise's SELF identities (signed by
 * the platform admin, who keeps the registry). The first such enrollment also erases the key the platform held for
 * it, after which the ledger refuses any write the platform could sign for it.
 */
@Service
class SelfCustody {

    record SelfIdentityView(String enterpriseId, String mspId, String enrollmentId, String certificateId,
                            String certificatePem, List<String> selfIdentities, String ledgerTransactionId,
                            String retiredPlatformEnrollmentId) {
    }

    private final LedgerIdentityService identities;
    private final ScfLedger ledger;
    private final Enterprises enterprises;
    private final JdbcClient jdbc;
    private final RetiredCertificates retired;
    private final String operatorId;

    SelfCustody(LedgerIdentityService identities, ScfLedger ledger, Enterprises enterprises, JdbcClient jdbc,
                RetiredCertificates retired, @Value("${scf.platform.operator-enterprise-id:PLATFORM}") String operatorId) {
        this.identities = identities;
        this.ledger = ledger;
        this.enterprises = enterprises;
        this.jdbc = jdbc;
        this.retired = retired;
        this.operatorId = operatorId;
    }

    SelfIdentityView enroll(String enterpriseId, String subjectId, String csrPem) {
        LedgerIdentityService.ClientEnrollment enrolled = identities.enrollClientRequest(enterpriseId, csrPem);
        String certificateId = EnrollmentCrypto.certificateId(enrolled.certificate());
        jdbc.sql("""
                INSERT INTO self_identities (enterprise_id, msp_id, enrollment_id, certificate_pem, subject_id,
                                             certificate_id, active, created_at)
                VALUES (:e, :msp, :eid, :pem, :sub, :cid, true, :now)""")
                .param("e", enterpriseId).param("msp", enrolled.mspId()).param("eid", enrolled.enrollmentId())
                .param("pem", enrolled.certificatePem()).param("sub", subjectId).param("cid", certificateId)
                .param("now", Timestamp.from(Instant.now())).update();
        List<String> all = jdbc.sql("SELECT certificate_id FROM self_identities WHERE enterprise_id = :e AND active "
                        + "ORDER BY id").param("e", enterpriseId).query(String.class).list();
        String txId = ledger.setEnterpriseCustody(operatorId, new SetEnterpriseCustody(enterpriseId, KeyCustody.SELF, all),
                RequestId.of("custody-" + enterpriseId + "-" + certificateId.substring(0, 32))).transactionId();
        enterprises.markCustody(enterpriseId, KeyCustody.SELF.name());
        List<String> retiredEnrollments = identities.retirePlatformKeys(enterpriseId);
        retiredEnrollments.forEach(enrollment -> retired.retired(enterpriseId, enrollment));
        return new SelfIdentityView(enterpriseId, enrolled.mspId(), enrolled.enrollmentId(), certificateId,
                enrolled.certificatePem(), all, txId, retiredEnrollments.isEmpty() ? null : retiredEnrollments.get(0));
    }
}
