package com.scfledger.chaincode.token;

import static com.scfledger.chaincode.testing.Fixtures.financing;
import static com.scfledger.chaincode.testing.Fixtures.payable;
import static com.scfledger.chaincode.testing.Fixtures.root;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.scfledger.chaincode.financing.FinancingStatus;
import com.scfledger.chaincode.ledger.Invocation;
import com.scfledger.chaincode.payable.PayableStatus;
import com.scfledger.chaincode.testing.MockLedger;

/** The records refuse a move outside their state machine even if a rule forgot to check. */
class StateMachinesUnitTest {

    private Invocation inv;

    @BeforeEach
    void invocation() {
        inv = Invocation.of(new MockLedger().ctx);
    }

    @ParameterizedTest
    @EnumSource(value = TokenStatus.class, names = {"SPENT", "SETTLED", "REJECTED"})
    void finalTokenStatusesGoNowhere(final TokenStatus status) {
        assertThat(status.successors()).isEmpty();
        assertThatThrownBy(() -> root().status(status).build().transition(TokenStatus.ACTIVE, inv))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(status.name());
    }

    @Test
    void aPendingTokenCannotBeSpentOrFinanced() {
        assertThat(TokenStatus.PENDING_ACCEPTANCE.canBecome(TokenStatus.SPENT)).isFalse();
        assertThat(TokenStatus.PENDING_ACCEPTANCE.canBecome(TokenStatus.FINANCING_PENDING)).isFalse();
        assertThat(TokenStatus.FINANCED.canBecome(TokenStatus.ACTIVE)).isFalse();
    }

    @Test
    void onlySpentAndRejectedTokensAreDead() {
        assertThat(TokenStatus.SPENT.live()).isFalse();
        assertThat(TokenStatus.REJECTED.live()).isFalse();
        assertThat(TokenStatus.SETTLED.live()).isTrue();
        assertThat(TokenStatus.FINANCED.live()).isTrue();
    }

    @Test
    void aSettledOrRejectedPayableGoesNowhere() {
        assertThatThrownBy(() -> payable(PayableStatus.SETTLED).transition(PayableStatus.ACCEPTED, null, inv))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> payable(PayableStatus.PENDING_ACCEPTANCE).transition(PayableStatus.SETTLED, null,
                inv)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDecidedFinancingGoesNowhere() {
        assertThatThrownBy(() -> financing("F-1", "t", "SUP1", 100, FinancingStatus.APPROVED)
                .transition(FinancingStatus.CANCELLED, inv)).isInstanceOf(IllegalStateException.class);
        assertThat(FinancingStatus.REQUESTED.canBecome(FinancingStatus.APPROVED)).isTrue();
    }
}
