package com.scfledger.platform.financing;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import com.scfledger.platform.domain.Reason;
import com.scfledger.platform.domain.RuleViolation;

/**
 * The chaincode's pricing (chaincode financing.DiscountTerms), to the minor unit, for previews:
 *
 * <pre>
 * days     = actual days from the value date (the approval's business date on the ledger) to the maturity date
 * discount = face x rateBps x days / 3 600 000 (= 10 000 x 360), rounded half up, computed exactly (BigInteger)
 * advance  = face - discount
 * </pre>
 * Refused like the chaincode refuses: a rate outside 0..10 000 bps or a discount that leaves no advance
 * (INVALID_TERMS), a maturity on or before the value date (MATURED).
 */
record Pricing(long faceAmountMinor, int annualRateBps, String dayCountBasis, LocalDate valueDate, LocalDate maturityDate,
               long days, long discountMinor, long advanceMinor) {

    static final String DAY_COUNT_BASIS = "ACT/360";
    static final int MAX_RATE_BPS = 10_000;
    private static final BigInteger DENOMINATOR = BigInteger.valueOf(10_000L * 360L);
    private static final BigInteger HALF_DENOMINATOR = DENOMINATOR.shiftRight(1);

    static Pricing act360(long face, int annualRateBps, LocalDate valueDate, LocalDate maturityDate) {
        if (annualRateBps < 0 || annualRateBps > MAX_RATE_BPS) {
            throw new RuleViolation(Reason.INVALID_TERMS, "annualRateBps must be between 0 and " + MAX_RATE_BPS + ".");
        }
        long days = ChronoUnit.DAYS.between(valueDate, maturityDate);
        if (days <= 0) {
            throw new RuleViolation(Reason.MATURED, "The token matures on " + maturityDate + "; it cannot be financed on "
                    + valueDate + ".");
        }
        BigInteger rounded = BigInteger.valueOf(face).multiply(BigInteger.valueOf(annualRateBps))
                .multiply(BigInteger.valueOf(days)).add(HALF_DENOMINATOR).divide(DENOMINATOR);
        if (rounded.compareTo(BigInteger.valueOf(face)) >= 0) {
            throw new RuleViolation(Reason.INVALID_TERMS, "A discount of " + rounded + " would leave no advance on a face of "
                    + face + ".");
        }
        long discount = rounded.longValueExact();
        return new Pricing(face, annualRateBps, DAY_COUNT_BASIS, valueDate, maturityDate, days, discount,
                Math.subtractExact(face, discount));
    }
}
