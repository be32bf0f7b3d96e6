package com.scfledger.chaincode.financing;

import static com.scfledger.chaincode.testing.Fixtures.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.scfledger.contract.ErrorCode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class DiscountTermsUnitTest {

    private static final LocalDate VALUE_DATE = LocalDate.parse("2026-03-02");

    @Test
    void discountsOnAnActualOver360Basis() {
        // 120 days: 100 000 x 500 bps x 120 / (10 000 x 360) = 1 666.67 -> 1 667
        DiscountTerms terms = DiscountTerms.act360(100_000, 500, VALUE_DATE, LocalDate.parse("2026-06-30"));

        assertThat(terms).isEqualTo(new DiscountTerms(500, VALUE_DATE, 120, 1_667, 98_333));
    }

    @Test
    void roundsAnExactHalfUpAndLessThanAHalfDown() {
        // 3 600 x 1 bp x 500 days / 3 600 000 = 0.5 exactly -> 1; 499 days = 0.499 -> 0
        assertThat(DiscountTerms.act360(3_600, 1, VALUE_DATE, VALUE_DATE.plusDays(500)).discount()).isEqualTo(1);
        assertThat(DiscountTerms.act360(3_600, 1, VALUE_DATE, VALUE_DATE.plusDays(499)).discount()).isZero();
    }

    @Test
    void countsActualDaysAcrossALeapYear() {
        DiscountTerms terms = DiscountTerms.act360(3_600_000, 100, LocalDate.parse("2028-02-01"),
                LocalDate.parse("2028-03-01"));

        assertThat(terms.days()).isEqualTo(29);
        assertThat(terms.discount()).isEqualTo(2_900);
    }

    @Test
    void aZeroRateAdvancesTheWholeFace() {
        DiscountTerms terms = DiscountTerms.act360(100_000, 0, VALUE_DATE, VALUE_DATE.plusDays(90));

        assertThat(terms.discount()).isZero();
        assertThat(terms.advance()).isEqualTo(100_000);
    }

    @Test
    void doesNotOverflowOnTheLargestFaceAmounts() {
        DiscountTerms terms = DiscountTerms.act360(Long.MAX_VALUE, 10_000, VALUE_DATE, VALUE_DATE.plusDays(359));

        assertThat(terms.discount() + terms.advance()).isEqualTo(Long.MAX_VALUE);
        assertThat(terms.advance()).isPositive();
    }

    @Test
    void refusesARateOutOfRange() {
        assertRefused(() -> DiscountTerms.act360(100_000, -1, VALUE_DATE, VALUE_DATE.plusDays(90)),
                ErrorCode.INVALID_TERMS);
        assertRefused(() -> DiscountTerms.act360(100_000, 10_001, VALUE_DATE, VALUE_DATE.plusDays(90)),
                ErrorCode.INVALID_TERMS);
    }

    @Test
    void refusesAValueDateOnOrAfterMaturity() {
        assertRefused(() -> DiscountTerms.act360(100_000, 500, VALUE_DATE, VALUE_DATE), ErrorCode.MATURED);
        assertRefused(() -> DiscountTerms.act360(100_000, 500, VALUE_DATE, VALUE_DATE.minusDays(1)),
                ErrorCode.MATURED);
    }

    @Test
    void refusesADiscountThatLeavesNoAdvance() {
        // 100% a year for 360 days discounts the whole face
        assertRefused(() -> DiscountTerms.act360(100_000, 10_000, VALUE_DATE, VALUE_DATE.plusDays(360)),
                ErrorCode.INVALID_TERMS);
    }

    @Property(tries = 500)
    void advancePlusDiscountIsTheFaceAndTheDiscountIsWithinHalfAUnitOfExact(
            @ForAll @LongRange(min = 100, max = 1_000_000_000_000L) final long face,
            @ForAll @IntRange(min = 0, max = 5_000) final int rateBps,
            @ForAll @IntRange(min = 1, max = 700) final int days) {
        DiscountTerms terms = DiscountTerms.act360(face, rateBps, VALUE_DATE, VALUE_DATE.plusDays(days));

        assertThat(terms.discount() + terms.advance()).isEqualTo(face);
        assertThat(terms.discount()).isNotNegative();
        // |discount x 3 600 000 - face x rate x days| <= 1 800 000, with ties rounded up
        BigInteger exact = BigInteger.valueOf(face).multiply(BigInteger.valueOf(rateBps))
                .multiply(BigInteger.valueOf(days));
        BigInteger scaled = BigInteger.valueOf(terms.discount()).multiply(BigInteger.valueOf(3_600_000));
        BigInteger error = scaled.subtract(exact);
        assertThat(error.compareTo(BigInteger.valueOf(-1_800_000))).isPositive();
        assertThat(error.compareTo(BigInteger.valueOf(1_800_000))).isNotPositive();
    }
}
