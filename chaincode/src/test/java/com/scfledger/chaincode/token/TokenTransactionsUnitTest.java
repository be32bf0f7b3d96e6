package com.scfledger.chaincode.token;

import static com.scfledger.chaincode.testing.Fixtures.AT_MATURITY;
import static com.scfledger.chaincode.testing.Fixtures.BANK;
import static com.scfledger.chaincode.testing.Fixtures.CORE;
import static com.scfledger.chaincode.testing.Fixtures.DAY_BEFORE_MATURITY;
import static com.scfledger.chaincode.testing.Fixtures.FACE;
import static com.scfledger.chaincode.testing.Fixtures.MATURITY;
import static com.scfledger.chaincode.testing.Fixtures.NOW;
import static com.scfledger.chaincode.testing.Fixtures.PAYABLE;
import static com.scfledger.chaincode.testing.Fixtures.ROOT_TOKEN;
import static com.scfledger.chaincode.testing.Fixtures.SUPPLIER;
import static com.scfledger.chaincode.testing.Fixtures.SUPPLIER_2;
import static com.scfledger.chaincode.testing.Fixtures.SUPPLIER_3;
import static com.scfledger.chaincode.testing.Fixtures.assertRefused;
import static com.scfledger.chaincode.testing.Fixtures.bank;
import static com.scfledger.chaincode.testing.Fixtures.enterprise;
import static com.scfledger.chaincode.testing.Fixtures.core;
import static com.scfledger.chaincode.testing.Fixtures.financing;
import static com.scfledger.chaincode.testing.Fixtures.root;
import static com.scfledger.chaincode.testing.Fixtures.supplier;
import static com.scfledger.chaincode.testing.Fixtures.suspended;
import static com.scfledger.chaincode.testing.Fixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scfledger.chaincode.ScfContract;
import com.scfledger.chaincode.ledger.Keys;
import com.scfledger.chaincode.ledger.PageBookmark;
import com.scfledger.chaincode.testing.MockLedger;
import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.enterprise.EnterpriseRole;
import com.scfledger.contract.Transaction;
import com.scfledger.contract.financing.FinancingStatus;
import com.scfledger.contract.ledger.LedgerSettings;
import com.scfledger.contract.ledger.RequestRecord;
import com.scfledger.contract.token.Token;
import com.scfledger.contract.token.TokenStatus;

class TokenTransactionsUnitTest {

    private final ScfContract contract = new ScfContract();
    private MockLedger ledger;

    @BeforeEach
    void freshLedger() {
        ledger = new MockLedger();
    }

    private static String outputs(final Object... recipientAmountPairs) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < recipientAmountPairs.length; i += 2) {
            json.append(i == 0 ? "" : ",").append("{\"recipient\":\"").append(recipientAmountPairs[i])
                    .append("\",\"amount\":").append(recipientAmountPairs[i + 1]).append('}');
        }
        return json.append(']').toString();
    }

    @Nested
    class SplitTransfer {

        @BeforeEach
        void supplierHoldsTheActiveRoot() {
            ledger.callerActsFor(supplier()).given(core(), supplier(SUPPLIER_2), supplier(SUPPLIER_3), bank(),
                    root().status(TokenStatus.ACTIVE).build());
        }

        private String split(final String outputs) {
            return contract.splitTransfer(ledger.ctx, ROOT_TOKEN, outputs, "req-7");
        }

        @Test
        void spendsTheTokenAndCreatesOneChildPerOutput() {
            split(outputs(SUPPLIER_2, 400_000, SUPPLIER, 600_000));

            Token spent = ledger.written("token:" + ROOT_TOKEN, Token.class);
            assertThat(spent.status()).isEqualTo(TokenStatus.SPENT);
            assertThat(spent.updatedByTx()).isEqualTo(MockLedger.TX_ID);
            assertThat(ledger.written("token:tx9.0", Token.class)).isEqualTo(new Token("tx9.0", CORE, PAYABLE,
                    ROOT_TOKEN, SUPPLIER_2, 400_000, "EUR", MATURITY, 1, TokenStatus.ACTIVE, null, null, NOW,
                    MockLedger.TX_ID, NOW, MockLedger.TX_ID));
            assertThat(ledger.written("token:tx9.1", Token.class)).isEqualTo(new Token("tx9.1", CORE, PAYABLE,
                    ROOT_TOKEN, SUPPLIER, 600_000, "EUR", MATURITY, 0, TokenStatus.ACTIVE, null, null, NOW,
                    MockLedger.TX_ID, NOW, MockLedger.TX_ID));
        }

        @Test
        void keepsTheIndexesInStep() {
            split(outputs(SUPPLIER_2, 400_000, SUPPLIER, 600_000));

            assertThat(ledger.deletedKeys()).containsExactly(Keys.holderIndex(SUPPLIER, ROOT_TOKEN).toString());
            assertThat(ledger.writtenKeys()).contains(
                    Keys.holderIndex(SUPPLIER_2, "tx9.0").toString(),
                    Keys.holderIndex(SUPPLIER, "tx9.1").toString(),
                    Keys.payableIndex(CORE, PAYABLE, "tx9.0").toString(),
                    Keys.payableIndex(CORE, PAYABLE, "tx9.1").toString());
            assertThat(ledger.writtenKeys()).doesNotContain(Keys.payableIndex(CORE, PAYABLE, ROOT_TOKEN).toString());
        }

        @Test
        void emitsOneEventWithTheSpentTokenAndTheChildren() {
            String result = split(outputs(SUPPLIER_2, 400_000, SUPPLIER, 600_000));

            assertThat(ledger.eventName()).isEqualTo("TokenSplit");
            JsonNode tokens = ledger.event().get("tokens");
            assertThat(tokens).hasSize(3);
            assertThat(tokens.get(0).get("id").asText()).isEqualTo(ROOT_TOKEN);
            assertThat(tokens.get(0).get("status").asText()).isEqualTo("SPENT");
            assertThat(result).isEqualTo(ledger.event().toString());
        }

        @Test
        void childIdsFollowTheRealTransactionIdAndCanBeUsedAsArguments() {
            String realTxId = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
            when(ledger.stub.getTxId()).thenReturn(realTxId);

            split(outputs(SUPPLIER_2, FACE));

            Token child = ledger.written("token:" + realTxId + ".0", Token.class);
            assertThat(child.id()).hasSize(66);
            MockLedger next = new MockLedger().callerActsFor(supplier(SUPPLIER_2)).given(child);
            assertThat(contract.getToken(next.ctx, child.id())).contains(realTxId + ".0");
        }

        @Test
        void aSingleOutputIsAPlainTransferOneTierDown() {
            split(outputs(SUPPLIER_3, FACE));

            Token child = ledger.written("token:tx9.0", Token.class);
            assertThat(child.holderId()).isEqualTo(SUPPLIER_3);
            assertThat(child.tier()).isEqualTo(1);
            assertThat(child.amount()).isEqualTo(FACE);
        }

        @Test
        void refusesABankOrAnotherCoreEnterpriseAsRecipient() {
            ledger.given(enterprise("CORE2", EnterpriseRole.CORE, "CoreMSP"));

            assertRefused(() -> split(outputs(BANK, FACE)), ErrorCode.INVALID_COUNTERPARTY);
            assertRefused(() -> split(outputs(SUPPLIER_2, FACE - 1000, BANK, 1000)), ErrorCode.INVALID_COUNTERPARTY);
            assertRefused(() -> split(outputs("CORE2", FACE)), ErrorCode.INVALID_COUNTERPARTY);
            ledger.assertUntouched();
        }

        @Test
        void refusesASuspendedSupplierAsRecipient() {
            ledger.given(suspended(supplier(SUPPLIER_2)));

            assertRefused(() -> split(outputs(SUPPLIER_2, FACE)), ErrorCode.INVALID_COUNTERPARTY);
            ledger.assertUntouched();
        }

        @Test
        void isAllowedOnTheDayBeforeMaturity() {
            ledger.at(DAY_BEFORE_MATURITY);

            split(outputs(SUPPLIER_2, FACE));

            assertThat(ledger.wasWritten("token:tx9.0")).isTrue();
        }

        @Test
        void refusesAnyoneButTheHolder() {
            ledger.callerActsFor(supplier(SUPPLIER_2));

            assertRefused(() -> split(outputs(SUPPLIER_2, FACE)), ErrorCode.UNAUTHORIZED);
            ledger.callerActsFor(core());
            assertRefused(() -> split(outputs(SUPPLIER_2, FACE)), ErrorCode.UNAUTHORIZED);
            ledger.assertUntouched();
        }

        @Test
        void refusesASuspendedHolder() {
            ledger.given(suspended(supplier()));

            assertRefused(() -> split(outputs(SUPPLIER_2, FACE)), ErrorCode.UNAUTHORIZED);
        }

        @Test
        void refusesAnUnknownToken() {
            assertRefused(() -> contract.splitTransfer(ledger.ctx, "tx404.0", outputs(SUPPLIER_2, FACE), "req-7"),
                    ErrorCode.NOT_FOUND);
        }

        @ParameterizedTest
        @EnumSource(value = TokenStatus.class, names = "ACTIVE", mode = EnumSource.Mode.EXCLUDE)
        void refusesATokenThatIsNotActive(final TokenStatus status) {
            ledger.given(root().status(status).build());

            assertRefused(() -> split(outputs(SUPPLIER_2, FACE)), ErrorCode.TOKEN_NOT_ACTIVE);
            ledger.assertUntouched();
        }

        @Test
        void refusesATransferOnTheMaturityDate() {
            ledger.at(AT_MATURITY);

            assertRefused(() -> split(outputs(SUPPLIER_2, FACE)), ErrorCode.MATURED);
            ledger.assertUntouched();
        }

        @Test
        void refusesMoreOutputsThanTheSettingAllows() {
            Object[] eleven = new Object[22];
            for (int i = 0; i < 11; i++) {
                eleven[2 * i] = SUPPLIER_2;
                eleven[2 * i + 1] = i == 0 ? FACE - 10 * 10_000 : 10_000;
            }
            assertRefused(() -> split(outputs(eleven)), ErrorCode.TOO_MANY_OUTPUTS);

            ledger.given(new LedgerSettings(100, 2, 10, NOW, "tx3", null));
            assertRefused(() -> split(outputs(SUPPLIER_2, 300_000, SUPPLIER_3, 300_000, SUPPLIER, 400_000)),
                    ErrorCode.TOO_MANY_OUTPUTS);
            ledger.assertUntouched();
        }

        @Test
        void refusesAnOutputThatIsNotPositiveOrBelowTheMinimumUnit() {
            assertRefused(() -> split(outputs(SUPPLIER_2, 0, SUPPLIER, FACE)), ErrorCode.INVALID_AMOUNT);
            assertRefused(() -> split(outputs(SUPPLIER_2, -100, SUPPLIER, FACE + 100)), ErrorCode.INVALID_AMOUNT);
            assertRefused(() -> split(outputs(SUPPLIER_2, 99, SUPPLIER, FACE - 99)), ErrorCode.INVALID_AMOUNT);
            ledger.assertUntouched();
        }

        @Test
        void refusesOutputsThatDoNotSumToTheToken() {
            assertRefused(() -> split(outputs(SUPPLIER_2, 400_000, SUPPLIER, 599_999)),
                    ErrorCode.CONSERVATION_VIOLATED);
            assertRefused(() -> split(outputs(SUPPLIER_2, 400_000, SUPPLIER, 600_001)),
                    ErrorCode.CONSERVATION_VIOLATED);
            ledger.assertUntouched();
        }

        @Test
        void refusesOutputsWhoseSumOverflows() {
            assertRefused(() -> split(outputs(SUPPLIER_2, Long.MAX_VALUE, SUPPLIER, Long.MAX_VALUE)),
                    ErrorCode.INVALID_AMOUNT);
        }

        @Test
        void refusesTheObligorAsRecipient() {
            assertRefused(() -> split(outputs(CORE, FACE)), ErrorCode.INVALID_COUNTERPARTY);
        }

        @Test
        void refusesAnUnknownOrSuspendedRecipient() {
            assertRefused(() -> split(outputs("NOBODY", FACE)), ErrorCode.INVALID_COUNTERPARTY);
            ledger.given(suspended(supplier(SUPPLIER_3)));
            assertRefused(() -> split(outputs(SUPPLIER_2, 500_000, SUPPLIER_3, 500_000)),
                    ErrorCode.INVALID_COUNTERPARTY);
            ledger.assertUntouched();
        }

        @Test
        void refusesATransferBeyondTheMaximumTierButKeepsARemainderAtItsTier() {
            ledger.given(new LedgerSettings(100, 10, 3, NOW, "tx3", null), root().tier(3).status(TokenStatus.ACTIVE).build());

            assertRefused(() -> split(outputs(SUPPLIER_2, 400_000, SUPPLIER, 600_000)),
                    ErrorCode.TIER_LIMIT_EXCEEDED);
            ledger.assertUntouched();

            split(outputs(SUPPLIER, 400_000, SUPPLIER, 600_000));
            assertThat(ledger.written("token:tx9.0", Token.class).tier()).isEqualTo(3);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "[]", "{}", "not json", "[null]",
            "[{\"recipient\":\"SUP2\",\"amount\":1000000.5}]",
            "[{\"recipient\":\"SUP2\",\"amount\":\"1000000\"}]",
            "[{\"recipient\":\"SUP2\",\"amount\":1000000,\"memo\":\"x\"}]",
            "[{\"recipient\":\"SUP2\",\"recipient\":\"SUP3\",\"amount\":1000000}]",
            "[{\"recipient\":\"SUP:2\",\"amount\":1000000}]",
            "[{\"amount\":1000000}]",
            "[{\"recipient\":\"SUP2\",\"amount\":1000000}] []"})
        void refusesMalformedOutputs(final String malformed) {
            assertRefused(() -> split(malformed), ErrorCode.INVALID_ARGUMENT);
            ledger.assertUntouched();
        }

        @Test
        void refusesOversizedOutputs() {
            assertRefused(() -> split("[" + " ".repeat(70_000) + "]"), ErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> split(null), ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void refusesAUsedRequestId() {
            ledger.givenValue("request:req-7", new RequestRecord("req-7", Transaction.SPLIT_TRANSFER, "tx8", NOW, "PlatformMSP",
                    SUPPLIER));

            assertRefused(() -> split(outputs(SUPPLIER_2, FACE)), ErrorCode.DUPLICATE_REQUEST);
            ledger.assertUntouched();
        }
    }

    @Nested
    class GetToken {

        @BeforeEach
        void financedToken() {
            ledger.given(core(), token("tx2.1").heldBy(BANK).status(TokenStatus.FINANCED).financing("F-1").build(),
                    financing("F-1", "tx2.1", SUPPLIER_2, 100_000, FinancingStatus.APPROVED));
        }

        @Test
        void theHolderTheObligorAndTheApplicantReadIt() {
            ledger.callerActsFor(bank());
            assertThat(contract.getToken(ledger.ctx, "tx2.1")).contains("\"holderId\":\"BANK1\"");

            ledger.callerActsFor(core());
            assertThat(contract.getToken(ledger.ctx, "tx2.1")).contains("\"id\":\"tx2.1\"");

            ledger.callerActsFor(supplier(SUPPLIER_2));
            assertThat(contract.getToken(ledger.ctx, "tx2.1")).contains("\"financingId\":\"F-1\"");
        }

        @Test
        void anAuditorReadsIt() {
            ledger.callerIsAuditor("CoreMSP");

            assertThat(contract.getToken(ledger.ctx, "tx2.1")).contains("\"status\":\"FINANCED\"");
        }

        @Test
        void refusesAnEnterpriseWithNoPartInIt() {
            ledger.callerActsFor(supplier(SUPPLIER_3));

            assertRefused(() -> contract.getToken(ledger.ctx, "tx2.1"), ErrorCode.UNAUTHORIZED);
        }

        @Test
        void refusesAStrangerToATokenWithoutFinancing() {
            ledger.given(token("tx2.2").heldBy(SUPPLIER).build()).callerActsFor(supplier(SUPPLIER_3));

            assertRefused(() -> contract.getToken(ledger.ctx, "tx2.2"), ErrorCode.UNAUTHORIZED);
        }

        @Test
        void refusesAnUnknownToken() {
            ledger.callerActsFor(core());

            assertRefused(() -> contract.getToken(ledger.ctx, "tx404.0"), ErrorCode.NOT_FOUND);
            assertRefused(() -> contract.getToken(ledger.ctx, "bad id"), ErrorCode.INVALID_ARGUMENT);
        }
    }

    @Nested
    class GetLineage {

        @BeforeEach
        void threeTiers() {
            ledger.given(core(), root().status(TokenStatus.SPENT).build(),
                    token("tx2.1").parent(ROOT_TOKEN).heldBy(SUPPLIER_2).status(TokenStatus.SPENT).build(),
                    token("tx3.0").parent("tx2.1").heldBy(SUPPLIER_3).tier(2).build());
        }

        @Test
        void walksFromTheTokenBackToTheRoot() throws Exception {
            ledger.callerActsFor(supplier(SUPPLIER_3));

            JsonNode lineage = new ObjectMapper().readTree(contract.getLineage(ledger.ctx, "tx3.0"));

            assertThat(lineage).hasSize(3);
            assertThat(List.of(lineage.get(0).get("id").asText(), lineage.get(1).get("id").asText(),
                    lineage.get(2).get("id").asText())).containsExactly("tx3.0", "tx2.1", ROOT_TOKEN);
            assertThat(lineage.get(2).get("parentId").isNull()).isTrue();
        }

        @Test
        void theRootIsItsOwnLineage() throws Exception {
            ledger.callerActsFor(core());

            assertThat(new ObjectMapper().readTree(contract.getLineage(ledger.ctx, ROOT_TOKEN))).hasSize(1);
        }

        @Test
        void refusesAnEnterpriseWithNoPartInTheToken() {
            ledger.callerActsFor(supplier(SUPPLIER));

            assertRefused(() -> contract.getLineage(ledger.ctx, "tx3.0"), ErrorCode.UNAUTHORIZED);
        }

        @Test
        void refusesAnUnknownToken() {
            ledger.callerActsFor(core());

            assertRefused(() -> contract.getLineage(ledger.ctx, "tx404.0"), ErrorCode.NOT_FOUND);
        }
    }

    @Nested
    class ListTokensByHolder {

        @BeforeEach
        void supplierTwoHoldsThreeLiveTokens() {
            ledger.given(core(), token("tx2.1").heldBy(SUPPLIER_2).build(),
                    token("tx3.0").heldBy(SUPPLIER_2).build(),
                    token("tx4.0").heldBy(SUPPLIER_2).status(TokenStatus.SETTLED).build(),
                    token("tx5.0").heldBy(SUPPLIER_2).status(TokenStatus.SPENT).build(),
                    token("tx6.0").heldBy(SUPPLIER_3).build());
        }

        @Test
        void pagesThroughTheLiveTokensInIdOrder() throws Exception {
            ledger.callerActsFor(supplier(SUPPLIER_2));
            ObjectMapper json = new ObjectMapper();

            JsonNode first = json.readTree(contract.listTokensByHolder(ledger.ctx, SUPPLIER_2, "2", ""));
            assertThat(first.get("fetchedRecordsCount").asInt()).isEqualTo(2);
            assertThat(first.at("/tokens/0/id").asText()).isEqualTo("tx2.1");
            assertThat(first.at("/tokens/1/id").asText()).isEqualTo("tx3.0");
            String bookmark = first.get("bookmark").asText();
            assertThat(bookmark).isNotEmpty();

            JsonNode second = json.readTree(contract.listTokensByHolder(ledger.ctx, SUPPLIER_2, "2", bookmark));
            assertThat(second.get("tokens")).hasSize(1);
            assertThat(second.at("/tokens/0/id").asText()).isEqualTo("tx4.0");
            assertThat(second.get("bookmark").asText()).isEmpty();
        }

        @Test
        void answersABookmarkAClientCanCarryAsText() throws Exception {
            ledger.callerActsFor(supplier(SUPPLIER_2));

            String bookmark = new ObjectMapper().readTree(contract.listTokensByHolder(ledger.ctx, SUPPLIER_2, "1", ""))
                    .get("bookmark").asText();

            // Fabric's own bookmark is the next composite key, full of NUL characters, which the API refuses to read
            assertThat(bookmark).isNotEmpty().matches("[A-Za-z0-9_-]+");
        }

        @Test
        void refusesABookmarkThatIsNotOneItReturnedOrBelongsToAnotherHolder() throws Exception {
            ledger.callerActsFor(supplier(SUPPLIER_3));
            String othersBookmark = PageBookmark.toWire(Keys.holderIndex(SUPPLIER_2, "tx2.1").toString());

            assertRefused(() -> contract.listTokensByHolder(ledger.ctx, SUPPLIER_3, "10", othersBookmark),
                    ErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> contract.listTokensByHolder(ledger.ctx, SUPPLIER_3, "10", "not+base64/"),
                    ErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> contract.listTokensByHolder(ledger.ctx, SUPPLIER_3, "10", "A"),
                    ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void treatsAMissingBookmarkAsTheFirstPage() {
            ledger.callerActsFor(supplier(SUPPLIER_2));

            assertThat(contract.listTokensByHolder(ledger.ctx, SUPPLIER_2, "100", null)).contains("\"tx4.0\"");
        }

        @Test
        void auditorsListAnyHolder() {
            ledger.callerIsAuditor("PlatformMSP");

            assertThat(contract.listTokensByHolder(ledger.ctx, SUPPLIER_3, "10", "")).contains("\"tx6.0\"");
        }

        @Test
        void refusesAnotherEnterprise() {
            ledger.callerActsFor(supplier(SUPPLIER_3));

            assertRefused(() -> contract.listTokensByHolder(ledger.ctx, SUPPLIER_2, "10", ""), ErrorCode.UNAUTHORIZED);
        }

        @Test
        void refusesAPageSizeOutOfRangeOrAnOversizedBookmark() {
            ledger.callerActsFor(supplier(SUPPLIER_2));

            assertRefused(() -> contract.listTokensByHolder(ledger.ctx, SUPPLIER_2, "0", ""),
                    ErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> contract.listTokensByHolder(ledger.ctx, SUPPLIER_2, "101", ""),
                    ErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> contract.listTokensByHolder(ledger.ctx, SUPPLIER_2, "ten", ""),
                    ErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> contract.listTokensByHolder(ledger.ctx, SUPPLIER_2, "99999999999999999999", ""),
                    ErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> contract.listTokensByHolder(ledger.ctx, SUPPLIER_2, "9999999999999999999", ""),
                    ErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> contract.listTokensByHolder(ledger.ctx, SUPPLIER_2, "10", "x".repeat(1025)),
                    ErrorCode.INVALID_ARGUMENT);
        }
    }
}
