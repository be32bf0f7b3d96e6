package com.scfledger.signing.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;

/** ECDSA signatures are malleable: (r, s) and (r, n - s) both verify. Fabric accepts only the low one. */
final class LowS {

    private static final BigInteger HALF_ORDER = LedgerKey.P256_ORDER.shiftRight(1);

    private LowS() {
    }

    static byte[] normalise(byte[] der) {
        ASN1Sequence sequence = ASN1Sequence.getInstance(der);
        BigInteger r = ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue();
        BigInteger s = ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue();
        if (s.compareTo(HALF_ORDER) <= 0) {
            return der;
        }
        return encode(r, LedgerKey.P256_ORDER.subtract(s));
    }

    static boolean isLow(byte[] der) {
        ASN1Sequence sequence = ASN1Sequence.getInstance(der);
        return ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue().compareTo(HALF_ORDER) <= 0;
    }

    static byte[] encode(BigInteger r, BigInteger s) {
        try {
            return new DERSequence(new ASN1Encodable[] {new ASN1Integer(r), new ASN1Integer(s)}).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
