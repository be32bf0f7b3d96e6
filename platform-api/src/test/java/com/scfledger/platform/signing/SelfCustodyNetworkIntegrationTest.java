package com.scfledger.platform.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.scfledger.contract.payable.RegisterPayable;
import com.scfledger.platform.NetworkIntegrationTestBase;
import com.scfledger.platform.ledger.LedgerRefusal;
import com.scfledger.platform.ledger.RequestId;
import com.scfledger.platform.ledger.ScfLedger;
import com.scfledger.platform.problem.ApiProblem;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A core enterprise takes custody of its own key on the live network: it enrolls by certificate request, its
 * writes go through offline signing (prepare, sign, endorse, sign, submit), bad signatures and late ones write
 * nothing, a retried submit acts once, its private key is nowhere in PostgreSQL, and neither the API's write path
 * nor a certificate the platform holds for it can write in its name.
 */
class SelfCustodyNetworkIntegrationTest extends NetworkIntegrationTestBase {

    private static final BigInteger P256_ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    @Autowired
    private ScfLedger ledger;

    @Test
    void aSelfCustodyCoreSignsItsOwnWritesAndNobodyElseCan() throws Exception {
        Party core = onboard("SLC", "CORE");
        Party supplier = onboard("SLS", "SUPPLIER");
        KeyPair erpKey = newKey();
        String enrollmentId = core.id().toLowerCase(Locale.ROOT) + "-erp";

        Response enrolled = expect(post("/api/v1/self-custody/certificate-requests",
                Map.of("csr", csr(enrollmentId, erpKey)), core.user()), 201, "enroll by CSR");
        String certificateId = enrolled.json().path("certificateId").asString();
        assertThat(enrolled.json().path("enrollmentId").asString()).isEqualTo(enrollmentId);
        assertThat(enrolled.json().path("retiredPlatformEnrollmentId").asString(null)).isNotNull();
        JsonNode onLedger = json.readTree(ledgerClient.evaluate(OPERATOR, "GetEnterprise", core.id()));
        assertThat(onLedger.path("custody").asString()).isEqualTo("SELF");
        assertThat(onLedger.path("selfIdentities").get(0).asString()).isEqualTo(certificateId);
        assertThat(get("/api/v1/admin/enterprises/" + core.id(), bearer(adminToken())).json().path("custody")
                .asString()).isEqualTo("SELF");

        assertThat(privateKeyTracesInPostgres(erpKey.getPrivate())).as("private key material in PostgreSQL").isEmpty();

        // the whole protocol, then a retried submit that must not act twice
        String payableId = unique("PO");
        String idempotencyKey = "reg-" + payableId;
        Response prepared = post("/api/v1/payables", payable(payableId, supplier.id(), 500_000, today().plusDays(30)),
                core.user()[0], core.user()[1], "Idempotency-Key", idempotencyKey);
        JsonNode proposal = is(prepared, 202).json().path("signingSession");
        assertThat(proposal.path("step").asString()).isEqualTo("PROPOSAL");
        assertThat(proposal.path("transaction").asString()).isEqualTo("RegisterPayable");
        assertThat(proposal.path("certificateId").asString()).isEqualTo(certificateId);
        assertThat(Base64.getDecoder().decode(proposal.path("digest").asString())).isEqualTo(java.security.MessageDigest
                .getInstance("SHA-256").digest(Base64.getDecoder().decode(proposal.path("bytes").asString())));
        String session = proposal.path("id").asString();
        JsonNode transaction = is(post(proposal.path("signatureUrl").asString(),
                Map.of("signature", sign(erpKey.getPrivate(), proposal)), core.user()), 200).json();
        assertThat(transaction.path("step").asString()).isEqualTo("TRANSACTION");
        Response done = post(transaction.path("signatureUrl").asString(),
                Map.of("signature", sign(erpKey.getPrivate(), transaction)), core.user());
        is(done, 201);
        System.out.println("SelfCustodyNetworkIntegrationTest: the signed write answered " + done.status() + " "
                + done.headers().firstValue("Content-Type").orElse("(no content type)") + " " + done.body());
        assertThat(json.readTree(done.body()).path("payableId").asString()).isEqualTo(payableId);
        Response again = post(transaction.path("signatureUrl").asString(),
                Map.of("signature", sign(erpKey.getPrivate(), transaction)), core.user());
        is(again, 201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        JsonNode payableOnLedger = json.readTree(ledgerClient.evaluate(OPERATOR, "GetPayable", core.id(), payableId));
        assertThat(payableOnLedger.path("status").asString()).isEqualTo("PENDING_ACCEPTANCE");
        assertThat(jdbc.sql("SELECT state FROM signing_sessions WHERE id = :id").param("id", UUID.fromString(session))
                .query(String.class).single()).isEqualTo("COMMITTED");

        // bad signatures: a clear 4xx each, and nothing written
        String refusedId = unique("PO");
        JsonNode next = is(post("/api/v1/payables", payable(refusedId, supplier.id(), 100_000, today().plusDays(30)),
                core.user()[0], core.user()[1], "Idempotency-Key", "reg-" + refusedId), 202).json().path("signingSession");
        String url = next.path("signatureUrl").asString();
        assertThat(code(post(url, Map.of("signature", sign(newKey().getPrivate(), next)), core.user())))
                .isEqualTo("SIGNATURE_INVALID");
        assertThat(code(post(url, Map.of("signature", highS(sign(erpKey.getPrivate(), next))), core.user())))
                .isEqualTo("SIGNATURE_NOT_LOW_S");
        byte[] altered = Base64.getDecoder().decode(next.path("bytes").asString());
        altered[altered.length - 1] ^= 1;
        assertThat(code(post(url, Map.of("signature", signBytes(erpKey.getPrivate(), altered)), core.user())))
                .isEqualTo("SIGNATURE_INVALID");
        assertThat(code(post(url, Map.of("signature", "not base64!"), core.user()))).isEqualTo("SIGNATURE_MALFORMED");
        jdbc.sql("UPDATE signing_sessions SET expires_at = now() - interval '1 second' WHERE id = :id")
                .param("id", UUID.fromString(next.path("id").asString())).update();
        Response late = post(url, Map.of("signature", sign(erpKey.getPrivate(), next)), core.user());
        assertThat(late.status()).isEqualTo(410);
        assertThat(code(late)).isEqualTo("SIGNING_SESSION_EXPIRED");
        assertThatThrownBy(() -> ledgerClient.evaluate(OPERATOR, "GetPayable", core.id(), refusedId))
                .isInstanceOf(LedgerRefusal.class);

        // another user's session is not found for this caller
        assertThat(post(url, Map.of("signature", sign(erpKey.getPrivate(), next)), supplier.user()).status())
                .isEqualTo(404);

        // the API's write path will not sign for the enterprise without the enterprise's own caller
        RegisterPayable direct = new RegisterPayable(unique("PO"), supplier.id(), 1000, "CNY", today().minusDays(1),
                today().plusDays(30), List.of(sha256("direct")), sha256("direct-doc"));
        assertThatThrownBy(() -> ledger.registerPayable(core.id(), direct, RequestId.fresh()))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.code()).isEqualTo("SELF_CUSTODY"));

        // a certificate the platform enrolls for it anyway is refused by the chaincode itself
        expect(post("/api/v1/admin/enterprises/" + core.id() + "/ledger-identity", "", bearer(adminToken())), 201,
                "platform enrolls a key for the SELF enterprise");
        String forged = unique("PO");
        assertThatThrownBy(() -> ledgerClient.submit(core.id(), "RegisterPayable", forged, supplier.id(), "1000", "CNY",
                today().minusDays(1).toString(), today().plusDays(30).toString(),
                "[\"" + sha256("forged:" + forged) + "\"]", sha256("doc:" + forged), "forged-" + forged))
                .isInstanceOfSatisfying(LedgerRefusal.class, r -> {
                    assertThat(r.code()).isEqualTo("UNAUTHORIZED");
                    assertThat(r.getMessage()).contains("holds its own keys");
                });

        // a lost key: the user enrolls a new one, and the CA revokes the old certificate and the platform's
        String retiredPlatform = enrolled.json().path("retiredPlatformEnrollmentId").asString();
        X509Certificate platformCertificate = certificate(jdbc.sql(
                "SELECT certificate_pem FROM ledger_identities WHERE enrollment_id = :id")
                .param("id", retiredPlatform).query(String.class).single());
        X509Certificate lostCertificate = certificate(enrolled.json().path("certificatePem").asString());
        KeyPair newKey = newKey();
        Response reenrolled = expect(post("/api/v1/self-custody/certificate-requests",
                Map.of("csr", csr(enrollmentId + "-2", newKey)), core.user()), 201, "enroll a new key");
        X509Certificate newCertificate = certificate(reenrolled.json().path("certificatePem").asString());
        JsonNode identities = json.readTree(ledgerClient.evaluate(OPERATOR, "GetEnterprise", core.id()))
                .path("selfIdentities");
        assertThat(identities).hasSize(1);
        assertThat(identities.get(0).asString()).isEqualTo(reenrolled.json().path("certificateId").asString());
        List<String> revoked = revokedAt(reenrolled.json().path("mspId").asString());
        assertThat(revoked).as("serials on the CA's CRL").contains(serial(lostCertificate), serial(platformCertificate))
                .doesNotContain(serial(newCertificate));
        String afterLoss = unique("PO");
        JsonNode withNewKey = is(post("/api/v1/payables", payable(afterLoss, supplier.id(), 100_000, today().plusDays(30)),
                core.user()[0], core.user()[1], "Idempotency-Key", "reg-" + afterLoss), 202).json().path("signingSession");
        assertThat(code(post(withNewKey.path("signatureUrl").asString(),
                Map.of("signature", sign(erpKey.getPrivate(), withNewKey)), core.user()))).isEqualTo("SIGNATURE_INVALID");
    }

    /** The serial numbers on the current CRL of the organisation's CA ({@code scripts/network.sh revoked}). */
    private static List<String> revokedAt(String mspId) throws Exception {
        String org = mspId.replaceFirst("MSP$", "").toLowerCase(Locale.ROOT);
        java.nio.file.Path root = java.nio.file.Path.of("").toAbsolutePath();
        while (!java.nio.file.Files.isRegularFile(root.resolve("scripts/network.sh"))) {
            root = root.getParent();
        }
        Process p = new ProcessBuilder("bash", root.resolve("scripts/network.sh").toString(), "revoked", "--org", org)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("scripts/network.sh revoked --org %s", org).isZero();
        return out.lines().map(String::strip).filter(l -> !l.isEmpty())
                .map(l -> l.replaceFirst("^0+(?=.)", "")).toList();
    }

    private static String serial(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16);
    }

    private static X509Certificate certificate(String pem) throws GeneralSecurityException {
        return (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(
                new java.io.ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    private static Response is(Response r, int status) {
        assertThat(r.status()).as("HTTP status; body: %s", r.body()).isEqualTo(status);
        return r;
    }

    private static String code(Response r) {
        return r.json() == null ? r.body() : r.json().path("code").asString(null);
    }

    /** Every table of the schema as text, searched for the private scalar (hex), its PKCS#8 DER (hex) and base64. */
    private List<String> privateKeyTracesInPostgres(PrivateKey key) {
        String scalar = HexFormat.of().formatHex(((ECPrivateKey) key).getS().toByteArray()).replaceFirst("^00", "");
        String pkcs8Hex = HexFormat.of().formatHex(key.getEncoded());
        String pkcs8Base64 = Base64.getEncoder().encodeToString(key.getEncoded());
        String scalarBase64 = Base64.getEncoder().encodeToString(((ECPrivateKey) key).getS().toByteArray());
        List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                + "current_schema() AND table_type = 'BASE TABLE'").query(String.class).list();
        assertThat(tables).contains("self_identities", "signing_sessions", "ledger_identities");
        List<String> found = new ArrayList<>();
        for (String table : tables) {
            String dump = jdbc.sql("SELECT coalesce(string_agg(t::text, E'\\n'), '') FROM \"" + table + "\" t")
                    .query(String.class).single();
            for (String trace : List.of(scalar, pkcs8Hex, pkcs8Base64, scalarBase64)) {
                if (dump.contains(trace)) {
                    found.add(table);
                }
            }
        }
        return found;
    }

    private static KeyPair newKey() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static String csr(String commonName, KeyPair key) throws Exception {
        byte[] der = new JcaPKCS10CertificationRequestBuilder(new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, commonName).build(), key.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())).getEncoded();
        StringWriter out = new StringWriter();
        try (PemWriter w = new PemWriter(out)) {
            w.writeObject(new PemObject("CERTIFICATE REQUEST", der));
        }
        return out.toString();
    }

    private static String sign(PrivateKey key, JsonNode step) throws Exception {
        return signBytes(key, Base64.getDecoder().decode(step.path("bytes").asString()));
    }

    /** ECDSA P-256 over SHA-256 of the bytes, DER, S normalised to the low half. */
    private static String signBytes(PrivateKey key, byte[] bytes) throws Exception {
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(bytes);
        BigInteger[] rs = rs(signer.sign());
        BigInteger s = rs[1].compareTo(P256_ORDER.shiftRight(1)) > 0 ? P256_ORDER.subtract(rs[1]) : rs[1];
        return Base64.getEncoder().encodeToString(der(rs[0], s));
    }

    /** The same signature with S replaced by n - S: as valid mathematically, but refused by Fabric. */
    private static String highS(String lowS) throws IOException {
        BigInteger[] rs = rs(Base64.getDecoder().decode(lowS));
        return Base64.getEncoder().encodeToString(der(rs[0], P256_ORDER.subtract(rs[1])));
    }

    private static BigInteger[] rs(byte[] der) {
        ASN1Sequence seq = ASN1Sequence.getInstance(der);
        return new BigInteger[] {ASN1Integer.getInstance(seq.getObjectAt(0)).getValue(),
                ASN1Integer.getInstance(seq.getObjectAt(1)).getValue()};
    }

    private static byte[] der(BigInteger r, BigInteger s) throws IOException {
        return new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {new ASN1Integer(r), new ASN1Integer(s)})
                .getEncoded();
    }
}
