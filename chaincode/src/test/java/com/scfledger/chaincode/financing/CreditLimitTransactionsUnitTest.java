package com.scfledger.chaincode.financing;

import static com.scfledger.chaincode.testing.Fixtures.AT_MATURITY;
import static com.scfledger.chaincode.testing.Fixtures.BANK;
import static com.scfledger.chaincode.testing.Fixtures.CORE;
import static com.scfledger.chaincode.testing.Fixtures.HASH_C;
import static com.scfledger.chaincode.testing.Fixtures.REGISTERED;
import static com.scfledger.chaincode.testing.Fixtures.SUPPLIER_2;
import static com.scfledger.chaincode.testing.Fixtures.assertRefused;
import static com.scfledger.chaincode.testing.Fixtures.bank;
import static com.scfledger.chaincode.testing.Fixtures.bankUser;
import static com.scfledger.chaincode.testing.Fixtures.core;
import static com.scfledger.chaincode.testing.Fixtures.creditLimit;
import static com.scfledger.chaincode.testing.Fixtures.enterprise;
import static com.scfledger.chaincode.testing.Fixtures.financing;
import static com.scfledger.chaincode.testing.Fixtures.payable;
import static com.scfledger.chaincode.testing.Fixtures.supplier;
import static com.scfledger.chaincode.testing.Fixtures.token;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.scfledger.chaincode.ScfContract;
import com.scfledger.chaincode.testing.MockLedger;
import com.scfledger.contract.Amounts;
import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.enterprise.EnterpriseRole;
import com.scfledger.contract.financing.ApprovalPolicy;
import com.scfledger.contract.financing.CreditLimit;
import com.scfledger.contract.financing.FinancingApproval;
import com.scfledger.contract.financing.FinancingStatus;
import com.scfledger.contract.payable.PayableStatus;
import com.scfledger.contract.token.TokenStatus;

/** A bank's credit limit on the ledger: set by four eyes, reserved, consumed and released by financing. */
class CreditLimitTransactionsUnitTest {

    private static final long FACE = 100_000;
    private static final String KEY = "creditLimit:BANK1:CORE1:EUR";

    private final ScfContract contract = new ScfContract();
    private MockLedger ledger;

    @BeforeEach
    void freshLedger() {
        ledger = new MockLedger();
        ledger.given(core(), bank(), supplier(SUPPLIER_2));
    }

    private CreditLimit written() {
        return ledger.written(KEY, CreditLimit.class);
    }

    private static CreditLimit proposed(final long limit) {
        return CreditLimit.none(BANK, CORE, "EUR").propose(limit, bankUser("maker"), REGISTERED, "tx5");
    }

    @Nested
    class SetCreditLimit {

        @BeforeEach
        void aBankUserCalls() {
            ledger.callerActsFor(bank());
        }

        @Test
        void oneIdentityOnlyProposes() {
            ledger.signsAs("maker");
            contract.setCreditLimit(ledger.ctx, CORE, "EUR", "5000000", "req-1");

            CreditLimit limit = written();
            assertThat(limit.inForce()).isFalse();
            assertThat(limit.limitMinor()).isZero();
            assertThat(limit.proposal().limitMinor()).isEqualTo(5_000_000);
            assertThat(limit.proposal().proposedBy().username()).isEqualTo("maker");
            assertThat(ledger.eventName()).isEqualTo("CreditLimitChanged");
        }

        @Test
        void aSecondIdentityConfirmingTheSameFigurePutsItInForceAndKeepsBothSigners() {
            ledger.given(proposed(5_000_000)).signsAs("checker");
            contract.setCreditLimit(ledger.ctx, CORE, "EUR", "5000000", "req-1");

            CreditLimit limit = written();
            assertThat(limit.limitMinor()).isEqualTo(5_000_000);
            assertThat(limit.proposal()).isNull();
            assertThat(limit.proposedBy()).isEqualTo(bankUser("maker"));
            assertThat(limit.confirmedBy()).isEqualTo(bankUser("checker"));
        }

        @Test
        void aConfirmationKeepsTheExposureAlreadyHeld() {
            ledger.given(creditLimit(1_000_000, 200_000, 300_000).propose(400_000, bankUser("maker"), REGISTERED,
                    "tx5")).signsAs("checker");
            contract.setCreditLimit(ledger.ctx, CORE, "EUR", "400000", "req-1");

            CreditLimit limit = written();
            assertThat(limit.limitMinor()).isEqualTo(400_000);
            assertThat(limit.reservedMinor()).isEqualTo(200_000);
            assertThat(limit.consumedMinor()).isEqualTo(300_000);
            assertThat(limit.availableMinor()).isEqualTo(-100_000);
        }

        @Test
        void theProposerCannotConfirm() {
            ledger.given(proposed(5_000_000)).signsAs("maker");

            assertRefused(() -> contract.setCreditLimit(ledger.ctx, CORE, "EUR", "5000000", "req-1"),
                    ErrorCode.SAME_APPROVER);
            ledger.assertUntouched();
        }

        @Test
        void aConfirmationOfAnotherFigureIsRefused() {
            ledger.given(proposed(5_000_000)).signsAs("checker");

            assertRefused(() -> contract.setCreditLimit(ledger.ctx, CORE, "EUR", "6000000", "req-1"),
                    ErrorCode.TERMS_MISMATCH);
            ledger.assertUntouched();
        }

        @Test
        void anotherBankSetsOnlyItsOwnLimitAndCannotConfirmThisOne() {
            ledger.given(proposed(5_000_000)).callerActsFor(enterprise("BANK2", EnterpriseRole.BANK, "BankMSP"));
            contract.setCreditLimit(ledger.ctx, CORE, "EUR", "5000000", "req-1");

            assertThat(ledger.wasWritten(KEY)).isFalse();
            assertThat(ledger.written("creditLimit:BANK2:CORE1:EUR", CreditLimit.class).inForce()).isFalse();
        }

        @Test
        void onlyABankSetsLimits() {
            ledger.callerActsFor(core());
            assertRefused(() -> contract.setCreditLimit(ledger.ctx, CORE, "EUR", "5000000", "req-1"),
                    ErrorCode.UNAUTHORIZED);
            ledger.callerActsFor(supplier(SUPPLIER_2));
            assertRefused(() -> contract.setCreditLimit(ledger.ctx, CORE, "EUR", "5000000", "req-1"),
                    ErrorCode.UNAUTHORIZED);
            ledger.callerIsPlatformAdmin();
            assertRefused(() -> contract.setCreditLimit(ledger.ctx, CORE, "EUR", "5000000", "req-1"),
                    ErrorCode.UNAUTHORIZED);
            ledger.assertUntouched();
        }

        @Test
        void theObligorIsARegisteredCoreEnterprise() {
            assertRefused(() -> contract.setCreditLimit(ledger.ctx, SUPPLIER_2, "EUR", "1", "req-1"),
                    ErrorCode.INVALID_COUNTERPARTY);
            assertRefused(() -> contract.setCreditLimit(ledger.ctx, "CORE404", "EUR", "1", "req-1"),
                    ErrorCode.NOT_FOUND);
            ledger.assertUntouched();
        }

        @Test
        void theFigureIsWithinTheLedgersCeiling() {
            assertRefused(() -> contract.setCreditLimit(ledger.ctx, CORE, "EUR",
                    Long.toString(Amounts.MAX_MINOR + 1), "req-1"), ErrorCode.INVALID_AMOUNT);
            assertRefused(() -> contract.setCreditLimit(ledger.ctx, CORE, "EUR", "-1", "req-1"),
                    ErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> contract.setCreditLimit(ledger.ctx, CORE, "eur", "1", "req-1"),
                    ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void isReadByTheBankAndReadersOfEverythingOnly() {
            ledger.given(creditLimit(1_000_000, 0, 0));
            assertThat(contract.getCreditLimit(ledger.ctx, BANK, CORE, "EUR")).contains("\"limitMinor\":1000000");
            assertThat(contract.getCreditLimit(ledger.ctx, BANK, CORE, "USD")).contains("\"limitMinor\":0")
                    .contains("\"confirmedBy\":null");

            ledger.callerActsFor(enterprise("BANK2", EnterpriseRole.BANK, "BankMSP"));
            assertRefused(() -> contract.getCreditLimit(ledger.ctx, BANK, CORE, "EUR"), ErrorCode.UNAUTHORIZED);
            ledger.callerActsFor(core());
            assertRefused(() -> contract.getCreditLimit(ledger.ctx, BANK, CORE, "EUR"), ErrorCode.UNAUTHORIZED);
            assertRefused(() -> contract.getHistory(ledger.ctx, KEY), ErrorCode.UNAUTHORIZED);
        }
    }

    @Nested
    class RequestReserves {

        @BeforeEach
        void supplierTwoHoldsAnActiveToken() {
            ledger.callerActsFor(supplier(SUPPLIER_2)).given(token("tx2.1").heldBy(SUPPLIER_2).amount(FACE).build());
        }

        private String request() {
            return contract.requestFinancing(ledger.ctx, "F-1", "tx2.1", BANK, HASH_C, "req-5");
        }

        @Test
        void theFaceAmountIsReserved() {
            ledger.given(creditLimit(1_000_000, 200_000, 300_000));
            request();

            assertThat(written().reservedMinor()).isEqualTo(300_000);
            assertThat(written().consumedMinor()).isEqualTo(300_000);
        }

        @Test
        void exactlyFillingTheLimitIsAllowed() {
            ledger.given(creditLimit(FACE + 500_000, 200_000, 300_000));
            request();

            assertThat(written().availableMinor()).isZero();
        }

        @Test
        void oneMinorUnitOverTheLimitIsRefusedAndNothingIsWritten() {
            ledger.given(creditLimit(FACE + 500_000 - 1, 200_000, 300_000));

            assertRefused(this::request, ErrorCode.LIMIT_EXCEEDED);
            ledger.assertUntouched();
        }

        @Test
        void withoutALimitNothingCanBeFinanced() {
            assertRefused(this::request, ErrorCode.LIMIT_EXCEEDED);
            ledger.assertUntouched();
        }

        @Test
        void aProposedLimitIsNotYetALimit() {
            ledger.given(proposed(10 * FACE));

            assertRefused(this::request, ErrorCode.LIMIT_EXCEEDED);
            ledger.assertUntouched();
        }

        @Test
        void anotherBanksLimitDoesNotCount() {
            ledger.given(enterprise("BANK2", EnterpriseRole.BANK, "BankMSP"), creditLimit(10 * FACE, 0, 0));

            assertRefused(() -> contract.requestFinancing(ledger.ctx, "F-1", "tx2.1", "BANK2", HASH_C, "req-5"),
                    ErrorCode.LIMIT_EXCEEDED);
            ledger.assertUntouched();
        }
    }

    @Nested
    class DecisionsMoveTheReservation {

        /** F-1 is REQUESTED and reserved 100 000 of a 1 000 000 limit of which 300 000 is consumed. */
        @BeforeEach
        void pendingRequest() {
            ledger.given(token("tx2.1").heldBy(SUPPLIER_2).amount(FACE).status(TokenStatus.FINANCING_PENDING)
                    .financing("F-1").build(), financing("F-1", "tx2.1", SUPPLIER_2, FACE, FinancingStatus.REQUESTED),
                    creditLimit(1_000_000, FACE, 300_000));
        }

        @Test
        void approvalConsumesTheReservation() {
            ledger.callerActsFor(bank()).given(new ApprovalPolicy(BANK, FACE, null, null, null, REGISTERED, "tx1"));
            contract.approveFinancing(ledger.ctx, "F-1", "500", "req-6");

            assertThat(written().reservedMinor()).isZero();
            assertThat(written().consumedMinor()).isEqualTo(300_000 + FACE);
        }

        @Test
        void aProposalAloneConsumesNothing() {
            ledger.callerActsFor(bank()).signsAs("maker");
            contract.approveFinancing(ledger.ctx, "F-1", "500", "req-6");

            assertThat(ledger.wasWritten("financingApproval:F-1")).isTrue();
            assertThat(ledger.wasWritten(KEY)).isFalse();
        }

        @Test
        void theConfirmationConsumes() {
            ledger.callerActsFor(bank()).given(new FinancingApproval("F-1", BANK, FACE, 500, 0, bankUser("maker"),
                    REGISTERED, "tx5", null, null, null)).signsAs("checker");
            contract.approveFinancing(ledger.ctx, "F-1", "500", "req-6");

            assertThat(written().consumedMinor()).isEqualTo(300_000 + FACE);
        }

        @Test
        void anApprovalTheLimitNoLongerTakesIsRefusedAndNothingIsWritten() {
            // The limit was cut to 350 000 after the request: 300 000 consumed leaves room for 50 000 only.
            ledger.callerActsFor(bank()).given(new ApprovalPolicy(BANK, FACE, null, null, null, REGISTERED, "tx1"),
                    creditLimit(350_000, FACE, 300_000));

            assertRefused(() -> contract.approveFinancing(ledger.ctx, "F-1", "500", "req-6"),
                    ErrorCode.LIMIT_EXCEEDED);
            ledger.assertUntouched();
        }

        @Test
        void rejectionReleasesTheReservation() {
            ledger.callerActsFor(bank());
            contract.rejectFinancing(ledger.ctx, "F-1", "req-6");

            assertThat(written().reservedMinor()).isZero();
            assertThat(written().consumedMinor()).isEqualTo(300_000);
        }

        @Test
        void cancellationReleasesTheReservation() {
            ledger.callerActsFor(supplier(SUPPLIER_2));
            contract.cancelFinancing(ledger.ctx, "F-1", "req-6");

            assertThat(written().reservedMinor()).isZero();
            assertThat(written().consumedMinor()).isEqualTo(300_000);
        }

        @Test
        void settlementOfTheFinancedTokenReleasesWhatWasConsumed() {
            ledger.callerActsFor(bank()).given(new ApprovalPolicy(BANK, FACE, null, null, null, REGISTERED, "tx1"));
            contract.approveFinancing(ledger.ctx, "F-1", "500", "req-6");
            CreditLimit approved = written();
            MockLedger later = new MockLedger();
            later.at(AT_MATURITY).callerActsFor(core()).given(bank(), supplier(SUPPLIER_2), approved,
                    payable(PayableStatus.ACCEPTED),
                    ledger.written("financing:F-1", com.scfledger.contract.financing.Financing.class),
                    ledger.written("token:tx2.1", com.scfledger.contract.token.Token.class));
            contract.settleToken(later.ctx, "tx2.1", "PAY-1", "req-7");

            CreditLimit settled = later.written(KEY, CreditLimit.class);
            assertThat(settled.consumedMinor()).isEqualTo(300_000);
            assertThat(settled.reservedMinor()).isZero();
        }
    }
}
