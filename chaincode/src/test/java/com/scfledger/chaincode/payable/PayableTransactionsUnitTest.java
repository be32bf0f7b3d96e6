package com.scfledger.chaincode.payable;

import static com.scfledger.chaincode.testing.Fixtures.BANK;
import static com.scfledger.chaincode.testing.Fixtures.CORE;
import static com.scfledger.chaincode.testing.Fixtures.FINGERPRINT_1;
import static com.scfledger.chaincode.testing.Fixtures.FINGERPRINT_2;
import static com.scfledger.chaincode.testing.Fixtures.HASH_B;
import static com.scfledger.chaincode.testing.Fixtures.ISSUED;
import static com.scfledger.chaincode.testing.Fixtures.MATURITY;
import static com.scfledger.chaincode.testing.Fixtures.NOW;
import static com.scfledger.chaincode.testing.Fixtures.PAYABLE;
import static com.scfledger.chaincode.testing.Fixtures.ROOT_TOKEN;
import static com.scfledger.chaincode.testing.Fixtures.SUPPLIER;
import static com.scfledger.chaincode.testing.Fixtures.SUPPLIER_2;
import static com.scfledger.chaincode.testing.Fixtures.SUPPLIER_3;
import static com.scfledger.chaincode.testing.Fixtures.assertRefused;
import static com.scfledger.chaincode.testing.Fixtures.bank;
import static com.scfledger.chaincode.testing.Fixtures.core;
import static com.scfledger.chaincode.testing.Fixtures.financing;
import static com.scfledger.chaincode.testing.Fixtures.payable;
import static com.scfledger.chaincode.testing.Fixtures.root;
import static com.scfledger.chaincode.testing.Fixtures.supplier;
import static com.scfledger.chaincode.testing.Fixtures.suspended;
import static com.scfledger.chaincode.testing.Fixtures.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.scfledger.chaincode.ScfContract;
import com.scfledger.chaincode.ledger.Keys;
import com.scfledger.chaincode.testing.MockLedger;
import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.Transaction;
import com.scfledger.contract.financing.FinancingStatus;
import com.scfledger.contract.ledger.LedgerSettings;
import com.scfledger.contract.ledger.RequestRecord;
import com.scfledger.contract.payable.Payable;
import com.scfledger.contract.payable.PayableStatus;
import com.scfledger.contract.token.Token;
import com.scfledger.contract.token.TokenStatus;

class PayableTransactionsUnitTest {

    private static final String FINGERPRINTS = "[\"" + FINGERPRINT_2 + "\",\"" + FINGERPRINT_1 + "\"]";

    private final ScfContract contract = new ScfContract();
    private MockLedger ledger;

    @BeforeEach
    void freshLedger() {
        ledger = new MockLedger();
    }

    @Nested
    class RegisterPayable {

        @BeforeEach
        void coreOwesSupplier() {
            ledger.callerActsFor(core()).given(supplier());
        }

        private String register(final String amount, final String issue, final String maturity,
                final String fingerprints) {
            return contract.registerPayable(ledger.ctx, PAYABLE, SUPPLIER, amount, "EUR", issue, maturity,
                    fingerprints, HASH_B, "req-1");
        }

        private String register() {
            return register("1000000", "2026-02-27", "2026-06-30", FINGERPRINTS);
        }

        @Test
        void createsThePayableAndItsRootTokenPendingAcceptance() {
            register();

            Payable payable = ledger.written("payable:CORE1:PO-1", Payable.class);
            assertThat(payable).isEqualTo(new Payable(PAYABLE, CORE, SUPPLIER, 1_000_000, "EUR", ISSUED, MATURITY,
                    List.of(FINGERPRINT_1, FINGERPRINT_2), HASH_B, "tx9.0", PayableStatus.PENDING_ACCEPTANCE, null,
                    NOW, MockLedger.TX_ID, NOW, MockLedger.TX_ID));
            Token rootToken = ledger.written("token:tx9.0", Token.class);
            assertThat(rootToken).isEqualTo(new Token("tx9.0", CORE, PAYABLE, null, SUPPLIER, 1_000_000, "EUR",
                    MATURITY, 0, TokenStatus.PENDING_ACCEPTANCE, null, null, NOW, MockLedger.TX_ID, NOW,
                    MockLedger.TX_ID));
        }

        @Test
        void claimsEveryInvoiceFingerprint() {
            register();

            assertThat(ledger.written("invoice:" + FINGERPRINT_1, InvoiceClaim.class))
                    .isEqualTo(new InvoiceClaim(FINGERPRINT_1, CORE, PAYABLE, MockLedger.TX_ID));
            assertThat(ledger.wasWritten("invoice:" + FINGERPRINT_2)).isTrue();
        }

        @Test
        void indexesTheRootTokenUnderItsPayableAndHolder() {
            register();

            assertThat(ledger.writtenKeys()).contains(
                    Keys.payableIndex(CORE, PAYABLE, "tx9.0").toString(),
                    Keys.holderIndex(SUPPLIER, "tx9.0").toString());
        }

        @Test
        void writesInKeyOrderAndRecordsTheRequest() {
            register();

            List<String> keys = ledger.writtenKeys();
            List<String> sorted = new ArrayList<>(keys);
            Collections.sort(sorted);
            assertThat(keys).isEqualTo(sorted);
            assertThat(ledger.written("request:req-1", RequestRecord.class).transaction())
                    .isEqualTo(Transaction.REGISTER_PAYABLE);
        }

        @Test
        void emitsOneEventCarryingThePayableAndTheRootToken() {
            String result = register();

            assertThat(ledger.eventName()).isEqualTo("PayableRegistered");
            JsonNode event = ledger.event();
            assertThat(event.at("/payables/0/id").asText()).isEqualTo(PAYABLE);
            assertThat(event.at("/tokens/0/id").asText()).isEqualTo("tx9.0");
            assertThat(event.at("/tokens/0/status").asText()).isEqualTo("PENDING_ACCEPTANCE");
            assertThat(event.at("/actor/enterpriseId").asText()).isEqualTo(CORE);
            assertThat(event.at("/schemaVersion").asInt()).isEqualTo(1);
            assertThat(result).isEqualTo(event.toString());
        }

        @Test
        void refusesACallerThatIsNotACoreEnterprise() {
            ledger.callerActsFor(supplier(SUPPLIER_2));

            assertRefused(this::register, ErrorCode.UNAUTHORIZED);
            ledger.assertUntouched();
        }

        @Test
        void refusesASuspendedObligor() {
            ledger.given(suspended(core()));

            assertRefused(this::register, ErrorCode.UNAUTHORIZED);
        }

        @Test
        void refusesAPayableIdTheObligorAlreadyUsed() {
            ledger.given(payable(PayableStatus.REJECTED));

            assertRefused(this::register, ErrorCode.ALREADY_EXISTS);
            ledger.assertUntouched();
        }

        @Test
        void refusesAnInvoiceAlreadyCarriedByAnotherPayable() {
            ledger.givenValue("invoice:" + FINGERPRINT_2, new InvoiceClaim(FINGERPRINT_2, "CORE2", "X-7", "tx2"));

            assertRefused(this::register, ErrorCode.DUPLICATE_INVOICE);
            ledger.assertUntouched();
        }

        @Test
        void refusesAnAmountBelowTheMinimumUnit() {
            assertRefused(() -> register("99", "2026-02-27", "2026-06-30", FINGERPRINTS), ErrorCode.INVALID_AMOUNT);
            assertRefused(() -> register("0", "2026-02-27", "2026-06-30", FINGERPRINTS), ErrorCode.INVALID_AMOUNT);
            ledger.assertUntouched();
        }

        @Test
        void takesTheMinimumUnitFromTheLedgerSettings() {
            ledger.given(new LedgerSettings(5_000, 10, 10, NOW, "tx3", null));

            assertRefused(() -> register("4999", "2026-02-27", "2026-06-30", FINGERPRINTS), ErrorCode.INVALID_AMOUNT);
        }

        @Test
        void refusesAmountsThatAreNotWholeNumbersOrTooLarge() {
            assertRefused(() -> register("-5", "2026-02-27", "2026-06-30", FINGERPRINTS), ErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> register("10.5", "2026-02-27", "2026-06-30", FINGERPRINTS),
                    ErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> register("9999999999999999999", "2026-02-27", "2026-06-30", FINGERPRINTS),
                    ErrorCode.INVALID_AMOUNT);
        }

        @Test
        void refusesAnIssueDateAfterMaturity() {
            assertRefused(() -> register("1000000", "2026-07-01", "2026-06-30", FINGERPRINTS),
                    ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void refusesAMaturityInThePast() {
            assertRefused(() -> register("1000000", "2026-02-27", "2026-03-01", FINGERPRINTS), ErrorCode.MATURED);
        }

        @Test
        void registersAPayableDueToday() {
            String result = register("1000000", "2026-02-27", "2026-03-02", FINGERPRINTS);

            assertThat(result).contains("\"maturityDate\":\"2026-03-02\"").contains("\"status\":\"PENDING_ACCEPTANCE\"");
        }

        @Test
        void refusesMalformedDates() {
            assertRefused(() -> register("1000000", "2026-02-30", "2026-06-30", FINGERPRINTS),
                    ErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> register("1000000", "2026/02/27", "2026-06-30", FINGERPRINTS),
                    ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void refusesTheObligorAsBeneficiary() {
            assertRefused(() -> contract.registerPayable(ledger.ctx, PAYABLE, CORE, "1000000", "EUR", "2026-02-27",
                    "2026-06-30", FINGERPRINTS, HASH_B, "req-1"), ErrorCode.INVALID_COUNTERPARTY);
        }

        @Test
        void refusesAnUnknownSuspendedOrNonSupplierBeneficiary() {
            ledger.given(suspended(supplier(SUPPLIER_2)), bank());

            assertRefused(() -> contract.registerPayable(ledger.ctx, PAYABLE, "NOBODY", "1000000", "EUR", "2026-02-27",
                    "2026-06-30", FINGERPRINTS, HASH_B, "req-1"), ErrorCode.INVALID_COUNTERPARTY);
            assertRefused(() -> contract.registerPayable(ledger.ctx, PAYABLE, SUPPLIER_2, "1000000", "EUR",
                    "2026-02-27", "2026-06-30", FINGERPRINTS, HASH_B, "req-1"), ErrorCode.INVALID_COUNTERPARTY);
            assertRefused(() -> contract.registerPayable(ledger.ctx, PAYABLE, BANK, "1000000", "EUR", "2026-02-27",
                    "2026-06-30", FINGERPRINTS, HASH_B, "req-1"), ErrorCode.INVALID_COUNTERPARTY);
            ledger.assertUntouched();
        }

        @Test
        void refusesMalformedFingerprintLists() {
            String upper = "[\"" + FINGERPRINT_1.replace('1', 'A') + "\"]";
            String twice = "[\"" + FINGERPRINT_1 + "\",\"" + FINGERPRINT_1 + "\"]";
            StringBuilder tooMany = new StringBuilder("[");
            for (int i = 0; i <= com.scfledger.contract.payable.RegisterPayable.MAX_INVOICES; i++) {
                tooMany.append(i == 0 ? "" : ",").append('"').append(String.format("%064x", i)).append('"');
            }
            tooMany.append(']');
            for (String bad : List.of("[]", "not json", upper, twice, tooMany.toString(), "[null]", "{}", "",
                    "[\"" + FINGERPRINT_1 + "\"] trailing")) {
                assertRefused(() -> register("1000000", "2026-02-27", "2026-06-30", bad), ErrorCode.INVALID_ARGUMENT);
            }
            assertRefused(() -> register("1000000", "2026-02-27", "2026-06-30", null), ErrorCode.INVALID_ARGUMENT);
            ledger.assertUntouched();
        }

        @Test
        void refusesAMalformedCurrencyOrHash() {
            assertRefused(() -> contract.registerPayable(ledger.ctx, PAYABLE, SUPPLIER, "1000000", "eur", "2026-02-27",
                    "2026-06-30", FINGERPRINTS, HASH_B, "req-1"), ErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> contract.registerPayable(ledger.ctx, PAYABLE, SUPPLIER, "1000000", "EUR", "2026-02-27",
                    "2026-06-30", FINGERPRINTS, "abc", "req-1"), ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void refusesAUsedRequestId() {
            ledger.givenValue("request:req-1", new RequestRecord("req-1", Transaction.REGISTER_PAYABLE, "tx2", NOW, "CoreMSP",
                    CORE));

            assertRefused(this::register, ErrorCode.DUPLICATE_REQUEST);
            ledger.assertUntouched();
        }
    }

    @Nested
    class AcceptPayable {

        @BeforeEach
        void pendingPayable() {
            ledger.given(core(), payable(PayableStatus.PENDING_ACCEPTANCE),
                    root().status(TokenStatus.PENDING_ACCEPTANCE).build());
        }

        @Test
        void theBeneficiaryActivatesTheRootToken() {
            ledger.callerActsFor(supplier());

            contract.acceptPayable(ledger.ctx, CORE, PAYABLE, "req-2");

            assertThat(ledger.written("payable:CORE1:PO-1", Payable.class).status()).isEqualTo(PayableStatus.ACCEPTED);
            Token rootToken = ledger.written("token:" + ROOT_TOKEN, Token.class);
            assertThat(rootToken.status()).isEqualTo(TokenStatus.ACTIVE);
            assertThat(rootToken.updatedByTx()).isEqualTo(MockLedger.TX_ID);
            assertThat(ledger.eventName()).isEqualTo("PayableAccepted");
            assertThat(ledger.event().at("/tokens/0/status").asText()).isEqualTo("ACTIVE");
            assertThat(ledger.deletedKeys()).isEmpty();
        }

        @Test
        void refusesAnyoneButTheBeneficiary() {
            ledger.callerActsFor(supplier(SUPPLIER_2));
            assertRefused(() -> contract.acceptPayable(ledger.ctx, CORE, PAYABLE, "req-2"), ErrorCode.UNAUTHORIZED);

            ledger.callerActsFor(core());
            assertRefused(() -> contract.acceptPayable(ledger.ctx, CORE, PAYABLE, "req-2"), ErrorCode.UNAUTHORIZED);
            ledger.assertUntouched();
        }

        @Test
        void refusesAnUnknownPayable() {
            ledger.callerActsFor(supplier());

            assertRefused(() -> contract.acceptPayable(ledger.ctx, CORE, "PO-404", "req-2"), ErrorCode.NOT_FOUND);
        }

        @Test
        void refusesAPayableNoLongerPending() {
            ledger.callerActsFor(supplier()).given(payable(PayableStatus.ACCEPTED));

            assertRefused(() -> contract.acceptPayable(ledger.ctx, CORE, PAYABLE, "req-2"), ErrorCode.INVALID_STATE);
            ledger.assertUntouched();
        }

        @Test
        void refusesAUsedRequestId() {
            ledger.callerActsFor(supplier()).givenValue("request:req-2",
                    new RequestRecord("req-2", Transaction.ACCEPT_PAYABLE, "tx2", NOW, "PlatformMSP", SUPPLIER));

            assertRefused(() -> contract.acceptPayable(ledger.ctx, CORE, PAYABLE, "req-2"),
                    ErrorCode.DUPLICATE_REQUEST);
        }
    }

    @Nested
    class RejectPayable {

        @BeforeEach
        void pendingPayable() {
            ledger.given(core(), payable(PayableStatus.PENDING_ACCEPTANCE),
                    root().status(TokenStatus.PENDING_ACCEPTANCE).build());
        }

        @Test
        void theBeneficiaryRejectsAndTheInvoicesAreReleased() {
            ledger.callerActsFor(supplier());

            contract.rejectPayable(ledger.ctx, CORE, PAYABLE, "req-2");

            assertThat(ledger.written("payable:CORE1:PO-1", Payable.class).status()).isEqualTo(PayableStatus.REJECTED);
            assertThat(ledger.written("token:" + ROOT_TOKEN, Token.class).status()).isEqualTo(TokenStatus.REJECTED);
            assertThat(ledger.deletedKeys()).containsExactlyInAnyOrder("invoice:" + FINGERPRINT_1,
                    Keys.holderIndex(SUPPLIER, ROOT_TOKEN).toString());
            assertThat(ledger.eventName()).isEqualTo("PayableRejected");
        }

        @Test
        void refusesAnyoneButTheBeneficiary() {
            ledger.callerActsFor(supplier(SUPPLIER_3));

            assertRefused(() -> contract.rejectPayable(ledger.ctx, CORE, PAYABLE, "req-2"), ErrorCode.UNAUTHORIZED);
            ledger.assertUntouched();
        }

        @Test
        void refusesAPayableAlreadyDecided() {
            ledger.callerActsFor(supplier()).given(payable(PayableStatus.REJECTED));

            assertRefused(() -> contract.rejectPayable(ledger.ctx, CORE, PAYABLE, "req-2"), ErrorCode.INVALID_STATE);
        }

        @Test
        void refusesAnUnknownPayable() {
            ledger.callerActsFor(supplier());

            assertRefused(() -> contract.rejectPayable(ledger.ctx, "CORE9", PAYABLE, "req-2"), ErrorCode.NOT_FOUND);
        }

        @Test
        void refusesAUsedRequestId() {
            ledger.callerActsFor(supplier()).givenValue("request:req-2",
                    new RequestRecord("req-2", Transaction.ACCEPT_PAYABLE, "tx2", NOW, "PlatformMSP", SUPPLIER));

            assertRefused(() -> contract.rejectPayable(ledger.ctx, CORE, PAYABLE, "req-2"),
                    ErrorCode.DUPLICATE_REQUEST);
            ledger.assertUntouched();
        }
    }

    @Nested
    class GetPayable {

        @BeforeEach
        void acceptedPayableWithATransferredPart() {
            ledger.given(core(), supplier(), payable(PayableStatus.ACCEPTED),
                    root().status(TokenStatus.SPENT).build(),
                    token("tx2.0").heldBy(SUPPLIER).amount(600_000).tier(0).build(),
                    token("tx2.1").heldBy(SUPPLIER_2).amount(400_000).build());
        }

        @Test
        void theObligorAndTheBeneficiaryReadIt() {
            ledger.callerActsFor(core());
            assertThat(contract.getPayable(ledger.ctx, CORE, PAYABLE)).contains("\"id\":\"PO-1\"");

            ledger.callerActsFor(supplier());
            assertThat(contract.getPayable(ledger.ctx, CORE, PAYABLE)).contains("\"status\":\"ACCEPTED\"");
        }

        @Test
        void aLowerTierHolderSeesItsTokensLineageButNotTheWholePayable() {
            ledger.callerActsFor(supplier(SUPPLIER_2));

            assertRefused(() -> contract.getPayable(ledger.ctx, CORE, PAYABLE), ErrorCode.UNAUTHORIZED);
            assertRefused(() -> contract.getHistory(ledger.ctx, "payable:" + CORE + ":" + PAYABLE),
                    ErrorCode.UNAUTHORIZED);
        }

        @Test
        void theBankFinancingATokenReadsIt() {
            ledger.given(token("tx2.1").heldBy(SUPPLIER_2).amount(400_000).status(TokenStatus.FINANCING_PENDING)
                    .financing("F-1").build(), financing("F-1", "tx2.1", SUPPLIER_2, 400_000,
                            FinancingStatus.REQUESTED));
            ledger.callerActsFor(bank());

            assertThat(contract.getPayable(ledger.ctx, CORE, PAYABLE)).contains("\"id\":\"PO-1\"");
        }

        @Test
        void auditorsAndOrgAdminsReadEverything() {
            ledger.callerIsAuditor("BankMSP");
            assertThat(contract.getPayable(ledger.ctx, CORE, PAYABLE)).contains("\"id\":\"PO-1\"");

            ledger.callerIsOrgAdmin("BankMSP");
            assertThat(contract.getPayable(ledger.ctx, CORE, PAYABLE)).contains("\"id\":\"PO-1\"");
        }

        @Test
        void refusesAnEnterpriseWithNoPartInIt() {
            ledger.callerActsFor(supplier(SUPPLIER_3));

            assertRefused(() -> contract.getPayable(ledger.ctx, CORE, PAYABLE), ErrorCode.UNAUTHORIZED);
        }

        @Test
        void refusesAnUnknownPayable() {
            ledger.callerActsFor(core());

            assertRefused(() -> contract.getPayable(ledger.ctx, CORE, "PO-404"), ErrorCode.NOT_FOUND);
        }
    }

    @Nested
    class GetPayableTree {

        @BeforeEach
        void splitPayable() {
            ledger.given(core(), payable(PayableStatus.ACCEPTED),
                    root().status(TokenStatus.SPENT).build(),
                    token("tx2.1").heldBy(SUPPLIER_2).amount(400_000).build(),
                    token("tx2.0").heldBy(SUPPLIER).amount(600_000).tier(0).build());
        }

        @Test
        void theObligorSeesEveryTokenInIdOrder() {
            ledger.callerActsFor(core());

            String json = contract.getPayableTree(ledger.ctx, CORE, PAYABLE);

            assertThat(json).startsWith("{\"payable\":{");
            assertThat(json.indexOf("\"id\":\"tx1.0\"")).isLessThan(json.indexOf("\"id\":\"tx2.0\""));
            assertThat(json.indexOf("\"id\":\"tx2.0\"")).isLessThan(json.indexOf("\"id\":\"tx2.1\""));
        }

        @Test
        void anAuditorSeesTheTree() {
            ledger.callerIsAuditor("PlatformMSP");

            assertThat(contract.getPayableTree(ledger.ctx, CORE, PAYABLE)).contains("\"tx2.1\"");
        }

        @Test
        void refusesTheBeneficiary() {
            ledger.callerActsFor(supplier());

            assertRefused(() -> contract.getPayableTree(ledger.ctx, CORE, PAYABLE), ErrorCode.UNAUTHORIZED);
        }

        @Test
        void refusesAnUnknownPayable() {
            ledger.callerActsFor(core());

            assertRefused(() -> contract.getPayableTree(ledger.ctx, CORE, "PO-404"), ErrorCode.NOT_FOUND);
        }
    }

    @Test
    void aRegisteredPayableIsReadableAtItsLaterTimestamp() {
        ledger.at(Instant.parse("2026-03-03T00:00:00Z")).callerActsFor(core()).given(payable(PayableStatus.ACCEPTED));

        assertThat(contract.getPayable(ledger.ctx, CORE, PAYABLE)).contains("\"maturityDate\":\"2026-06-30\"");
    }
}
