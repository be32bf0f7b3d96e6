package com.scfledger.signing.client;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/**
 * A P-256 key that signs for the ledger without ever leaving its store: a PKCS#11 token's key handle, or a PKCS#12
 * file's key. Signatures are ECDSA over SHA-256, DER, with S in the low half of the curve order as Fabric requires.
 */
public final class LedgerKey {

    /** The order of the P-256 group. */
    static final BigInteger P256_ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final Provider provider;

    LedgerKey(PrivateKey privateKey, PublicKey publicKey, Provider provider) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.provider = provider;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The private key handle, for building a certificate request inside the same provider. */
    PrivateKey privateKey() {
        return privateKey;
    }

    /** The provider holding the key (SunPKCS11 for a token); null for the default providers. */
    Provider provider() {
        return provider;
    }

    /**
     * ECDSA P-256 over SHA-256 of the bytes, DER encoded, S normalised to the low half. A key in a file signs with
     * BouncyCastle's P-256 arithmetic and deterministic nonces (RFC 6979), several times faster than the JDK's; a
     * token's key signs inside its token.
     */
    public byte[] sign(byte[] bytes) {
        if (provider == null && privateKey instanceof ECPrivateKey ec) {
            return signInProcess(ec, bytes);
        }
        try {
            Signature signer = provider == null ? Signature.getInstance("SHA256withECDSA")
                    : Signature.getInstance("SHA256withECDSA", provider);
            signer.initSign(privateKey);
            signer.update(bytes);
            return LowS.normalise(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the key could not sign: " + e.getMessage(), e);
        }
    }

    private static byte[] signInProcess(ECPrivateKey key, byte[] bytes) {
        X9ECParameters curve = CustomNamedCurves.getByName("secp256r1");
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(key.getS(),
                new ECDomainParameters(curve.getCurve(), curve.getG(), curve.getN(), curve.getH())));
        SHA256Digest digest = new SHA256Digest();
        digest.update(bytes, 0, bytes.length);
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        BigInteger[] rs = signer.generateSignature(hash);
        return LowS.normalise(LowS.encode(rs[0], rs[1]));
    }

    @Override
    public String toString() {
        return "LedgerKey[" + (provider == null ? "PKCS#12" : provider.getName()) + ", privateKey=***]";
    }
}
