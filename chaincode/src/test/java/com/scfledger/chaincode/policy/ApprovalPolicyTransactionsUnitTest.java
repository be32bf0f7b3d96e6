package com.scfledger.chaincode.policy;

import static com.scfledger.chaincode.testing.Fixtures.BANK;
import static com.scfledger.chaincode.testing.Fixtures.REGISTERED;
import static com.scfledger.chaincode.testing.Fixtures.assertRefused;
import static com.scfledger.chaincode.testing.Fixtures.bank;
import static com.scfledger.chaincode.testing.Fixtures.core;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.scfledger.chaincode.ScfContract;
import com.scfledger.chaincode.testing.MockLedger;
import com.scfledger.contract.Amounts;
import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.financing.ApprovalPolicy;
import com.scfledger.contract.financing.Approver;

class ApprovalPolicyTransactionsUnitTest {

    private static final Approver MAKER = new Approver("x509::CN=maker,O=BankMSP::CN=ca.BankMSP", "maker");

    private final ScfContract contract = new ScfContract();
    private MockLedger ledger;

    @BeforeEach
    void freshLedger() {
        ledger = new MockLedger();
        ledger.given(core()).callerActsFor(bank());
    }

    private static ApprovalPolicy proposed(final long threshold) {
        return new ApprovalPolicy(BANK, 0, new ApprovalPolicy.Proposal(threshold, MAKER, REGISTERED, "tx5"), null,
                null, REGISTERED, "tx5");
    }

    @Test
    void withoutARecordEveryApprovalNeedsTwo() {
        String policy = contract.getApprovalPolicy(ledger.ctx, BANK);

        assertThat(policy).contains("\"fourEyesThresholdMinor\":0").contains("\"proposal\":null");
        assertThat(ApprovalPolicy.defaultFor(BANK).needsFourEyes(1)).isTrue();
    }

    @Test
    void oneIdentityOnlyProposesAChange() {
        ledger.signsAs("maker");
        contract.setApprovalPolicy(ledger.ctx, "5000000", "req-1");

        ApprovalPolicy written = ledger.written("approvalPolicy:" + BANK, ApprovalPolicy.class);
        assertThat(written.fourEyesThresholdMinor()).isZero();
        assertThat(written.proposal().fourEyesThresholdMinor()).isEqualTo(5_000_000);
        assertThat(written.proposal().proposedBy().username()).isEqualTo("maker");
        assertThat(ledger.eventName()).isEqualTo("ApprovalPolicyChanged");
    }

    @Test
    void aSecondIdentityConfirmingTheSameThresholdPutsItInForce() {
        ledger.given(proposed(5_000_000)).signsAs("checker");
        contract.setApprovalPolicy(ledger.ctx, "5000000", "req-1");

        ApprovalPolicy written = ledger.written("approvalPolicy:" + BANK, ApprovalPolicy.class);
        assertThat(written.fourEyesThresholdMinor()).isEqualTo(5_000_000);
        assertThat(written.proposal()).isNull();
        assertThat(written.proposedBy()).isEqualTo(MAKER);
        assertThat(written.confirmedBy().username()).isEqualTo("checker");
    }

    @Test
    void theProposerCannotConfirmItsOwnChange() {
        ledger.given(proposed(5_000_000)).signsAs("maker");

        assertRefused(() -> contract.setApprovalPolicy(ledger.ctx, "5000000", "req-1"), ErrorCode.SAME_APPROVER);
        ledger.assertUntouched();
    }

    @Test
    void aConfirmationOfAnotherThresholdIsRefused() {
        ledger.given(proposed(5_000_000)).signsAs("checker");

        assertRefused(() -> contract.setApprovalPolicy(ledger.ctx, "6000000", "req-1"), ErrorCode.TERMS_MISMATCH);
        ledger.assertUntouched();
    }

    @Test
    void onlyABankSetsItsPolicyAndOnlyUpToTheCeiling() {
        assertRefused(() -> contract.setApprovalPolicy(ledger.ctx, Long.toString(Amounts.MAX_MINOR + 1), "req-1"),
                ErrorCode.INVALID_AMOUNT);
        assertRefused(() -> contract.setApprovalPolicy(ledger.ctx, "-1", "req-1"), ErrorCode.INVALID_ARGUMENT);
        ledger.callerActsFor(core());
        assertRefused(() -> contract.setApprovalPolicy(ledger.ctx, "5000000", "req-1"), ErrorCode.UNAUTHORIZED);
        ledger.assertUntouched();
    }

    @Test
    void anotherEnterpriseCannotReadTheBanksPolicy() {
        ledger.callerActsFor(core());
        assertRefused(() -> contract.getApprovalPolicy(ledger.ctx, BANK), ErrorCode.UNAUTHORIZED);
    }
}
