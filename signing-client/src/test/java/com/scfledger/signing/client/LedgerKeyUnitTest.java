package com.scfledger.signing.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.Signature;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerKeyUnitTest {

    @Test
    void aPkcs12KeySignsLowSSignaturesThatVerifyAndSurvivesReopening(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("erp.p12");
        LedgerKey key = KeyStores.pkcs12(file, "secret".toCharArray(), "erp", true);
        byte[] message = "a proposal".getBytes();

        for (int i = 0; i < 64; i++) {
            byte[] der = key.sign(message);
            assertThat(LowS.isLow(der)).isTrue();
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(key.publicKey());
            verifier.update(message);
            assertThat(verifier.verify(der)).isTrue();
        }
        assertThat(KeyStores.pkcs12(file, "secret".toCharArray(), "erp", false).publicKey()).isEqualTo(key.publicKey());
        assertThat(key.toString()).doesNotContain(key.privateKey().toString());
    }

    @Test
    void aHighSSignatureIsFlippedToTheLowHalf() {
        byte[] high = LowS.encode(java.math.BigInteger.TEN, LedgerKey.P256_ORDER.subtract(java.math.BigInteger.ONE));

        byte[] low = LowS.normalise(high);

        assertThat(LowS.isLow(high)).isFalse();
        assertThat(low).isEqualTo(LowS.encode(java.math.BigInteger.TEN, java.math.BigInteger.ONE));
    }

    @Test
    void aCertificateRequestNamesTheEnrollmentIdAndCarriesTheKey(@TempDir Path dir) throws Exception {
        LedgerKey key = KeyStores.pkcs12(dir.resolve("k.p12"), "pw".toCharArray(), "k", true);

        String pem = CertificateRequests.pem("huaxin-erp-1", key);

        var csr = new org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest(
                new org.bouncycastle.util.io.pem.PemReader(new java.io.StringReader(pem)).readPemObject().getContent());
        assertThat(csr.getSubject().toString()).isEqualTo("CN=huaxin-erp-1");
        assertThat(csr.getPublicKey()).isEqualTo(key.publicKey());
    }
}
