package com.scfledger.chaincode.financing;

import static com.scfledger.chaincode.testing.Fixtures.AT_MATURITY;
import static com.scfledger.chaincode.testing.Fixtures.BANK;
import static com.scfledger.chaincode.testing.Fixtures.HASH_C;
import static com.scfledger.chaincode.testing.Fixtures.MATURITY;
import static com.scfledger.chaincode.testing.Fixtures.NOW;
import static com.scfledger.chaincode.testing.Fixtures.REGISTERED;
import static com.scfledger.chaincode.testing.Fixtures.SUPPLIER_2;
import static com.scfledger.chaincode.testing.Fixtures.SUPPLIER_3;
import static com.scfledger.chaincode.testing.Fixtures.TODAY;
import static com.scfledger.chaincode.testing.Fixtures.assertRefused;
import static com.scfledger.chaincode.testing.Fixtures.bank;
import static com.scfledger.chaincode.testing.Fixtures.core;
import static com.scfledger.chaincode.testing.Fixtures.creditLimit;
import static com.scfledger.chaincode.testing.Fixtures.enterprise;
import static com.scfledger.chaincode.testing.Fixtures.financing;
import static com.scfledger.chaincode.testing.Fixtures.supplier;
import static com.scfledger.chaincode.testing.Fixtures.suspended;
import static com.scfledger.chaincode.testing.Fixtures.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.scfledger.chaincode.ScfContract;
import com.scfledger.chaincode.ledger.Keys;
import com.scfledger.chaincode.testing.MockLedger;
import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.Transaction;
import com.scfledger.contract.anchor.Anchor;
import com.scfledger.contract.enterprise.EnterpriseRole;
import com.scfledger.contract.financing.ApprovalPolicy;
import com.scfledger.contract.financing.Approver;
import com.scfledger.contract.financing.Financing;
import com.scfledger.contract.financing.FinancingApproval;
import com.scfledger.contract.financing.FinancingStatus;
import com.scfledger.contract.ledger.RequestRecord;
import com.scfledger.contract.token.Token;
import com.scfledger.contract.token.TokenStatus;

class FinancingTransactionsUnitTest {

    private static final long FACE = 100_000;

    private final ScfContract contract = new ScfContract();
    private MockLedger ledger;

    @BeforeEach
    void freshLedger() {
        ledger = new MockLedger();
        // BANK1's limit for CORE1 is far from binding and holds the reservation of the pending request F-1.
        ledger.given(core(), bank(), supplier(SUPPLIER_3), creditLimit(10 * FACE, FACE, 0));
    }

    private static Token lockedToken(final String financingId) {
        return token("tx2.1").heldBy(SUPPLIER_2).amount(FACE).status(TokenStatus.FINANCING_PENDING)
                .financing(financingId).build();
    }

    private static Financing requested() {
        return financing("F-1", "tx2.1", SUPPLIER_2, FACE, FinancingStatus.REQUESTED);
    }

    @Nested
    class RequestFinancing {

        @BeforeEach
        void supplierTwoHoldsAnActiveToken() {
            ledger.callerActsFor(supplier(SUPPLIER_2)).given(token("tx2.1").heldBy(SUPPLIER_2).amount(FACE).build());
        }

        private String request(final String bankId) {
            return contract.requestFinancing(ledger.ctx, "F-1", "tx2.1", bankId, HASH_C, "req-5");
        }

        @Test
        void locksTheTokenForTheBankAndAnchorsTheApplication() {
            request(BANK);

            Financing financing = ledger.written("financing:F-1", Financing.class);
            assertThat(financing).isEqualTo(new Financing("F-1", "tx2.1", BANK, SUPPLIER_2, FACE, "EUR", MATURITY,
                    HASH_C, "ACT/360", FinancingStatus.REQUESTED, null, null, null, null, null, NOW,
                    MockLedger.TX_ID, NOW, MockLedger.TX_ID));
            Token locked = ledger.written("token:tx2.1", Token.class);
            assertThat(locked.status()).isEqualTo(TokenStatus.FINANCING_PENDING);
            assertThat(locked.financingId()).isEqualTo("F-1");
            assertThat(locked.holderId()).isEqualTo(SUPPLIER_2);
            assertThat(ledger.written("anchor:FINANCING_APPLICATION:F-1", Anchor.class))
                    .isEqualTo(new Anchor("FINANCING_APPLICATION", "F-1", HASH_C, 1, NOW, MockLedger.TX_ID,
                            "PlatformMSP", SUPPLIER_2));
            assertThat(ledger.deletedKeys()).isEmpty();
        }

        @Test
        void emitsOneEventWithFinancingTokenAndAnchor() {
            request(BANK);

            assertThat(ledger.eventName()).isEqualTo("FinancingRequested");
            JsonNode event = ledger.event();
            assertThat(event.get("financings")).hasSize(1);
            assertThat(event.get("tokens")).hasSize(1);
            assertThat(event.get("anchors")).hasSize(1);
            assertThat(event.get("payables")).isEmpty();
        }

        @Test
        void refusesAFinancingIdAlreadyUsed() {
            ledger.given(financing("F-1", "tx1.0", "SUP1", FACE, FinancingStatus.CANCELLED));

            assertRefused(() -> request(BANK), ErrorCode.ALREADY_EXISTS);
            ledger.assertUntouched();
        }

        @Test
        void refusesAnUnknownToken() {
            assertRefused(() -> contract.requestFinancing(ledger.ctx, "F-1", "tx404.0", BANK, HASH_C, "req-5"),
                    ErrorCode.NOT_FOUND);
        }

        @Test
        void refusesAnyoneButTheHolder() {
            ledger.callerActsFor(supplier(SUPPLIER_3));

            assertRefused(() -> request(BANK), ErrorCode.UNAUTHORIZED);
            ledger.assertUntouched();
        }

        @ParameterizedTest
        @EnumSource(value = TokenStatus.class, names = "ACTIVE", mode = EnumSource.Mode.EXCLUDE)
        void refusesATokenThatIsNotActive(final TokenStatus status) {
            ledger.given(token("tx2.1").heldBy(SUPPLIER_2).amount(FACE).status(status).build());

            assertRefused(() -> request(BANK), ErrorCode.TOKEN_NOT_ACTIVE);
            ledger.assertUntouched();
        }

        @Test
        void refusesAMaturedToken() {
            ledger.at(AT_MATURITY);

            assertRefused(() -> request(BANK), ErrorCode.MATURED);
        }

        @Test
        void refusesABankThatIsTheApplicant() {
            ledger.callerActsFor(bank()).given(token("tx2.1").heldBy(BANK).amount(FACE).build());

            assertRefused(() -> request(BANK), ErrorCode.INVALID_COUNTERPARTY);
        }

        @Test
        void refusesAnUnknownSuspendedOrNonBankCounterparty() {
            assertRefused(() -> request("BANK404"), ErrorCode.INVALID_COUNTERPARTY);
            assertRefused(() -> request(SUPPLIER_3), ErrorCode.INVALID_COUNTERPARTY);
            ledger.given(suspended(bank()));
            assertRefused(() -> request(BANK), ErrorCode.INVALID_COUNTERPARTY);
            ledger.assertUntouched();
        }

        @Test
        void refusesAMalformedDocumentHash() {
            assertRefused(() -> contract.requestFinancing(ledger.ctx, "F-1", "tx2.1", BANK, "0x1234", "req-5"),
                    ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void refusesAUsedRequestId() {
            ledger.givenValue("request:req-5", new RequestRecord("req-5", Transaction.REQUEST_FINANCING, "tx8", NOW,
                    "PlatformMSP", SUPPLIER_2));

            assertRefused(() -> request(BANK), ErrorCode.DUPLICATE_REQUEST);
        }
    }

    /** The bank's policy lets one signature approve up to the face amount: these approvals are single. */
    private static ApprovalPolicy singleUpToFace() {
        return new ApprovalPolicy(BANK, FACE, null, new Approver("x509::maker", "maker"),
                new Approver("x509::checker", "checker"), REGISTERED, "tx1");
    }

    @Nested
    class ApproveFinancing {

        @BeforeEach
        void pendingRequest() {
            ledger.callerActsFor(bank()).given(lockedToken("F-1"), requested(), singleUpToFace());
        }

        @Test
        void atOrBelowTheThresholdOneSignatureApprovesAndIsRecordedAsBothEyes() {
            ledger.signsAs("alice");
            contract.approveFinancing(ledger.ctx, "F-1", "500", "req-6");

            FinancingApproval approval = ledger.written("financingApproval:F-1", FinancingApproval.class);
            assertThat(approval.proposedBy().username()).isEqualTo("alice");
            assertThat(approval.confirmedBy()).isEqualTo(approval.proposedBy());
            assertThat(approval.fourEyesThresholdMinor()).isEqualTo(FACE);
        }

        @Test
        void movesTheTokenToTheBankAndRecordsTheTerms() {
            contract.approveFinancing(ledger.ctx, "F-1", "500", "req-6");

            Financing approved = ledger.written("financing:F-1", Financing.class);
            assertThat(approved.status()).isEqualTo(FinancingStatus.APPROVED);
            assertThat(approved.annualRateBps()).isEqualTo(500);
            assertThat(approved.valueDate()).isEqualTo(TODAY);
            // 2026-03-02 to 2026-06-30 is 120 days; 100 000 x 500 x 120 / 3 600 000 = 1 666.67, half up to 1 667
            assertThat(approved.days()).isEqualTo(120);
            assertThat(approved.discount()).isEqualTo(1_667);
            assertThat(approved.advance()).isEqualTo(98_333);
            assertThat(approved.requestedAt()).isEqualTo(REGISTERED);
            Token financed = ledger.written("token:tx2.1", Token.class);
            assertThat(financed.status()).isEqualTo(TokenStatus.FINANCED);
            assertThat(financed.holderId()).isEqualTo(BANK);
            assertThat(financed.financingId()).isEqualTo("F-1");
            assertThat(ledger.eventName()).isEqualTo("FinancingApproved");
        }

        @Test
        void movesTheTokenBetweenHoldersInTheIndex() {
            contract.approveFinancing(ledger.ctx, "F-1", "500", "req-6");

            assertThat(ledger.deletedKeys()).containsExactly(Keys.holderIndex(SUPPLIER_2, "tx2.1").toString());
            assertThat(ledger.writtenKeys()).contains(Keys.holderIndex(BANK, "tx2.1").toString());
        }

        @Test
        void refusesAnyoneButTheNamedBank() {
            ledger.callerActsFor(enterprise("BANK2", EnterpriseRole.BANK, "BankMSP"));
            assertRefused(() -> contract.approveFinancing(ledger.ctx, "F-1", "500", "req-6"), ErrorCode.UNAUTHORIZED);

            ledger.callerActsFor(supplier(SUPPLIER_2));
            assertRefused(() -> contract.approveFinancing(ledger.ctx, "F-1", "500", "req-6"), ErrorCode.UNAUTHORIZED);
            ledger.assertUntouched();
        }

        @Test
        void refusesAnUnknownFinancing() {
            assertRefused(() -> contract.approveFinancing(ledger.ctx, "F-404", "500", "req-6"), ErrorCode.NOT_FOUND);
        }

        @ParameterizedTest
        @EnumSource(value = FinancingStatus.class, names = "REQUESTED", mode = EnumSource.Mode.EXCLUDE)
        void refusesAFinancingAlreadyDecided(final FinancingStatus status) {
            ledger.given(financing("F-1", "tx2.1", SUPPLIER_2, FACE, status));

            assertRefused(() -> contract.approveFinancing(ledger.ctx, "F-1", "500", "req-6"), ErrorCode.INVALID_STATE);
            ledger.assertUntouched();
        }

        @Test
        void refusesWhenTheTokenIsNotLockedForThisFinancing() {
            ledger.given(lockedToken("F-OTHER"));
            assertRefused(() -> contract.approveFinancing(ledger.ctx, "F-1", "500", "req-6"),
                    ErrorCode.TOKEN_NOT_ACTIVE);

            ledger.given(token("tx2.1").heldBy(SUPPLIER_2).amount(FACE).build());
            assertRefused(() -> contract.approveFinancing(ledger.ctx, "F-1", "500", "req-6"),
                    ErrorCode.TOKEN_NOT_ACTIVE);
            ledger.assertUntouched();
        }

        @Test
        void refusesApprovalOnTheMaturityDate() {
            ledger.at(AT_MATURITY);

            assertRefused(() -> contract.approveFinancing(ledger.ctx, "F-1", "500", "req-6"), ErrorCode.MATURED);
        }

        @Test
        void refusesARateOutOfRange() {
            assertRefused(() -> contract.approveFinancing(ledger.ctx, "F-1", "10001", "req-6"),
                    ErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> contract.approveFinancing(ledger.ctx, "F-1", "5.5", "req-6"),
                    ErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> contract.approveFinancing(ledger.ctx, "F-1", "-1", "req-6"),
                    ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void refusesTermsThatLeaveNoAdvance() {
            LocalDate farMaturity = LocalDate.parse("2027-12-31");
            ledger.given(token("tx2.1").heldBy(SUPPLIER_2).amount(FACE).status(TokenStatus.FINANCING_PENDING)
                    .financing("F-1").maturing(farMaturity).build(),
                    new Financing("F-1", "tx2.1", BANK, SUPPLIER_2, FACE, "EUR", farMaturity, HASH_C, "ACT/360",
                            FinancingStatus.REQUESTED, null, null, null, null, null, REGISTERED, "tx5", REGISTERED,
                            "tx5"));

            assertRefused(() -> contract.approveFinancing(ledger.ctx, "F-1", "10000", "req-6"),
                    ErrorCode.INVALID_TERMS);
        }

        @Test
        void refusesAUsedRequestId() {
            ledger.givenValue("request:req-6", new RequestRecord("req-6", Transaction.APPROVE_FINANCING, "tx8", NOW, "BankMSP",
                    BANK));

            assertRefused(() -> contract.approveFinancing(ledger.ctx, "F-1", "500", "req-6"),
                    ErrorCode.DUPLICATE_REQUEST);
        }
    }

    @Nested
    class FourEyesApproval {

        @BeforeEach
        void pendingRequestAtABankWithoutPolicy() {
            ledger.callerActsFor(bank()).given(lockedToken("F-1"), requested());
        }

        private FinancingApproval proposedBy(final String username, final int rateBps) {
            return new FinancingApproval("F-1", BANK, FACE, rateBps, 0,
                    new Approver("x509::CN=" + username + ",O=BankMSP::CN=ca.BankMSP", username), REGISTERED, "tx5",
                    null, null, null);
        }

        @Test
        void withoutAPolicyTheFirstApprovalOnlyProposes() {
            ledger.signsAs("maker");
            String payload = contract.approveFinancing(ledger.ctx, "F-1", "500", "req-6");

            assertThat(ledger.wasWritten("financing:F-1")).isFalse();
            assertThat(ledger.wasWritten("token:tx2.1")).isFalse();
            FinancingApproval proposal = ledger.written("financingApproval:F-1", FinancingApproval.class);
            assertThat(proposal.annualRateBps()).isEqualTo(500);
            assertThat(proposal.proposedBy().username()).isEqualTo("maker");
            assertThat(proposal.proposedBy().identity()).contains("CN=maker");
            assertThat(proposal.confirmed()).isFalse();
            assertThat(payload).contains("\"financings\":[]");
        }

        @Test
        void aSecondIdentityConfirmingTheSameRateApprovesAndBothSignersStay() {
            ledger.given(proposedBy("maker", 500)).signsAs("checker");
            contract.approveFinancing(ledger.ctx, "F-1", "500", "req-6");

            assertThat(ledger.written("financing:F-1", Financing.class).status()).isEqualTo(FinancingStatus.APPROVED);
            assertThat(ledger.written("token:tx2.1", Token.class).holderId()).isEqualTo(BANK);
            FinancingApproval approval = ledger.written("financingApproval:F-1", FinancingApproval.class);
            assertThat(approval.proposedBy().username()).isEqualTo("maker");
            assertThat(approval.confirmedBy().username()).isEqualTo("checker");
            assertThat(approval.confirmedByTx()).isEqualTo(MockLedger.TX_ID);
        }

        @Test
        void theProposerCannotConfirm() {
            ledger.given(proposedBy("maker", 500)).signsAs("maker");

            assertRefused(() -> contract.approveFinancing(ledger.ctx, "F-1", "500", "req-6"),
                    ErrorCode.SAME_APPROVER);
            ledger.assertUntouched();
        }

        @Test
        void theSameCertificateIsTheSameApproverWhateverItsUsernameAttribute() {
            ledger.given(new FinancingApproval("F-1", BANK, FACE, 500, 0,
                    new Approver("x509::CN=BANK1,O=BankMSP::CN=ca.BankMSP", "someone-else"), REGISTERED, "tx5",
                    null, null, null));

            assertRefused(() -> contract.approveFinancing(ledger.ctx, "F-1", "500", "req-6"),
                    ErrorCode.SAME_APPROVER);
            ledger.assertUntouched();
        }

        @Test
        void aConfirmationWithOtherTermsIsRefused() {
            ledger.given(proposedBy("maker", 500)).signsAs("checker");

            assertRefused(() -> contract.approveFinancing(ledger.ctx, "F-1", "550", "req-6"),
                    ErrorCode.TERMS_MISMATCH);
            ledger.assertUntouched();
        }

        @Test
        void aboveARecordedThresholdTwoAreNeededTooAndTheProposalRecordsIt() {
            ledger.given(new ApprovalPolicy(BANK, FACE - 1, null, null, null, REGISTERED, "tx1")).signsAs("maker");
            contract.approveFinancing(ledger.ctx, "F-1", "500", "req-6");

            assertThat(ledger.wasWritten("financing:F-1")).isFalse();
            assertThat(ledger.written("financingApproval:F-1", FinancingApproval.class).fourEyesThresholdMinor())
                    .isEqualTo(FACE - 1);
        }

        @Test
        void anotherBankCannotConfirm() {
            ledger.given(proposedBy("maker", 500)).callerActsFor(enterprise("BANK2", EnterpriseRole.BANK, "BankMSP"));

            assertRefused(() -> contract.approveFinancing(ledger.ctx, "F-1", "500", "req-6"), ErrorCode.UNAUTHORIZED);
            ledger.assertUntouched();
        }
    }

    @Nested
    class RejectFinancing {

        @BeforeEach
        void pendingRequest() {
            ledger.callerActsFor(bank()).given(lockedToken("F-1"), requested());
        }

        @Test
        void unlocksTheTokenForItsHolder() {
            contract.rejectFinancing(ledger.ctx, "F-1", "req-6");

            assertThat(ledger.written("financing:F-1", Financing.class).status()).isEqualTo(FinancingStatus.REJECTED);
            Token unlocked = ledger.written("token:tx2.1", Token.class);
            assertThat(unlocked.status()).isEqualTo(TokenStatus.ACTIVE);
            assertThat(unlocked.financingId()).isNull();
            assertThat(unlocked.holderId()).isEqualTo(SUPPLIER_2);
            assertThat(ledger.deletedKeys()).isEmpty();
            assertThat(ledger.eventName()).isEqualTo("FinancingRejected");
        }

        @Test
        void refusesAnyoneButTheNamedBank() {
            ledger.callerActsFor(supplier(SUPPLIER_2));

            assertRefused(() -> contract.rejectFinancing(ledger.ctx, "F-1", "req-6"), ErrorCode.UNAUTHORIZED);
        }

        @Test
        void refusesAFinancingAlreadyDecided() {
            ledger.given(financing("F-1", "tx2.1", SUPPLIER_2, FACE, FinancingStatus.APPROVED));

            assertRefused(() -> contract.rejectFinancing(ledger.ctx, "F-1", "req-6"), ErrorCode.INVALID_STATE);
        }

        @Test
        void refusesAnUnknownFinancing() {
            assertRefused(() -> contract.rejectFinancing(ledger.ctx, "F-404", "req-6"), ErrorCode.NOT_FOUND);
        }

        @Test
        void refusesWhenTheTokenIsNotLockedForThisFinancing() {
            ledger.given(token("tx2.1").heldBy(SUPPLIER_2).amount(FACE).build());

            assertRefused(() -> contract.rejectFinancing(ledger.ctx, "F-1", "req-6"), ErrorCode.TOKEN_NOT_ACTIVE);
            ledger.assertUntouched();
        }

        @Test
        void refusesAUsedRequestId() {
            ledger.givenValue("request:req-6", new RequestRecord("req-6", Transaction.APPROVE_FINANCING, "tx8", NOW, "BankMSP",
                    BANK));

            assertRefused(() -> contract.rejectFinancing(ledger.ctx, "F-1", "req-6"), ErrorCode.DUPLICATE_REQUEST);
        }
    }

    @Nested
    class CancelFinancing {

        @BeforeEach
        void pendingRequest() {
            ledger.callerActsFor(supplier(SUPPLIER_2)).given(lockedToken("F-1"), requested());
        }

        @Test
        void theApplicantWithdrawsAndGetsTheTokenBack() {
            contract.cancelFinancing(ledger.ctx, "F-1", "req-6");

            assertThat(ledger.written("financing:F-1", Financing.class).status()).isEqualTo(FinancingStatus.CANCELLED);
            assertThat(ledger.written("token:tx2.1", Token.class).status()).isEqualTo(TokenStatus.ACTIVE);
            assertThat(ledger.eventName()).isEqualTo("FinancingCancelled");
        }

        @Test
        void isAllowedAfterMaturitySoTheObligorCanSettle() {
            ledger.at(AT_MATURITY);

            contract.cancelFinancing(ledger.ctx, "F-1", "req-6");

            assertThat(ledger.written("token:tx2.1", Token.class).status()).isEqualTo(TokenStatus.ACTIVE);
        }

        @Test
        void refusesTheBank() {
            ledger.callerActsFor(bank());

            assertRefused(() -> contract.cancelFinancing(ledger.ctx, "F-1", "req-6"), ErrorCode.UNAUTHORIZED);
            ledger.assertUntouched();
        }

        @Test
        void refusesAFinancingAlreadyDecided() {
            ledger.given(financing("F-1", "tx2.1", SUPPLIER_2, FACE, FinancingStatus.REJECTED));

            assertRefused(() -> contract.cancelFinancing(ledger.ctx, "F-1", "req-6"), ErrorCode.INVALID_STATE);
        }

        @Test
        void refusesAnUnknownFinancing() {
            assertRefused(() -> contract.cancelFinancing(ledger.ctx, "F-404", "req-6"), ErrorCode.NOT_FOUND);
        }

        @Test
        void refusesAUsedRequestId() {
            ledger.givenValue("request:req-6", new RequestRecord("req-6", Transaction.REQUEST_FINANCING, "tx8", NOW,
                    "PlatformMSP", SUPPLIER_2));

            assertRefused(() -> contract.cancelFinancing(ledger.ctx, "F-1", "req-6"), ErrorCode.DUPLICATE_REQUEST);
            ledger.assertUntouched();
        }
    }

    @Nested
    class GetFinancing {

        @BeforeEach
        void pendingRequest() {
            ledger.given(lockedToken("F-1"), requested());
        }

        @Test
        void theApplicantTheBankAndAuditorsReadIt() {
            ledger.callerActsFor(supplier(SUPPLIER_2));
            assertThat(contract.getFinancing(ledger.ctx, "F-1")).contains("\"status\":\"REQUESTED\"");
            ledger.callerActsFor(bank());
            assertThat(contract.getFinancing(ledger.ctx, "F-1")).contains("\"dayCountBasis\":\"ACT/360\"");
            ledger.callerIsAuditor("BankMSP");
            assertThat(contract.getFinancing(ledger.ctx, "F-1")).contains("\"id\":\"F-1\"");
        }

        @Test
        void refusesAnotherEnterprise() {
            ledger.callerActsFor(supplier(SUPPLIER_3));

            assertRefused(() -> contract.getFinancing(ledger.ctx, "F-1"), ErrorCode.UNAUTHORIZED);
        }

        @Test
        void refusesAnUnknownFinancing() {
            ledger.callerActsFor(bank());

            assertRefused(() -> contract.getFinancing(ledger.ctx, "F-404"), ErrorCode.NOT_FOUND);
        }
    }
}
