package com.scfledger.platform.signing;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Base64;

import com.scfledger.platform.ledger.P256;
import com.scfledger.platform.problem.ApiProblem;
import com.scfledger.platform.problem.ProblemCode;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;

/**
 * A client's signature, checked before anything is sent to the ledger: ECDSA P-256 over SHA-256 of the bytes, DER
 * encoded, with S in the low half of the curve order as Fabric requires (a high-S signature is refused by the peers,
 * so it is refused here first, with a clearer answer). The DER is read once, strictly, by {@link #decode}.
 */
final class ClientSignature {

    /**
     * A certificate's public key, ready to verify with. Kept with the certificate: BouncyCastle stores its
     * precomputed multiples of the point on the point itself, so every signature after the first of a key verifies
     * faster.
     */
    static final class VerifyingKey {

        private final ECPublicKeyParameters parameters;

        private VerifyingKey(ECPublicKeyParameters parameters) {
            this.parameters = parameters;
        }

        static VerifyingKey of(PublicKey key) {
            if (!(key instanceof ECPublicKey ec)) {
                throw new IllegalStateException("a self-custody certificate must hold an EC key");
            }
            return new VerifyingKey(new ECPublicKeyParameters(P256.DOMAIN.getCurve().createPoint(
                    ec.getW().getAffineX(), ec.getW().getAffineY()).normalize(), P256.DOMAIN));
        }
    }

    private final byte[] der;
    private final BigInteger r;
    private final BigInteger s;

    private ClientSignature(byte[] der, BigInteger r, BigInteger s) {
        this.der = der;
        this.r = r;
        this.s = s;
    }

    /** The signature from its base64 DER form; refuses anything that is not one, and a high S. */
    static ClientSignature decode(String base64) {
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64 == null ? "" : base64.trim());
        } catch (IllegalArgumentException e) {
            throw malformed("The signature is not base64.");
        }
        BigInteger[] rs = integers(der);
        BigInteger r = rs[0];
        BigInteger s = rs[1];
        if (r.signum() <= 0 || r.compareTo(P256.ORDER) >= 0 || s.signum() <= 0 || s.compareTo(P256.ORDER) >= 0) {
            throw malformed("The signature's R or S is out of range.");
        }
        if (s.compareTo(P256.HALF_ORDER) > 0) {
            throw ApiProblem.of(ProblemCode.SIGNATURE_NOT_LOW_S, "The signature's S is in the high half of the "
                    + "curve order; Fabric accepts only low-S signatures. Use S' = n - S.");
        }
        return new ClientSignature(der, r, s);
    }

    /** The DER bytes, as the client sent them, to forward to the Gateway. */
    byte[] der() {
        return der.clone();
    }

    /**
     * Refuses a signature that the certificate's key did not make over exactly these bytes. BouncyCastle's ECDSA on
     * its P-256 arithmetic, because the JDK's takes about ten times as long to verify on this class of machine, and
     * every self-signed write has two signatures to check.
     */
    void verify(VerifyingKey key, byte[] signedBytes) {
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, key.parameters);
        if (!verifier.verifySignature(sha256(signedBytes), r, s)) {
            throw ApiProblem.of(ProblemCode.SIGNATURE_INVALID, "The signature does not verify with the enterprise's "
                    + "certificate over the bytes this session holds: a different key, or different bytes, were signed.");
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** R and S of a DER {@code SEQUENCE { INTEGER r, INTEGER s }}, read strictly. */
    private static BigInteger[] integers(byte[] der) {
        try {
            int i = 0;
            if (der.length < 8 || der[i++] != 0x30) {
                throw malformed("The signature is not a DER sequence.");
            }
            int length = der[i++] & 0xff;
            if (length != der.length - 2) {
                throw malformed("The signature's DER length is wrong.");
            }
            int rLength = integerLength(der, i);
            BigInteger r = new BigInteger(Arrays.copyOfRange(der, i + 2, i + 2 + rLength));
            i += 2 + rLength;
            int sLength = integerLength(der, i);
            if (i + 2 + sLength != der.length) {
                throw malformed("The signature has bytes after S.");
            }
            BigInteger s = new BigInteger(Arrays.copyOfRange(der, i + 2, i + 2 + sLength));
            return new BigInteger[] {r, s};
        } catch (ArrayIndexOutOfBoundsException e) {
            throw malformed("The signature is truncated.");
        }
    }

    private static int integerLength(byte[] der, int at) {
        if (der[at] != 0x02) {
            throw malformed("The signature's r and s must be DER integers.");
        }
        int length = der[at + 1] & 0xff;
        if (length == 0 || length > 33) {
            throw malformed("The signature's integers have a wrong length.");
        }
        return length;
    }

    private static ApiProblem malformed(String detail) {
        return ApiProblem.of(ProblemCode.SIGNATURE_MALFORMED, detail + " Send the DER ECDSA signature, base64.");
    }
}
