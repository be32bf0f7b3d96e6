package com.scfledger.signing.client;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;

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

    /** ECDSA P-256 over SHA-256 of the bytes, DER encoded, S normalised to the low half. */
    public byte[] sign(byte[] bytes) {
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

    @Override
    public String toString() {
        return "LedgerKey[" + (provider == null ? "PKCS#12" : provider.getName()) + ", privateKey=***]";
    }
}
