package com.scfledger.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class EnrollmentCryptoUnitTest {

    private static final KeyPair KEYS = EnrollmentCrypto.newKeyPair();
    private static final String CERT_PEM = "-----BEGIN CERTIFICATE-----\nMIIB...fake\n-----END CERTIFICATE-----\n";

    @Test
    void aCsrCarriesTheEnrollmentIdAndIsSignedByTheKey() throws Exception {
        String pem = EnrollmentCrypto.csrPem("core-1-ab12cd34", KEYS);
        assertThat(pem).startsWith("-----BEGIN CERTIFICATE REQUEST-----");
        PKCS10CertificationRequest csr;
        try (PEMParser parser = new PEMParser(EnrollmentCrypto.reader(pem))) {
            csr = (PKCS10CertificationRequest) parser.readObject();
        }
        assertThat(IETFUtils.valueToString(csr.getSubject().getRDNs(BCStyle.CN)[0].getFirst().getValue()))
                .isEqualTo("core-1-ab12cd34");
        assertThat(csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(KEYS.getPublic()))).isTrue();
        assertThat(csr.getSignatureAlgorithm().getAlgorithm().getId()).isEqualTo("1.2.840.10045.4.3.2"); // ecdsa-with-SHA256
    }

    @RepeatedTest(20)
    void theCaTokenSignsMethodUriBodyAndCertificateWithALowS() throws Exception {
        byte[] body = "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        String token = EnrollmentCrypto.caToken(CERT_PEM, KEYS.getPrivate(), "POST", "/api/v1/register", body);

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(2);
        assertThat(new String(Base64.getDecoder().decode(parts[0]), StandardCharsets.UTF_8)).isEqualTo(CERT_PEM);

        Base64.Encoder b64 = Base64.getEncoder();
        String payload = "POST." + b64.encodeToString("/api/v1/register".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(body) + "." + b64.encodeToString(CERT_PEM.getBytes(StandardCharsets.UTF_8));
        byte[] der = Base64.getDecoder().decode(parts[1]);
        Signature verify = Signature.getInstance("SHA256withECDSA");
        verify.initVerify(KEYS.getPublic());
        verify.update(payload.getBytes(StandardCharsets.UTF_8));
        assertThat(verify.verify(der)).isTrue();

        BigInteger n = ((ECPublicKey) KEYS.getPublic()).getParams().getOrder();
        BigInteger s = ASN1Integer.getInstance(ASN1Sequence.getInstance(der).getObjectAt(1)).getPositiveValue();
        assertThat(s).isLessThanOrEqualTo(n.shiftRight(1));
    }

    @Test
    void aHighSIsFlipped() throws Exception {
        BigInteger n = ((ECPublicKey) KEYS.getPublic()).getParams().getOrder();
        BigInteger r = BigInteger.valueOf(12345);
        BigInteger high = n.subtract(BigInteger.TEN);
        byte[] der = new org.bouncycastle.asn1.DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                new ASN1Integer(r), new ASN1Integer(high)}).getEncoded();
        ASN1Sequence out = ASN1Sequence.getInstance(EnrollmentCrypto.lowS(der, n));
        assertThat(ASN1Integer.getInstance(out.getObjectAt(0)).getPositiveValue()).isEqualTo(r);
        assertThat(ASN1Integer.getInstance(out.getObjectAt(1)).getPositiveValue()).isEqualTo(BigInteger.TEN);
    }

    @Test
    void privateKeysSurviveTheirPkcs8Encoding() {
        assertThat(EnrollmentCrypto.ecPrivateKey(KEYS.getPrivate().getEncoded())).isEqualTo(KEYS.getPrivate());
    }

    @Test
    void pemOrBase64PemIsAccepted() {
        assertThat(EnrollmentCrypto.readPem(CERT_PEM)).isEqualTo(CERT_PEM);
        assertThat(EnrollmentCrypto.readPem(Base64.getEncoder().encodeToString(CERT_PEM.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(CERT_PEM);
    }
}
