package com.scfledger.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.hyperledger.fabric.client.identity.Signer;
import org.junit.jupiter.api.Test;

class P256SignerUnitTest {

    private static final BigInteger N =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    @Test
    void signsADigestThatTheJdkVerifiesWithLowSAndTheSameSignatureEachTime() throws Exception {
        KeyPair key = key("secp256r1");
        Signer signer = P256Signer.of(key.getPrivate());
        assertThat(signer).isInstanceOf(P256Signer.class);

        for (int i = 0; i < 50; i++) {
            byte[] message = ("transaction " + i).getBytes(StandardCharsets.UTF_8);
            byte[] der = signer.sign(MessageDigest.getInstance("SHA-256").digest(message));

            Signature jdk = Signature.getInstance("SHA256withECDSA");
            jdk.initVerify(key.getPublic());
            jdk.update(message);
            assertThat(jdk.verify(der)).as("signature %d verifies", i).isTrue();
            BigInteger s = ASN1Integer.getInstance(ASN1Sequence.getInstance(der).getObjectAt(1)).getValue();
            assertThat(s).as("S of signature %d is low", i).isLessThanOrEqualTo(N.shiftRight(1));
            assertThat(signer.sign(MessageDigest.getInstance("SHA-256").digest(message))).isEqualTo(der);
        }
    }

    @Test
    void leavesAKeyOnAnotherCurveToTheGatewaysSigner() throws Exception {
        assertThat(P256Signer.of(key("secp384r1").getPrivate())).isNotInstanceOf(P256Signer.class);
    }

    private static KeyPair key(String curve) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec(curve));
        return g.generateKeyPair();
    }
}
