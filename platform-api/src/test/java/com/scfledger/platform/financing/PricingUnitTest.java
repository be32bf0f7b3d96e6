package com.scfledger.platform.financing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Random;

import com.scfledger.platform.domain.RuleViolation;
import com.scfledger.platform.problem.ApiProblem;
import org.junit.jupiter.api.Test;

/** The same vectors as the chaincode's DiscountTermsUnitTest: the preview must agree with the ledger to the unit. */
class PricingUnitTest {

    private static final LocalDate VALUE_DATE = LocalDate.parse("2026-03-02");

    @Test
    void discountsOnAnActualOver360Basis() {
        // 120 days: 100 000 x 500 bps x 120 / 3 600 000 = 1 666.67 -> 1 667
        Pricing p = Pricing.act360(100_000, 500, VALUE_DATE, LocalDate.parse("2026-06-30"));
        assertThat(p.days()).isEqualTo(120);
        assertThat(p.discountMinor()).isEqualTo(1_667);
        assertThat(p.advanceMinor()).isEqualTo(98_333);
        assertThat(p.dayCountBasis()).isEqualTo("ACT/360");
    }

    @Test
    void roundsAnExactHalfUpAndLessThanAHalfDown() {
        assertThat(Pricing.act360(3_600, 1, VALUE_DATE, VALUE_DATE.plusDays(500)).discountMinor()).isEqualTo(1);
        assertThat(Pricing.act360(3_600, 1, VALUE_DATE, VALUE_DATE.plusDays(499)).discountMinor()).isZero();
    }

    @Test
    void countsActualDaysAcrossALeapYear() {
        Pricing p = Pricing.act360(3_600_000, 100, LocalDate.parse("2028-02-01"), LocalDate.parse("2028-03-01"));
        assertThat(p.days()).isEqualTo(29);
        assertThat(p.discountMinor()).isEqualTo(2_900);
    }

    @Test
    void theLifecycleTestsFigure() {
        // TokenLifecycleIntegrationTest: 300 000 at 450 bps for 90 days = 3 375 exactly
        assertThat(Pricing.act360(300_000, 450, VALUE_DATE, VALUE_DATE.plusDays(90)).discountMinor()).isEqualTo(3_375);
    }

    @Test
    void noOverflowAtTheLargestFace() {
        Pricing p = Pricing.act360(Long.MAX_VALUE, 10_000, VALUE_DATE, VALUE_DATE.plusDays(359));
        assertThat(p.discountMinor() + p.advanceMinor()).isEqualTo(Long.MAX_VALUE);
        assertThat(p.advanceMinor()).isPositive();
    }

    @Test
    void agreesWithDecimalHalfUpOnRandomTerms() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            long face = 1 + (long) (random.nextDouble() * 1_000_000_000_000L);
            int rate = random.nextInt(10_001);
            int days = 1 + random.nextInt(720);
            BigDecimal expected = BigDecimal.valueOf(face).multiply(BigDecimal.valueOf(rate)).multiply(BigDecimal.valueOf(days))
                    .divide(BigDecimal.valueOf(3_600_000), 0, RoundingMode.HALF_UP);
            if (expected.compareTo(BigDecimal.valueOf(face)) >= 0) {
                continue;
            }
            Pricing p = Pricing.act360(face, rate, VALUE_DATE, VALUE_DATE.plusDays(days));
            assertThat(p.discountMinor()).isEqualTo(expected.longValueExact());
            assertThat(p.discountMinor() + p.advanceMinor()).isEqualTo(face);
        }
    }

    @Test
    void refusesLikeTheChaincode() {
        assertThat(code(() -> Pricing.act360(100_000, -1, VALUE_DATE, VALUE_DATE.plusDays(90)))).isEqualTo("INVALID_TERMS");
        assertThat(code(() -> Pricing.act360(100_000, 10_001, VALUE_DATE, VALUE_DATE.plusDays(90)))).isEqualTo("INVALID_TERMS");
        assertThat(code(() -> Pricing.act360(100_000, 500, VALUE_DATE, VALUE_DATE))).isEqualTo("MATURED");
        assertThat(code(() -> Pricing.act360(100_000, 10_000, VALUE_DATE, VALUE_DATE.plusDays(360)))).isEqualTo("INVALID_TERMS");
    }

    private static String code(Runnable r) {
        try {
            r.run();
        } catch (RuleViolation refused) {
            ApiProblem p = ApiProblem.from(refused);
            assertThat(p.status()).isEqualTo(422);
            return p.code();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void zeroRateDiscountsNothing() {
        Pricing p = Pricing.act360(100_000, 0, VALUE_DATE, VALUE_DATE.plusDays(90));
        assertThat(p.discountMinor()).isZero();
        assertThat(p.advanceMinor()).isEqualTo(100_000);
        assertThatThrownBy(() -> Pricing.act360(100_000, 0, VALUE_DATE,
                VALUE_DATE.minusDays(1))).isInstanceOf(RuleViolation.class);
    }
}
