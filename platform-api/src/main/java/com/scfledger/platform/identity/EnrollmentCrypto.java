package com.scfledger.platform.identity;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/** Key pairs, CSRs (BouncyCastle) and the Fabric CA's token authorization. */
final class EnrollmentCrypto {

    private EnrollmentCrypto() {
    }

    /** A new P-256 key pair, the curve Fabric's default MSP expects. */
    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PKCS#10 request in PEM with the enrollment id as its common name, signed with SHA256withECDSA. */
    static String csrPem(String commonName, KeyPair keys) {
        try {
            PKCS10CertificationRequest csr = new JcaPKCS10CertificationRequestBuilder(
                    new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build(), keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
            return pem("CERTIFICATE REQUEST", csr.getEncoded());
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot build a CSR", e);
        }
    }

    /**
     * A client's PKCS#10 request, checked: PEM, self-signed correctly, for a P-256 key. Its common name is the
     * enrollment id the CA will issue the certificate to (Fabric CA requires them to be equal).
     */
    static PKCS10CertificationRequest readCsr(String csrPem) {
        try (org.bouncycastle.util.io.pem.PemReader reader = new org.bouncycastle.util.io.pem.PemReader(
                new StringReader(csrPem == null ? "" : csrPem))) {
            PemObject pem = reader.readPemObject();
            if (pem == null || !pem.getType().endsWith("CERTIFICATE REQUEST")) {
                throw new IllegalArgumentException("not a PEM certificate request");
            }
            PKCS10CertificationRequest csr = new PKCS10CertificationRequest(pem.getContent());
            var publicKey = new org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest(csr).getPublicKey();
            if (!(publicKey instanceof java.security.interfaces.ECPublicKey ec)
                    || ec.getParams().getCurve().getField().getFieldSize() != 256) {
                throw new IllegalArgumentException("the key must be ECDSA P-256");
            }
            if (!csr.isSignatureValid(new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder()
                    .build(publicKey))) {
                throw new IllegalArgumentException("its signature does not verify");
            }
            return csr;
        } catch (IOException | GeneralSecurityException | OperatorCreationException
                 | org.bouncycastle.pkcs.PKCSException | RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage() == null ? "unreadable" : e.getMessage(), e);
        }
    }

    /** The request's common name, or null. */
    static String commonName(PKCS10CertificationRequest csr) {
        var cn = csr.getSubject().getRDNs(BCStyle.CN);
        return cn.length == 0 ? null : cn[0].getFirst().getValue().toString();
    }

    /** SHA-256 of the DER certificate, lower-case hex: how the ledger lists an enterprise's SELF identities. */
    static String certificateId(X509Certificate certificate) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String type, byte[] der) {
        StringWriter out = new StringWriter();
        try (PemWriter w = new PemWriter(out)) {
            w.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    static X509Certificate certificate(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an X.509 certificate in PEM", e);
        }
    }

    static PrivateKey ecPrivateKey(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an EC private key", e);
        }
    }

    /**
     * The Fabric CA's {@code Authorization} token for a request made by a registrar:
     * {@code base64(certPEM) "." base64(signature)}, the signature being ECDSA-SHA256 over
     * {@code method "." base64(uri) "." base64(body) "." base64(certPEM)} with a low S (Fabric's
     * verifier refuses a high-S signature).
     */
    static String caToken(String certPem, PrivateKey key, String method, String uri, byte[] body) {
        Base64.Encoder b64 = Base64.getEncoder();
        String b64Cert = b64.encodeToString(certPem.getBytes(StandardCharsets.UTF_8));
        String payload = method + "." + b64.encodeToString(uri.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(body) + "." + b64Cert;
        try {
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initSign(key);
            s.update(payload.getBytes(StandardCharsets.UTF_8));
            byte[] der = lowS(s.sign(), ((ECPrivateKey) key).getParams().getOrder());
            return b64Cert + "." + b64.encodeToString(der);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot sign the CA token", e);
        }
    }

    /** Re-encodes a DER ECDSA signature with s replaced by n - s when s is above n / 2. */
    static byte[] lowS(byte[] der, BigInteger order) throws IOException {
        ASN1Sequence seq = ASN1Sequence.getInstance(der);
        BigInteger r = ASN1Integer.getInstance(seq.getObjectAt(0)).getPositiveValue();
        BigInteger s = ASN1Integer.getInstance(seq.getObjectAt(1)).getPositiveValue();
        if (s.compareTo(order.shiftRight(1)) > 0) {
            s = order.subtract(s);
        }
        return new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {new ASN1Integer(r), new ASN1Integer(s)})
                .getEncoded("DER");
    }

    static String readPem(String maybeBase64Pem) {
        return maybeBase64Pem.contains("-----BEGIN") ? maybeBase64Pem
                : new String(Base64.getDecoder().decode(maybeBase64Pem), StandardCharsets.UTF_8);
    }

    static StringReader reader(String s) {
        return new StringReader(s);
    }
}
