package com.scfledger.chaincode.ledger;

import org.hyperledger.fabric.shim.ledger.CompositeKey;

/**
 * World-state keys. Records use readable simple keys ({@code token:<id>}) so that {@code GetHistory} can take the
 * key a client sees in the docs; ids never contain ':' (see {@link Args}), so the keys cannot collide. Secondary
 * indexes use composite keys, which Fabric keeps in their own namespace and can range-scan by prefix.
 */
public final class Keys {

    public static final String ENTERPRISE = "enterprise";
    public static final String PAYABLE = "payable";
    public static final String TOKEN = "token";
    public static final String FINANCING = "financing";
    public static final String ANCHOR = "anchor";
    public static final String SETTINGS = "settings";
    public static final String INVOICE = "invoice";
    public static final String REQUEST = "request";
    public static final String BENCH = "bench";

    /** The only settings record there is. */
    public static final String LEDGER_SETTINGS = SETTINGS + ":ledger";

    static final String HOLDER_INDEX = "holder~token";
    static final String PAYABLE_INDEX = "payable~token";

    private Keys() {
    }

    public static String enterprise(final String enterpriseId) {
        return ENTERPRISE + ':' + enterpriseId;
    }

    /** A payable's id is the obligor's own ERP reference, unique per obligor only, so the key carries both. */
    public static String payable(final String obligorId, final String payableId) {
        return PAYABLE + ':' + obligorId + ':' + payableId;
    }

    public static String token(final String tokenId) {
        return TOKEN + ':' + tokenId;
    }

    public static String financing(final String financingId) {
        return FINANCING + ':' + financingId;
    }

    public static String anchor(final String recordType, final String recordId) {
        return ANCHOR + ':' + recordType + ':' + recordId;
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
