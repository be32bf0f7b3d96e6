package com.scfledger.platform.identity;

import com.scfledger.platform.domain.Reason;
import com.scfledger.platform.domain.NotYetPossible;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.HexFormat;

import com.scfledger.platform.IntegrationTestBase;
import com.scfledger.platform.ledger.LedgerCredentials;
import com.scfledger.platform.ledger.Org;
import com.scfledger.platform.ledger.Signer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Key custody in the real database: what is stored, and what the gateway layer gets back. */
class LedgerIdentityIntegrationTest extends IntegrationTestBase {

    @Autowired
    LedgerIdentityService identities;

    private static X509Certificate selfSigned(KeyPair keys, String cn) throws Exception {
        long now = System.currentTimeMillis();
        var builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + cn), BigInteger.valueOf(now),
                new Date(now - 60_000), new Date(now + 86_400_000L), new X500Name("CN=" + cn), keys.getPublic());
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }

    @Test
    void theKeyIsStoredSealedAndComesBackForSigning() throws Exception {
        String admin = adminToken();
        String ent = createEnterprise(admin, "CORE", "CORE");
        KeyPair keys = EnrollmentCrypto.newKeyPair();
        X509Certificate cert = selfSigned(keys, ent.toLowerCase() + "-1");
        String pem = EnrollmentCrypto.pem("CERTIFICATE", cert.getEncoded());
        identities.store(ent, Org.CORE, "CoreMSP", ent.toLowerCase() + "-1", pem, null, keys.getPrivate(), cert);

        byte[] sealed = jdbc.sql("SELECT key_ciphertext FROM ledger_identities WHERE enterprise_id = :e AND active")
                .param("e", ent).query(byte[].class).single();
        String sealedHex = HexFormat.of().formatHex(sealed);
        assertThat(sealedHex).doesNotContain(HexFormat.of().formatHex(keys.getPrivate().getEncoded()).substring(70, 130));

        LedgerCredentials c = identities.credentialsOf(ent);
        assertThat(c.privateKey()).isEqualTo(keys.getPrivate());
        assertThat(c.certificate()).isEqualTo(cert);
        assertThat(c.mspId()).isEqualTo("CoreMSP");
        assertThat(c.org()).isEqualTo(Org.CORE);
        assertThat(c.toString()).doesNotContain(keys.getPrivate().toString());

        Response view = get("/api/v1/admin/enterprises/" + ent + "/ledger-identity", bearer(admin));
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.json().path("enrollmentId").asString()).isEqualTo(ent.toLowerCase() + "-1");
        assertThat(view.body()).doesNotContain("PRIVATE");

        // a second enrollment replaces the first: one active identity, a new version
        KeyPair keys2 = EnrollmentCrypto.newKeyPair();
        X509Certificate cert2 = selfSigned(keys2, ent.toLowerCase() + "-2");
        identities.store(ent, Org.CORE, "CoreMSP", ent.toLowerCase() + "-2",
                EnrollmentCrypto.pem("CERTIFICATE", cert2.getEncoded()), null, keys2.getPrivate(), cert2);
        LedgerCredentials c2 = identities.credentialsOf(ent);
        assertThat(c2.privateKey()).isEqualTo(keys2.getPrivate());
        assertThat(c2.version()).isNotEqualTo(c.version());
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_identities WHERE enterprise_id = :e AND active").param("e", ent)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void disablingAnApproverRetiresTheirPersonalLedgerIdentityAndLeavesTheEnterprisesOwn() throws Exception {
        String admin = adminToken();
        String bank = createEnterprise(admin, "DISB", "BANK");
        String maker = createUser(admin, bank, "BANK");
        KeyPair own = EnrollmentCrypto.newKeyPair();
        X509Certificate ownCert = selfSigned(own, bank.toLowerCase() + "-own");
        identities.store(bank, Org.BANK, "BankMSP", bank.toLowerCase() + "-own",
                EnrollmentCrypto.pem("CERTIFICATE", ownCert.getEncoded()), null, own.getPrivate(), ownCert);
        KeyPair personal = EnrollmentCrypto.newKeyPair();
        X509Certificate personalCert = selfSigned(personal, bank.toLowerCase() + "-" + maker);
        identities.store(new Signer(bank, maker), Org.BANK, "BankMSP", bank.toLowerCase() + "-" + maker,
                EnrollmentCrypto.pem("CERTIFICATE", personalCert.getEncoded()), null, personal.getPrivate(), personalCert);
        assertThat(identities.credentialsOf(new Signer(bank, maker)).certificate()).isEqualTo(personalCert);

        java.util.UUID id = jdbc.sql("SELECT id FROM users WHERE username = :u").param("u", maker)
                .query(java.util.UUID.class).single();
        assertThat(post("/api/v1/admin/users/" + id + "/disable", "", bearer(admin)).status()).isEqualTo(200);

        assertThat(jdbc.sql("SELECT count(*) FROM ledger_identities WHERE enterprise_id = :e AND username = :u AND active")
                .param("e", bank).param("u", maker).query(Long.class).single()).isZero();
        assertThat(identities.credentialsOf(bank).certificate()).isEqualTo(ownCert);
    }

    @Test
    void aSealedKeyMovedToAnotherEnterpriseDoesNotDecrypt() throws Exception {
        String admin = adminToken();
        String a = createEnterprise(admin, "CORE", "CORE");
        String b = createEnterprise(admin, "CORE", "CORE");
        KeyPair keys = EnrollmentCrypto.newKeyPair();
        X509Certificate cert = selfSigned(keys, "x");
        String pem = EnrollmentCrypto.pem("CERTIFICATE", cert.getEncoded());
        identities.store(a, Org.CORE, "CoreMSP", a.toLowerCase() + "-x", pem, null, keys.getPrivate(), cert);
        identities.store(b, Org.CORE, "CoreMSP", b.toLowerCase() + "-x", pem, null, EnrollmentCrypto.newKeyPair().getPrivate(),
                cert);
        jdbc.sql("""
                UPDATE ledger_identities SET key_ciphertext = (SELECT key_ciphertext FROM ledger_identities
                    WHERE enterprise_id = :a AND active) WHERE enterprise_id = :b AND active""")
                .param("a", a).param("b", b).update();
        assertThatThrownBy(() -> identities.credentialsOf(b)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEnterpriseWithoutAnIdentityCannotSign() {
        String ent = createEnterprise(adminToken(), "SUPP", "SUPPLIER");
        assertThatThrownBy(() -> identities.credentialsOf(ent)).isInstanceOfSatisfying(NotYetPossible.class,
                p -> assertThat(p.reason()).isEqualTo(Reason.LEDGER_IDENTITY_MISSING));
        Response r = get("/api/v1/admin/enterprises/" + ent + "/ledger-identity", bearer(adminToken()));
        assertThat(r.status()).isEqualTo(404);
    }
}
