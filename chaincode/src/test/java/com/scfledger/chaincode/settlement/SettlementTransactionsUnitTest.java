package com.scfledger.chaincode.settlement;

import static com.scfledger.chaincode.testing.Fixtures.AT_MATURITY;
import static com.scfledger.chaincode.testing.Fixtures.BANK;
import static com.scfledger.chaincode.testing.Fixtures.DAY_BEFORE_MATURITY;
import static com.scfledger.chaincode.testing.Fixtures.PAYABLE;
import static com.scfledger.chaincode.testing.Fixtures.SUPPLIER;
import static com.scfledger.chaincode.testing.Fixtures.SUPPLIER_2;
import static com.scfledger.chaincode.testing.Fixtures.assertRefused;
import static com.scfledger.chaincode.testing.Fixtures.core;
import static com.scfledger.chaincode.testing.Fixtures.creditLimit;
import static com.scfledger.chaincode.testing.Fixtures.enterprise;
import static com.scfledger.chaincode.testing.Fixtures.financing;
import static com.scfledger.chaincode.testing.Fixtures.payable;
import static com.scfledger.chaincode.testing.Fixtures.root;
import static com.scfledger.chaincode.testing.Fixtures.supplier;
import static com.scfledger.chaincode.testing.Fixtures.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.scfledger.chaincode.ScfContract;
import com.scfledger.chaincode.testing.MockLedger;
import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.Transaction;
import com.scfledger.contract.enterprise.EnterpriseRole;
import com.scfledger.contract.financing.CreditLimit;
import com.scfledger.contract.financing.FinancingStatus;
import com.scfledger.contract.ledger.LedgerSettings;
import com.scfledger.contract.ledger.RequestRecord;
import com.scfledger.contract.payable.Payable;
import com.scfledger.contract.payable.PayableStatus;
import com.scfledger.contract.token.Token;
import com.scfledger.contract.token.TokenStatus;

class SettlementTransactionsUnitTest {

    private final ScfContract contract = new ScfContract();
    private MockLedger ledger;

    /** PO-1 split into tx2.0 (SUP1, 600 000) and tx2.1 (SUP2, 400 000), now at maturity; the obligor calls. */
    @BeforeEach
    void splitPayableAtMaturity() {
        ledger = new MockLedger();
        ledger.at(AT_MATURITY).callerActsFor(core()).given(payable(PayableStatus.ACCEPTED),
                root().status(TokenStatus.SPENT).build(),
                token("tx2.0").heldBy(SUPPLIER).amount(600_000).tier(0).build(),
                token("tx2.1").heldBy(SUPPLIER_2).amount(400_000).build());
    }

    /** 06:00 in Shanghai on the maturity date is still the day before in UTC. */
    @Nested
    class BusinessDay {

        private static final Instant SIX_IN_SHANGHAI_ON_MATURITY = Instant.parse("2026-06-29T22:00:00Z");

        @Test
        void settlesOnTheMaturityDateOfTheBusinessZone() {
            ledger.at(SIX_IN_SHANGHAI_ON_MATURITY).given(shanghai());

            contract.settleToken(ledger.ctx, "tx2.1", "PAY-7", "req-9");

            assertThat(ledger.written("token:tx2.1", Token.class).status()).isEqualTo(TokenStatus.SETTLED);
        }

        @Test
        void withoutAZoneTheSameInstantIsTheUtcDayBefore() {
            ledger.at(SIX_IN_SHANGHAI_ON_MATURITY);

            assertRefused(() -> contract.settleToken(ledger.ctx, "tx2.1", "PAY-7", "req-9"), ErrorCode.NOT_MATURED);
            ledger.assertUntouched();
        }

        @Test
        void aTokenMaturedInTheBusinessZoneNoLongerMoves() {
            ledger.at(SIX_IN_SHANGHAI_ON_MATURITY).given(shanghai()).callerActsFor(supplier(SUPPLIER_2));

            assertRefused(() -> contract.splitTransfer(ledger.ctx, "tx2.1",
                    "[{\"recipient\":\"SUP1\",\"amount\":400000}]", "req-9"), ErrorCode.MATURED);
            ledger.assertUntouched();
        }

        private static LedgerSettings shanghai() {
            return new LedgerSettings(100, 10, 10, Instant.parse("2026-01-01T00:00:00Z"), "tx1", "Asia/Shanghai");
        }
    }

    @Nested
    class SettleToken {

        @Test
        void settlesTheTokenWithThePaymentReference() {
            contract.settleToken(ledger.ctx, "tx2.1", "PAY-2026/0630-7", "req-9");

            Token settled = ledger.written("token:tx2.1", Token.class);
            assertThat(settled.status()).isEqualTo(TokenStatus.SETTLED);
            assertThat(settled.paymentReference()).isEqualTo("PAY-2026/0630-7");
            assertThat(settled.holderId()).isEqualTo(SUPPLIER_2);
            assertThat(ledger.wasWritten("payable:CORE1:PO-1")).isFalse();
            assertThat(ledger.eventName()).isEqualTo("TokenSettled");
            assertThat(ledger.deletedKeys()).isEmpty();
        }

        @Test
        void settlingTheLastLiveTokenSettlesThePayable() {
            ledger.given(token("tx2.0").heldBy(SUPPLIER).amount(600_000).tier(0).status(TokenStatus.SETTLED).build());

            contract.settleToken(ledger.ctx, "tx2.1", "PAY-7", "req-9");

            Payable settled = ledger.written("payable:CORE1:PO-1", Payable.class);
            assertThat(settled.status()).isEqualTo(PayableStatus.SETTLED);
            assertThat(settled.paymentReference()).isNull();
            JsonNode event = ledger.event();
            assertThat(event.get("payables")).hasSize(1);
            assertThat(event.get("tokens")).hasSize(1);
        }

        @Test
        void settlesAFinancedTokenHeldByTheBankAndReleasesTheBanksExposure() {
            ledger.given(token("tx2.1").heldBy(BANK).amount(400_000).status(TokenStatus.FINANCED).financing("F-1")
                    .build(), financing("F-1", "tx2.1", SUPPLIER_2, 400_000, FinancingStatus.APPROVED),
                    creditLimit(1_000_000, 100_000, 500_000));

            contract.settleToken(ledger.ctx, "tx2.1", "PAY-7", "req-9");

            assertThat(ledger.written("token:tx2.1", Token.class).status()).isEqualTo(TokenStatus.SETTLED);
            CreditLimit limit = ledger.written("creditLimit:BANK1:CORE1:EUR", CreditLimit.class);
            assertThat(limit.consumedMinor()).isEqualTo(100_000);
            assertThat(limit.reservedMinor()).isEqualTo(100_000);
        }

        @Test
        void settlingAnUnfinancedTokenLeavesTheLimitsAlone() {
            ledger.given(creditLimit(1_000_000, 0, 400_000));

            contract.settleToken(ledger.ctx, "tx2.1", "PAY-7", "req-9");

            assertThat(ledger.wasWritten("creditLimit:BANK1:CORE1:EUR")).isFalse();
        }

        @Test
        void refusesAnyoneButTheObligor() {
            ledger.callerActsFor(supplier(SUPPLIER_2));

            assertRefused(() -> contract.settleToken(ledger.ctx, "tx2.1", "PAY-7", "req-9"), ErrorCode.UNAUTHORIZED);
            ledger.assertUntouched();
        }

        @Test
        void refusesSettlementBeforeMaturity() {
            ledger.at(DAY_BEFORE_MATURITY);

            assertRefused(() -> contract.settleToken(ledger.ctx, "tx2.1", "PAY-7", "req-9"), ErrorCode.NOT_MATURED);
            ledger.assertUntouched();
        }

        @ParameterizedTest
        @EnumSource(value = TokenStatus.class, names = {"ACTIVE", "FINANCED"}, mode = EnumSource.Mode.EXCLUDE)
        void refusesATokenThatIsNotActiveOrFinanced(final TokenStatus status) {
            ledger.given(token("tx2.1").heldBy(SUPPLIER_2).amount(400_000).status(status).build());

            assertRefused(() -> contract.settleToken(ledger.ctx, "tx2.1", "PAY-7", "req-9"),
                    ErrorCode.TOKEN_NOT_ACTIVE);
            ledger.assertUntouched();
        }

        @Test
        void refusesAnUnknownToken() {
            assertRefused(() -> contract.settleToken(ledger.ctx, "tx404.0", "PAY-7", "req-9"), ErrorCode.NOT_FOUND);
        }

        @Test
        void refusesAMalformedPaymentReference() {
            assertRefused(() -> contract.settleToken(ledger.ctx, "tx2.1", "PAY 7", "req-9"),
                    ErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> contract.settleToken(ledger.ctx, "tx2.1", "", "req-9"), ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void refusesAUsedRequestId() {
            ledger.givenValue("request:req-9", new RequestRecord("req-9", Transaction.SETTLE_TOKEN, "tx8", AT_MATURITY,
                    "CoreMSP", "CORE1"));

            assertRefused(() -> contract.settleToken(ledger.ctx, "tx2.1", "PAY-7", "req-9"),
                    ErrorCode.DUPLICATE_REQUEST);
        }
    }

    @Nested
    class SettlePayable {

        @Test
        void settlesEveryUnsettledLiveTokenAndThePayable() {
            ledger.given(token("tx2.1").heldBy(BANK).amount(400_000).status(TokenStatus.FINANCED).financing("F-1")
                    .build(), financing("F-1", "tx2.1", SUPPLIER_2, 400_000, FinancingStatus.APPROVED),
                    creditLimit(1_000_000, 0, 400_000));

            contract.settlePayable(ledger.ctx, PAYABLE, "PAY-ALL-1", "req-9");

            Payable settled = ledger.written("payable:CORE1:PO-1", Payable.class);
            assertThat(settled.status()).isEqualTo(PayableStatus.SETTLED);
            assertThat(settled.paymentReference()).isEqualTo("PAY-ALL-1");
            assertThat(ledger.written("token:tx2.0", Token.class).status()).isEqualTo(TokenStatus.SETTLED);
            assertThat(ledger.written("token:tx2.1", Token.class).paymentReference()).isEqualTo("PAY-ALL-1");
            assertThat(ledger.wasWritten("token:tx1.0")).isFalse();
            assertThat(ledger.eventName()).isEqualTo("PayableSettled");
            assertThat(ledger.event().get("tokens")).hasSize(2);
            assertThat(ledger.written("creditLimit:BANK1:CORE1:EUR", CreditLimit.class).consumedMinor()).isZero();
        }

        @Test
        void leavesTokensSettledEarlierAlone() {
            ledger.given(token("tx2.0").heldBy(SUPPLIER).amount(600_000).tier(0).status(TokenStatus.SETTLED).build());

            contract.settlePayable(ledger.ctx, PAYABLE, "PAY-ALL-1", "req-9");

            assertThat(ledger.wasWritten("token:tx2.0")).isFalse();
            assertThat(ledger.wasWritten("token:tx2.1")).isTrue();
        }

        @Test
        void isAllowedLongAfterMaturity() {
            ledger.at(Instant.parse("2027-01-15T08:00:00Z"));

            contract.settlePayable(ledger.ctx, PAYABLE, "PAY-LATE", "req-9");

            assertThat(ledger.written("payable:CORE1:PO-1", Payable.class).status()).isEqualTo(PayableStatus.SETTLED);
        }

        @Test
        void refusesWhileATokenIsLockedForFinancing() {
            ledger.given(token("tx2.1").heldBy(SUPPLIER_2).amount(400_000).status(TokenStatus.FINANCING_PENDING)
                    .financing("F-1").build());

            assertRefused(() -> contract.settlePayable(ledger.ctx, PAYABLE, "PAY-ALL-1", "req-9"),
                    ErrorCode.TOKEN_NOT_ACTIVE);
            ledger.assertUntouched();
        }

        @Test
        void refusesBeforeMaturity() {
            ledger.at(DAY_BEFORE_MATURITY);

            assertRefused(() -> contract.settlePayable(ledger.ctx, PAYABLE, "PAY-ALL-1", "req-9"),
                    ErrorCode.NOT_MATURED);
        }

        @ParameterizedTest
        @EnumSource(value = PayableStatus.class, names = "ACCEPTED", mode = EnumSource.Mode.EXCLUDE)
        void refusesAPayableThatIsNotAccepted(final PayableStatus status) {
            ledger.given(payable(status));

            assertRefused(() -> contract.settlePayable(ledger.ctx, PAYABLE, "PAY-ALL-1", "req-9"),
                    ErrorCode.INVALID_STATE);
            ledger.assertUntouched();
        }

        @Test
        void anotherObligorCannotEvenNameThePayable() {
            ledger.callerActsFor(enterprise("CORE2", EnterpriseRole.CORE, "CoreMSP"));

            assertRefused(() -> contract.settlePayable(ledger.ctx, PAYABLE, "PAY-ALL-1", "req-9"),
                    ErrorCode.NOT_FOUND);
        }

        @Test
        void refusesACallerActingForNoEnterprise() {
            ledger.callerIsPlatformAdmin();

            assertRefused(() -> contract.settlePayable(ledger.ctx, PAYABLE, "PAY-ALL-1", "req-9"),
                    ErrorCode.UNAUTHORIZED);
        }

        @Test
        void refusesAUsedRequestId() {
            ledger.givenValue("request:req-9", new RequestRecord("req-9", Transaction.SETTLE_PAYABLE, "tx8", AT_MATURITY,
                    "CoreMSP", "CORE1"));

            assertRefused(() -> contract.settlePayable(ledger.ctx, PAYABLE, "PAY-ALL-1", "req-9"),
                    ErrorCode.DUPLICATE_REQUEST);
        }
    }
}
