package com.scfledger.chaincode.financing;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import com.scfledger.chaincode.ledger.ScfException;
import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.financing.ApproveFinancing;
import com.scfledger.contract.financing.Financing;

/**
 * The price of financing a token, on an ACT/360 basis.
 *
 * <pre>
 * days     = actual calendar days from the value date (approval, UTC) to the maturity date
 * discount = face x rateBps x days / (10 000 x 360), rounded half up to a whole minor unit
 * advance  = face - discount
 * </pre>
 *
 * The product is computed exactly (BigInteger) and divided once, so there is no intermediate rounding and no
 * overflow however large the face amount or long the tenor.
 *
 * @param annualRateBps annual discount rate in basis points
 * @param valueDate     the day the bank advances the money
 * @param days          the tenor in actual days
 * @param discount      what the bank keeps, in minor units
 * @param advance       what the applicant receives, in minor units
 */
public record DiscountTerms(int annualRateBps, LocalDate valueDate, long days, long discount, long advance) {

    private static final BigInteger DENOMINATOR = BigInteger.valueOf(10_000L * 360L);
    private static final BigInteger HALF_DENOMINATOR = DENOMINATOR.shiftRight(1);

    public static DiscountTerms act360(final long face, final int annualRateBps, final LocalDate valueDate,
            final LocalDate maturityDate) {
        if (annualRateBps < 0 || annualRateBps > ApproveFinancing.MAX_RATE_BPS) {
            throw ScfException.of(ErrorCode.INVALID_TERMS, "annualRateBps must be between 0 and "
                    + ApproveFinancing.MAX_RATE_BPS);
        }
        long days = ChronoUnit.DAYS.between(valueDate, maturityDate);
        if (days <= 0) {
            throw ScfException.of(ErrorCode.MATURED, "the token matures on " + maturityDate
                    + "; it cannot be financed on "
                    + valueDate);
        }
        BigInteger numerator = BigInteger.valueOf(face)
                .multiply(BigInteger.valueOf(annualRateBps))
                .multiply(BigInteger.valueOf(days));
        BigInteger rounded = numerator.add(HALF_DENOMINATOR).divide(DENOMINATOR);
        if (rounded.compareTo(BigInteger.valueOf(face)) >= 0) {
            throw ScfException.of(ErrorCode.INVALID_TERMS, "a discount of " + rounded
                    + " would leave no advance on a face of "
                    + face);
        }
        long discount = rounded.longValueExact();
        return new DiscountTerms(annualRateBps, valueDate, days, discount, Math.subtractExact(face, discount));
    }

    /** The financing with these terms recorded. */
    public Financing applyTo(final Financing financing) {
        return financing.withTerms(annualRateBps, valueDate, days, discount, advance);
    }
}
