package com.scfledger.chaincode.testing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

import com.google.protobuf.ByteString;

/**
 * Real Fabric creator bytes for tests that go through the shim's own {@code ClientIdentity}: a self-signed X.509
 * certificate carrying the attribute extension (OID 1.2.3.4.5.6.7.8.1, JSON {@code {"attrs":{...}}}) exactly as
 * Fabric CA writes it, wrapped in a serialised MSP identity.
 */
public final class TestIdentities {

    private static final String ATTRIBUTE_EXTENSION = "1.2.3.4.5.6.7.8.1";
    private static final KeyPair KEYS = generateKeys();

    private TestIdentities() {
    }

    /** A client certificate ({@code OU=client}) with the given SCF attributes (null values are left out). */
    public static byte[] client(final String mspId, final String enterpriseId, final String role) {
        return client(mspId, enterpriseId, role, "user@" + mspId);
    }

    /** The same, for a named user: two users of one role have two certificates, told apart by their subject. */
    public static byte[] client(final String mspId, final String enterpriseId, final String role,
            final String commonName) {
        Map<String, String> attributes = new TreeMap<>();
        if (enterpriseId != null) {
            attributes.put("scf.enterpriseId", enterpriseId);
        }
        if (role != null) {
            attributes.put("scf.role", role);
        }
        return creator(commonName, mspId, "client", attributes);
    }

    /** A user's personal certificate ({@code CN=<username>}) with the SCF attributes and {@code scf.username}. */
    public static byte[] person(final String mspId, final String enterpriseId, final String role,
            final String username) {
        Map<String, String> attributes = new TreeMap<>(Map.of("scf.enterpriseId", enterpriseId, "scf.role", role,
                "scf.username", username));
        return creator(username, mspId, "client", attributes);
    }

    /** An organisation admin's certificate ({@code OU=admin}) without SCF attributes. */
    public static byte[] orgAdmin(final String mspId) {
        return creator("user@" + mspId, mspId, "admin", Map.of());
    }

    private static byte[] creator(final String commonName, final String mspId, final String unit,
            final Map<String, String> attributes) {
        try {
            X500Name subject = new X500Name("CN=" + commonName + ",OU=" + unit + ",O=" + mspId);
            Date from = new Date(1_700_000_000_000L);
            Date to = new Date(4_000_000_000_000L);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, BigInteger.ONE, from, to,
                    subject, KEYS.getPublic());
            if (!attributes.isEmpty()) {
                StringBuilder json = new StringBuilder("{\"attrs\":{");
                attributes.forEach((name, value) -> json.append(json.charAt(json.length() - 1) == '{' ? "" : ",")
                        .append('"').append(name).append("\":\"").append(value).append('"'));
                json.append("}}");
                builder.addExtension(new ASN1ObjectIdentifier(ATTRIBUTE_EXTENSION), false,
                        json.toString().getBytes(StandardCharsets.UTF_8));
            }
            byte[] der = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(KEYS.getPrivate()))
                    .getEncoded();
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                    + "\n-----END CERTIFICATE-----\n";
            return SerializedIdentity.newBuilder()
                    .setMspid(mspId)
                    .setIdBytes(ByteString.copyFromUtf8(pem))
                    .build()
                    .toByteArray();
        } catch (java.io.IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot build a test certificate", e);
        }
    }

    private static KeyPair generateKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
