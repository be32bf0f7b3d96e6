package com.scfledger.chaincode.token;

import static com.scfledger.chaincode.testing.Fixtures.NOW;
import static com.scfledger.chaincode.testing.Fixtures.financing;
import static com.scfledger.chaincode.testing.Fixtures.payable;
import static com.scfledger.chaincode.testing.Fixtures.root;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.scfledger.contract.financing.FinancingStatus;
import com.scfledger.contract.payable.PayableStatus;
import com.scfledger.contract.token.TokenStatus;

/** The records refuse a move outside their state machine even if a rule forgot to check. */
class StateMachinesUnitTest {

    @ParameterizedTest
    @EnumSource(value = TokenStatus.class, names = {"SPENT", "SETTLED", "REJECTED"})
    void finalTokenStatusesGoNowhere(final TokenStatus status) {
        assertThat(status.successors()).isEmpty();
        assertThatThrownBy(() -> root().status(status).build().transition(TokenStatus.ACTIVE, NOW, "tx9"))
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
        assertThatThrownBy(() -> payable(PayableStatus.SETTLED).transition(PayableStatus.ACCEPTED, null, NOW, "tx9"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> payable(PayableStatus.PENDING_ACCEPTANCE).transition(PayableStatus.SETTLED, null,
                NOW, "tx9")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDecidedFinancingGoesNowhere() {
        assertThatThrownBy(() -> financing("F-1", "t", "SUP1", 100, FinancingStatus.APPROVED)
                .transition(FinancingStatus.CANCELLED, NOW, "tx9")).isInstanceOf(IllegalStateException.class);
        assertThat(FinancingStatus.REQUESTED.canBecome(FinancingStatus.APPROVED)).isTrue();
    }
}
