package com.scfledger.contract;

/**
 * The ledger's ceiling on amounts. Every amount (a payable, a split output, a credit limit, a four-eyes threshold)
 * is at most {@link #MAX_MINOR} minor units: ten thousand billion in a currency's main unit, far above any real
 * receivable, and low enough that the sum of nine thousand such amounts still fits a signed 64-bit integer. The
 * chaincode refuses a larger amount with {@link ErrorCode#INVALID_AMOUNT}, and the API refuses it before calling.
 */
public final class Amounts {

    /** 10^15 minor units. */
    public static final long MAX_MINOR = 1_000_000_000_000_000L;

    private Amounts() {
    }

    /** Whether an amount is within the ceiling (and not negative). */
    public static boolean withinCeiling(final long minor) {
        return minor >= 0 && minor <= MAX_MINOR;
    }
}
