package com.scfledger.platform.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

import com.scfledger.platform.problem.ApiProblem;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.junit.jupiter.api.Test;

class ClientSignatureUnitTest {

    private static final BigInteger N =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
    private static final byte[] MESSAGE = "proposal bytes".getBytes(StandardCharsets.UTF_8);

    @Test
    void acceptsALowSSignatureOfTheKeyOverTheBytes() throws Exception {
        KeyPair key = key();
        String base64 = lowS(sign(key, MESSAGE));
        ClientSignature signature = ClientSignature.decode(base64);
        ClientSignature.VerifyingKey verifyingKey = ClientSignature.VerifyingKey.of(key.getPublic());

        signature.verify(verifyingKey, MESSAGE);
        signature.verify(verifyingKey, MESSAGE); // again, with the key's precomputation kept on its point
        assertThat(signature.der()).isEqualTo(Base64.getDecoder().decode(base64));
    }

    @Test
    void refusesTheHighSTwinOfAValidSignature() throws Exception {
        BigInteger[] rs = rs(Base64.getDecoder().decode(lowS(sign(key(), MESSAGE))));
        String high = Base64.getEncoder().encodeToString(der(rs[0], N.subtract(rs[1])));

        assertCode(() -> ClientSignature.decode(high), "SIGNATURE_NOT_LOW_S");
    }

    @Test
    void refusesAnotherKeyAndOtherBytes() throws Exception {
        KeyPair key = key();
        ClientSignature.VerifyingKey verifyingKey = ClientSignature.VerifyingKey.of(key.getPublic());
        ClientSignature byOther = ClientSignature.decode(lowS(sign(key(), MESSAGE)));
        ClientSignature overOther = ClientSignature.decode(lowS(sign(key, "other bytes".getBytes(StandardCharsets.UTF_8))));

        assertCode(() -> byOther.verify(verifyingKey, MESSAGE), "SIGNATURE_INVALID");
        assertCode(() -> overOther.verify(verifyingKey, MESSAGE), "SIGNATURE_INVALID");
    }

    @Test
    void refusesWhatIsNotABase64DerSignature() {
        assertCode(() -> ClientSignature.decode("not base64!"), "SIGNATURE_MALFORMED");
        assertCode(() -> ClientSignature.decode(Base64.getEncoder().encodeToString(new byte[] {0x30, 0x02, 0x02, 0x00})),
                "SIGNATURE_MALFORMED");
        assertCode(() -> ClientSignature.decode(""), "SIGNATURE_MALFORMED");
        assertCode(() -> ClientSignature.decode(Base64.getEncoder().encodeToString(der(BigInteger.ONE, BigInteger.ZERO))),
                "SIGNATURE_MALFORMED");
        assertCode(() -> ClientSignature.decode(Base64.getEncoder().encodeToString(der(N, BigInteger.ONE))),
                "SIGNATURE_MALFORMED");
    }

    private static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.code()).isEqualTo(code));
    }

    private static KeyPair key() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static byte[] sign(KeyPair key, byte[] bytes) throws Exception {
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key.getPrivate());
        signer.update(bytes);
        return signer.sign();
    }

    private static String lowS(byte[] der) {
        BigInteger[] rs = rs(der);
        BigInteger s = rs[1].compareTo(N.shiftRight(1)) > 0 ? N.subtract(rs[1]) : rs[1];
        return Base64.getEncoder().encodeToString(der(rs[0], s));
    }

    private static BigInteger[] rs(byte[] der) {
        ASN1Sequence seq = ASN1Sequence.getInstance(der);
        return new BigInteger[] {ASN1Integer.getInstance(seq.getObjectAt(0)).getValue(),
                ASN1Integer.getInstance(seq.getObjectAt(1)).getValue()};
    }

    private static byte[] der(BigInteger r, BigInteger s) {
        try {
            return new DERSequence(new ASN1Encodable[] {new ASN1Integer(r), new ASN1Integer(s)}).getEncoded();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
