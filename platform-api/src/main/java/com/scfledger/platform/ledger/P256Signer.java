package com.scfledger.platform.ledger;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SignatureException;
import java.security.interfaces.ECPrivateKey;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.hyperledger.fabric.client.identity.Signer;
import org.hyperledger.fabric.client.identity.Signers;

/**
 * Signs a Gateway digest with a P-256 key held in memory: ECDSA on BouncyCastle's P-256 arithmetic, with a
 * deterministic nonce (RFC 6979), S in the low half of the order as Fabric requires, DER encoded.
 *
 * <p>Why not {@link Signers#newPrivateKeySigner}: it signs through the JCA, which converts the key's curve into a new
 * BouncyCastle curve for every signature and so recomputes the generator's table of multiples each time. On this
 * class of machine that cost about 1.5 ms per signature, and a custodial write makes three (proposal, transaction,
 * commit status). Here the curve is built once ({@link P256}) and its table is kept on its generator.
 */
public final class P256Signer implements Signer {

    private final ECPrivateKeyParameters key;

    private P256Signer(BigInteger privateScalar) {
        this.key = new ECPrivateKeyParameters(privateScalar, P256.DOMAIN);
    }

    /** This signer for a P-256 key whose scalar is readable; the Gateway's own signer for any other key. */
    public static Signer of(PrivateKey privateKey) {
        if (privateKey instanceof ECPrivateKey ec && ec.getS() != null
                && P256.ORDER.equals(ec.getParams().getOrder())) {
            return new P256Signer(ec.getS());
        }
        return Signers.newPrivateKeySigner(privateKey);
    }

    @Override
    public byte[] sign(byte[] digest) throws GeneralSecurityException {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, key);
        BigInteger[] rs = signer.generateSignature(digest);
        BigInteger s = rs[1].compareTo(P256.HALF_ORDER) > 0 ? P256.ORDER.subtract(rs[1]) : rs[1];
        try {
            return new DERSequence(new ASN1Encodable[] {new ASN1Integer(rs[0]), new ASN1Integer(s)})
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new SignatureException("the signature could not be DER encoded", e);
        }
    }
}
