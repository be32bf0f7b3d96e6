package com.scfledger.platform.identity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
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
 * it, after which the ledger refuses any write the platform could sign for it; that key's certificate, and any the
 * caller enrolled before, are revoked at the CA.
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
    private final String operatorId;

    SelfCustody(LedgerIdentityService identities, ScfLedger ledger, Enterprises enterprises, JdbcClient jdbc,
                @Value("${scf.platform.operator-enterprise-id:PLATFORM}") String operatorId) {
        this.identities = identities;
        this.ledger = ledger;
        this.enterprises = enterprises;
        this.jdbc = jdbc;
        this.operatorId = operatorId;
    }

    /**
     * One of the caller's certificates: its fingerprint, subject, and the SHA-256 of its public key (the DER
     * SubjectPublicKeyInfo), by which a client finds the certificate of a key it holds.
     */
    record MyIdentity(String enrollmentId, String certificateId, String subject, String publicKeyId, String mspId,
                      Instant createdAt) {
    }

    /** Who holds the enterprise's keys, and the caller's own active certificates, newest first. */
    record CustodyView(String enterpriseId, String custody, List<MyIdentity> identities) {
    }

    CustodyView custodyOf(String enterpriseId, String subjectId) {
        String custody = jdbc.sql("SELECT custody FROM enterprises WHERE id = :e").param("e", enterpriseId)
                .query(String.class).optional().orElse(KeyCustody.PLATFORM.name());
        List<MyIdentity> mine = jdbc.sql("""
                SELECT enrollment_id, certificate_id, certificate_pem, msp_id, created_at FROM self_identities
                WHERE enterprise_id = :e AND subject_id = :s AND active ORDER BY id DESC""")
                .param("e", enterpriseId).param("s", subjectId)
                .query((rs, i) -> {
                    X509Certificate cert = EnrollmentCrypto.certificate(rs.getString("certificate_pem"));
                    return new MyIdentity(rs.getString("enrollment_id"), rs.getString("certificate_id"),
                            cert.getSubjectX500Principal().getName(), sha256Hex(cert.getPublicKey().getEncoded()),
                            rs.getString("msp_id"), rs.getTimestamp("created_at").toInstant());
                }).list();
        return new CustodyView(enterpriseId, custody, mine);
    }

    /**
     * Enrolls the caller's key. A key the caller enrolled before is superseded (a user who lost a key enrolls a new
     * one): it leaves the enterprise's SELF identities on the ledger in the same update, so the chaincode refuses it
     * from then on, and its certificate is handed over for revocation.
     */
    SelfIdentityView enroll(String enterpriseId, String subjectId, String csrPem) {
        LedgerIdentityService.ClientEnrollment enrolled = identities.enrollClientRequest(enterpriseId, csrPem);
        String certificateId = EnrollmentCrypto.certificateId(enrolled.certificate());
        List<String> superseded = jdbc.sql("""
                UPDATE self_identities SET active = false
                WHERE enterprise_id = :e AND subject_id = :s AND active RETURNING enrollment_id""")
                .param("e", enterpriseId).param("s", subjectId).query(String.class).list();
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
        identities.revokeSuperseded(enterpriseId, enrolled.org(), superseded);
        return new SelfIdentityView(enterpriseId, enrolled.mspId(), enrolled.enrollmentId(), certificateId,
                enrolled.certificatePem(), all, txId, retiredEnrollments.isEmpty() ? null : retiredEnrollments.get(0));
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
