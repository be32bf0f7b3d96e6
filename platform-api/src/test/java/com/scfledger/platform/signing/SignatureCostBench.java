package com.scfledger.platform.signing;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

import com.scfledger.platform.ledger.P256Signer;
import org.hyperledger.fabric.client.identity.Signer;
import org.hyperledger.fabric.client.identity.Signers;

/**
 * What one signature costs the API, per way of making or checking it (microseconds per operation, single thread,
 * after a warm-up). Prints figures, asserts nothing. Run after {@code mvn -pl platform-api -am test-compile} with the
 * test classpath: {@code java -cp ... com.scfledger.platform.signing.SignatureCostBench [operations]}.
 */
public final class SignatureCostBench {

    private SignatureCostBench() {
    }

    private interface Operation {
        void run(int i) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair key = g.generateKeyPair();
        byte[][] digests = new byte[n][];
        for (int i = 0; i < n; i++) {
            digests[i] = MessageDigest.getInstance("SHA-256").digest(("bytes " + i).getBytes(StandardCharsets.UTF_8));
        }
        Signer gatewaySigner = Signers.newPrivateKeySigner(key.getPrivate());
        Signer p256 = P256Signer.of(key.getPrivate());
        byte[] message = "proposal bytes".getBytes(StandardCharsets.UTF_8);
        ClientSignature signature = ClientSignature.decode(Base64.getEncoder().encodeToString(
                p256.sign(MessageDigest.getInstance("SHA-256").digest(message))));
        ClientSignature.VerifyingKey kept = ClientSignature.VerifyingKey.of(key.getPublic());

        measure("sign: Gateway's Signers.newPrivateKeySigner (JCA)", n, i -> gatewaySigner.sign(digests[i]));
        measure("sign: P256Signer (curve kept, RFC 6979)", n, i -> p256.sign(digests[i]));
        measure("verify: a new VerifyingKey per signature", n,
                i -> signature.verify(ClientSignature.VerifyingKey.of(key.getPublic()), message));
        measure("verify: the certificate's kept VerifyingKey", n, i -> signature.verify(kept, message));
    }

    private static void measure(String name, int n, Operation operation) throws Exception {
        for (int i = 0; i < n; i++) {
            operation.run(i); // warm-up: the JIT compiles the path first
        }
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            operation.run(i);
        }
        double micros = (System.nanoTime() - start) / 1e3 / n;
        System.out.printf("%-55s %8.1f us/op (%d ops)%n", name, micros, n);
    }
}
