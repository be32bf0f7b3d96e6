package com.scfledger.platform.ledger;

import java.math.BigInteger;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;

/**
 * Fabric's curve, P-256, built once for every signer and verifier of the API. BouncyCastle keeps a point's table of
 * multiples on the point itself, so all who share this domain share its generator's table too.
 */
public final class P256 {

    public static final ECDomainParameters DOMAIN;
    /** The order of the group. */
    public static final BigInteger ORDER;
    /** Fabric accepts a signature only with S at most this (the low half of the order). */
    public static final BigInteger HALF_ORDER;

    static {
        X9ECParameters curve = CustomNamedCurves.getByName("secp256r1");
        DOMAIN = new ECDomainParameters(curve.getCurve(), curve.getG(), curve.getN(), curve.getH());
        ORDER = DOMAIN.getN();
        HALF_ORDER = ORDER.shiftRight(1);
    }

    private P256() {
    }
}
