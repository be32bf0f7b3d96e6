package com.scfledger.platform.notification;

/**
 * What a notification reports; the web words each type in the reader's language from the notification's
 * parameters (no sentence is built here).
 */
public enum NotificationType {
    /** Another holder split a token and transferred a part to the caller's enterprise. */
    TOKEN_RECEIVED,
    /** A payable names the caller's enterprise as beneficiary and waits for its acceptance. */
    PAYABLE_TO_ACCEPT,
    /** A financing application to the caller's bank waits for its decision. */
    FINANCING_TO_REVIEW,
    /** The bank approved the caller's financing application. */
    FINANCING_APPROVED,
    /** The bank rejected the caller's financing application. */
    FINANCING_REJECTED,
    /** The bank paid the advance of the caller's financing. */
    FINANCING_DISBURSED,
    /** A token the caller's enterprise holds matures within the window asked for. */
    TOKEN_MATURITY_DUE,
    /** A payable the caller's enterprise owes matures within the window asked for. */
    PAYABLE_MATURITY_DUE
}
