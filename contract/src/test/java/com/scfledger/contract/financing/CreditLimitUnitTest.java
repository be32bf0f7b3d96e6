package com.scfledger.contract.financing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.scfledger.contract.Amounts;

class CreditLimitUnitTest {

    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");
    private static final Approver MAKER = new Approver("x509::CN=maker::CN=ca", "maker");
    private static final Approver CHECKER = new Approver("x509::CN=checker::CN=ca", "checker");

    private static CreditLimit inForce(final long limit) {
        return CreditLimit.none("BANK1", "CORE1", "EUR").propose(limit, MAKER, AT, "tx1").confirm(CHECKER, AT, "tx2");
    }

    @Test
    void noRecordAdmitsNothing() {
        CreditLimit none = CreditLimit.none("BANK1", "CORE1", "EUR");

        assertThat(none.inForce()).isFalse();
        assertThat(none.canReserve(1)).isFalse();
        assertThat(none.ledgerKey()).isEqualTo("creditLimit:BANK1:CORE1:EUR");
    }

    @Test
    void aProposalIsNotInForceUntilConfirmed() {
        CreditLimit proposed = CreditLimit.none("BANK1", "CORE1", "EUR").propose(1_000, MAKER, AT, "tx1");

        assertThat(proposed.inForce()).isFalse();
        assertThat(proposed.limitMinor()).isZero();
        CreditLimit confirmed = proposed.confirm(CHECKER, AT, "tx2");
        assertThat(confirmed.limitMinor()).isEqualTo(1_000);
        assertThat(confirmed.proposal()).isNull();
        assertThat(confirmed.proposedBy()).isEqualTo(MAKER);
        assertThat(confirmed.confirmedBy()).isEqualTo(CHECKER);
    }

    @Test
    void reserveConsumeAndReleaseMoveTheFigures() {
        CreditLimit limit = inForce(1_000).reserve(600, AT, "tx3");
        assertThat(limit.availableMinor()).isEqualTo(400);
        assertThat(limit.canReserve(401)).isFalse();
        assertThat(limit.canReserve(400)).isTrue();

        CreditLimit approved = limit.consume(600, AT, "tx4");
        assertThat(approved.reservedMinor()).isZero();
        assertThat(approved.consumedMinor()).isEqualTo(600);
        assertThat(approved.availableMinor()).isEqualTo(400);

        assertThat(approved.releaseConsumed(600, AT, "tx5").availableMinor()).isEqualTo(1_000);
        assertThat(limit.releaseReserved(600, AT, "tx5").availableMinor()).isEqualTo(1_000);
    }

    @Test
    void aReleaseNeverLeavesANegativeExposure() {
        CreditLimit limit = inForce(1_000).releaseReserved(500, AT, "tx3").releaseConsumed(500, AT, "tx4");

        assertThat(limit.reservedMinor()).isZero();
        assertThat(limit.consumedMinor()).isZero();
    }

    @Test
    void sumsAtTheCeilingAreExactAndNeverWrap() {
        CreditLimit full = inForce(Amounts.MAX_MINOR).reserve(Amounts.MAX_MINOR, AT, "tx3");

        assertThat(full.canReserve(Amounts.MAX_MINOR)).isFalse();
        assertThat(full.canConsume(Amounts.MAX_MINOR)).isTrue();
        CreditLimit corrupt = new CreditLimit("BANK1", "CORE1", "EUR", 1, Long.MAX_VALUE, 1, null, null, CHECKER, AT,
                "tx");
        assertThatThrownBy(() -> corrupt.canReserve(1)).isInstanceOf(ArithmeticException.class);
    }
}
