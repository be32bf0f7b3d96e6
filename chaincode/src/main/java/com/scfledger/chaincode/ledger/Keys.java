package com.scfledger.chaincode.ledger;

import org.hyperledger.fabric.shim.ledger.CompositeKey;

import com.scfledger.contract.RecordKeys;

/**
 * The chaincode's own world-state keys. Records live under the public keys of {@link RecordKeys}, which GetHistory
 * takes; the keys here (invoice claims, request ids, the bench) are never returned. Ids never contain ':' (see
 * {@link Args}), so the keys cannot collide. Secondary indexes use composite keys, which Fabric keeps in their own
 * namespace and can range-scan by prefix.
 */
public final class Keys {

    public static final String INVOICE = "invoice";
    public static final String REQUEST = "request";
    public static final String BENCH = "bench";

    static final String HOLDER_INDEX = "holder~token";
    static final String PAYABLE_INDEX = "payable~token";

    private Keys() {
    }

    public static String invoice(final String fingerprint) {
        return INVOICE + ':' + fingerprint;
    }

    public static String request(final String requestId) {
        return REQUEST + ':' + requestId;
    }

    public static String bench(final String key) {
        return BENCH + ':' + key;
    }

    public static CompositeKey holderIndex(final String holderId, final String tokenId) {
        return new CompositeKey(HOLDER_INDEX, holderId, tokenId);
    }

    public static CompositeKey holderIndexPrefix(final String holderId) {
        return new CompositeKey(HOLDER_INDEX, holderId);
    }

    public static CompositeKey payableIndex(final String obligorId, final String payableId, final String tokenId) {
        return new CompositeKey(PAYABLE_INDEX, obligorId, payableId, tokenId);
    }

    public static CompositeKey payableIndexPrefix(final String obligorId, final String payableId) {
        return new CompositeKey(PAYABLE_INDEX, obligorId, payableId);
    }
}
