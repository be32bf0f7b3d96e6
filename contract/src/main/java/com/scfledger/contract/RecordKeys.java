package com.scfledger.contract;

/**
 * The world-state keys of the records, which GetHistory takes: readable simple keys ({@code token:<id>}). Ids
 * never contain ':' (the chaincode refuses them), so the keys cannot collide.
 */
public final class RecordKeys {

    public static final String ENTERPRISE = "enterprise";
    public static final String PAYABLE = "payable";
    public static final String TOKEN = "token";
    public static final String FINANCING = "financing";
    public static final String FINANCING_APPROVAL = "financingApproval";
    public static final String APPROVAL_POLICY = "approvalPolicy";
    public static final String CREDIT_LIMIT = "creditLimit";
    public static final String ANCHOR = "anchor";
    public static final String SETTINGS = "settings";
    public static final String ADMISSION = "admission";

    /** The only settings record there is. */
    public static final String LEDGER_SETTINGS = SETTINGS + ":ledger";

    private static final char SEPARATOR = ':';

    private RecordKeys() {
    }

    public static String enterprise(final String enterpriseId) {
        return ENTERPRISE + SEPARATOR + enterpriseId;
    }

    /** A payable's id is the obligor's own ERP reference, unique per obligor only, so the key carries both. */
    public static String payable(final String obligorId, final String payableId) {
        return PAYABLE + SEPARATOR + obligorId + SEPARATOR + payableId;
    }

    public static String token(final String tokenId) {
        return TOKEN + SEPARATOR + tokenId;
    }

    public static String financing(final String financingId) {
        return FINANCING + SEPARATOR + financingId;
    }

    /** The four-eyes approval of a financing: who proposed its terms and who confirmed them. */
    public static String financingApproval(final String financingId) {
        return FINANCING_APPROVAL + SEPARATOR + financingId;
    }

    public static String approvalPolicy(final String bankId) {
        return APPROVAL_POLICY + SEPARATOR + bankId;
    }

    /** A bank's credit limit for an obligor in a currency, and the exposure held against it. */
    public static String creditLimit(final String bankId, final String obligorId, final String currency) {
        return CREDIT_LIMIT + SEPARATOR + bankId + SEPARATOR + obligorId + SEPARATOR + currency;
    }

    /** The first anchor of a record, written once by whoever anchored it first: its owner. */
    public static String anchor(final String recordType, final String recordId) {
        return ANCHOR + SEPARATOR + recordType + SEPARATOR + recordId;
    }

    /** Version 2 and later of an anchor, each under its own key and never overwritten; version 1 is {@link #anchor}. */
    public static String anchor(final String recordType, final String recordId, final int version) {
        return version == 1 ? anchor(recordType, recordId) : anchor(recordType, recordId) + SEPARATOR + version;
    }

    /** The pending or confirmed admission of an enterprise: the first platform admin's proposal. */
    public static String admission(final String enterpriseId) {
        return ADMISSION + SEPARATOR + enterpriseId;
    }
}
