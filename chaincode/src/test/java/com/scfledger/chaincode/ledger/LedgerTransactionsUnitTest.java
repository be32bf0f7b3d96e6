package com.scfledger.chaincode.ledger;

import static com.scfledger.chaincode.testing.Fixtures.HASH_A;
import static com.scfledger.chaincode.testing.Fixtures.NOW;
import static com.scfledger.chaincode.testing.Fixtures.REGISTERED;
import static com.scfledger.chaincode.testing.Fixtures.SUPPLIER;
import static com.scfledger.chaincode.testing.Fixtures.SUPPLIER_2;
import static com.scfledger.chaincode.testing.Fixtures.assertRefused;
import static com.scfledger.chaincode.testing.Fixtures.bank;
import static com.scfledger.chaincode.testing.Fixtures.core;
import static com.scfledger.chaincode.testing.Fixtures.financing;
import static com.scfledger.chaincode.testing.Fixtures.payable;
import static com.scfledger.chaincode.testing.Fixtures.supplier;
import static com.scfledger.chaincode.testing.Fixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scfledger.chaincode.ScfContract;
import com.scfledger.chaincode.testing.HistoryIterator;
import com.scfledger.chaincode.testing.MockLedger;
import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.Transaction;
import com.scfledger.contract.anchor.Anchor;
import com.scfledger.contract.financing.FinancingStatus;
import com.scfledger.contract.ledger.LedgerSettings;
import com.scfledger.contract.ledger.RequestRecord;
import com.scfledger.contract.payable.PayableStatus;
import com.scfledger.contract.token.Token;
import com.scfledger.contract.token.TokenStatus;

class LedgerTransactionsUnitTest {

    private final ScfContract contract = new ScfContract();
    private final ObjectMapper json = new ObjectMapper();
    private MockLedger ledger;

    @BeforeEach
    void freshLedger() {
        ledger = new MockLedger();
    }

    @Nested
    class UpdateLedgerSettings {

        @Test
        void platformAdminChangesTheLimits() {
            ledger.callerIsPlatformAdmin();

            contract.updateLedgerSettings(ledger.ctx, "500", "20", "5", "req-1");

            assertThat(ledger.written("settings:ledger", LedgerSettings.class))
                    .isEqualTo(new LedgerSettings(500, 20, 5, NOW, MockLedger.TX_ID, null));
            assertThat(ledger.eventName()).isEqualTo("LedgerSettingsUpdated");
            assertThat(ledger.event().at("/settings/0/maxTierDepth").asInt()).isEqualTo(5);
        }

        @Test
        void refusesAnEnterpriseCaller() {
            ledger.callerActsFor(core());

            assertRefused(() -> contract.updateLedgerSettings(ledger.ctx, "500", "20", "5", "req-1"),
                    ErrorCode.UNAUTHORIZED);
            ledger.assertUntouched();
        }

        @Test
        void refusesLimitsOutOfRange() {
            ledger.callerIsPlatformAdmin();

            assertRefused(() -> contract.updateLedgerSettings(ledger.ctx, "0", "20", "5", "req-1"),
                    ErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> contract.updateLedgerSettings(ledger.ctx, "500", "0", "5", "req-1"),
                    ErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> contract.updateLedgerSettings(ledger.ctx, "500", "101", "5", "req-1"),
                    ErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> contract.updateLedgerSettings(ledger.ctx, "500", "20", "101", "req-1"),
                    ErrorCode.INVALID_ARGUMENT);
            ledger.assertUntouched();
        }

        @Test
        void refusesAUsedRequestId() {
            ledger.callerIsPlatformAdmin().givenValue("request:req-1",
                    new RequestRecord("req-1", Transaction.UPDATE_LEDGER_SETTINGS, "tx8", NOW, "PlatformMSP", null));

            assertRefused(() -> contract.updateLedgerSettings(ledger.ctx, "500", "20", "5", "req-1"),
                    ErrorCode.DUPLICATE_REQUEST);
        }
    }

    @Nested
    class SetBusinessZone {

        @Test
        void platformAdminSetsTheZoneAndKeepsTheLimits() {
            ledger.callerIsPlatformAdmin().given(new LedgerSettings(500, 20, 5, NOW, "tx3", null));

            contract.setBusinessZone(ledger.ctx, "Asia/Shanghai", "req-1");

            assertThat(ledger.written("settings:ledger", LedgerSettings.class))
                    .isEqualTo(new LedgerSettings(500, 20, 5, NOW, MockLedger.TX_ID, "Asia/Shanghai"));
            assertThat(ledger.eventName()).isEqualTo("BusinessZoneChanged");
            assertThat(ledger.event().at("/settings/0/businessZone").asText()).isEqualTo("Asia/Shanghai");
        }

        @Test
        void startsFromTheDefaultsOnAFreshLedger() {
            ledger.callerIsPlatformAdmin();

            contract.setBusinessZone(ledger.ctx, "UTC", "req-1");

            assertThat(ledger.written("settings:ledger", LedgerSettings.class))
                    .isEqualTo(new LedgerSettings(100, 10, 10, NOW, MockLedger.TX_ID, "UTC"));
        }

        @Test
        void updatingTheLimitsKeepsTheZone() {
            ledger.callerIsPlatformAdmin().given(new LedgerSettings(500, 20, 5, NOW, "tx3", "Asia/Shanghai"));

            contract.updateLedgerSettings(ledger.ctx, "600", "20", "5", "req-1");

            assertThat(ledger.written("settings:ledger", LedgerSettings.class).businessZone())
                    .isEqualTo("Asia/Shanghai");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Mars/Olympus", "+08:00", "UTC+8", "asia/shanghai", ""})
        void refusesAnythingButARegionOfTheTimeZoneDatabase(final String zone) {
            ledger.callerIsPlatformAdmin();

            assertRefused(() -> contract.setBusinessZone(ledger.ctx, zone, "req-1"), ErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> contract.setBusinessZone(ledger.ctx, null, "req-1"), ErrorCode.INVALID_ARGUMENT);
            ledger.assertUntouched();
        }

        @Test
        void refusesAnEnterpriseCaller() {
            ledger.callerActsFor(core());

            assertRefused(() -> contract.setBusinessZone(ledger.ctx, "Asia/Shanghai", "req-1"),
                    ErrorCode.UNAUTHORIZED);
            ledger.assertUntouched();
        }
    }

    @Nested
    class GetLedgerSettings {

        @Test
        void answersTheDefaultsOnAFreshLedger() throws Exception {
            ledger.callerActsFor(supplier());

            JsonNode settings = json.readTree(contract.getLedgerSettings(ledger.ctx));

            assertThat(settings.get("minUnit").asLong()).isEqualTo(100);
            assertThat(settings.get("maxOutputs").asInt()).isEqualTo(10);
            assertThat(settings.get("maxTierDepth").asInt()).isEqualTo(10);
            assertThat(settings.get("updatedAt").isNull()).isTrue();
        }

        @Test
        void answersTheStoredSettings() {
            ledger.callerActsFor(supplier()).given(new LedgerSettings(500, 20, 5, NOW, "tx3", null));

            assertThat(contract.getLedgerSettings(ledger.ctx)).contains("\"minUnit\":500");
        }

        @Test
        void refusesAnUnrecognisedIdentity() {
            ledger.callerIs("CoreMSP", null, null);

            assertRefused(() -> contract.getLedgerSettings(ledger.ctx), ErrorCode.UNAUTHORIZED);
        }
    }

    @Nested
    class GetHistory {

        private final Token created = token("tx2.1").heldBy(SUPPLIER_2).build();
        private final Token spent = token("tx2.1").heldBy(SUPPLIER_2).status(TokenStatus.SPENT).build();

        @BeforeEach
        void tokenWithTwoVersions() {
            ledger.given(core(), spent);
            when(ledger.stub.getHistoryForKey("token:tx2.1")).thenReturn(new HistoryIterator()
                    .write("tx3", Instant.parse("2026-03-01T00:00:00Z"), spent)
                    .write("tx2", REGISTERED, created));
        }

        @Test
        void listsEveryVersionOfARecordTheCallerMayRead() throws Exception {
            ledger.callerActsFor(supplier(SUPPLIER_2));

            JsonNode history = json.readTree(contract.getHistory(ledger.ctx, "token:tx2.1"));

            assertThat(history).hasSize(2);
            assertThat(history.at("/0/txId").asText()).isEqualTo("tx3");
            assertThat(history.at("/0/timestamp").asText()).isEqualTo("2026-03-01T00:00:00Z");
            assertThat(history.at("/0/deleted").asBoolean()).isFalse();
            assertThat(history.at("/0/value/status").asText()).isEqualTo("SPENT");
            assertThat(history.at("/1/value/status").asText()).isEqualTo("ACTIVE");
        }

        @Test
        void showsADeleteWithoutAValue() throws Exception {
            ledger.callerIsAuditor("PlatformMSP");
            when(ledger.stub.getHistoryForKey("token:tx2.1")).thenReturn(new HistoryIterator().delete("tx4", NOW));

            JsonNode history = json.readTree(contract.getHistory(ledger.ctx, "token:tx2.1"));

            assertThat(history.at("/0/deleted").asBoolean()).isTrue();
            assertThat(history.at("/0/value").isNull()).isTrue();
        }

        @Test
        void refusesARecordTheCallerMayNotRead() {
            ledger.callerActsFor(supplier("SUP3"));

            assertRefused(() -> contract.getHistory(ledger.ctx, "token:tx2.1"), ErrorCode.UNAUTHORIZED);
        }

        @Test
        void coversEveryRecordKind() {
            ledger.callerIsAuditor("CoreMSP").given(supplier(), payable(PayableStatus.ACCEPTED), bank(),
                    financing("F-1", "tx2.1", SUPPLIER_2, 100_000, FinancingStatus.REQUESTED),
                    new Anchor("KYC", "K-1", HASH_A, 1, REGISTERED, "tx1", "PlatformMSP"));
            for (String key : new String[] {"enterprise:SUP1", "payable:CORE1:PO-1", "financing:F-1",
                "anchor:KYC:K-1", "settings:ledger"}) {
                when(ledger.stub.getHistoryForKey(key)).thenReturn(new HistoryIterator());

                assertThat(contract.getHistory(ledger.ctx, key)).as(key).isEqualTo("[]");
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "token", "token:", "token:a:b", "payable:CORE1", "request:req-1",
            "invoice:" + "1111", "settings:other", "holder~token", "anchor:kyc:K-1", "enterprise:SUP 1"})
        void refusesAKeyThatIsNotARecordKey(final String key) {
            ledger.callerIsAuditor("CoreMSP");

            assertRefused(() -> contract.getHistory(ledger.ctx, key), ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void refusesANullKey() {
            ledger.callerIsAuditor("CoreMSP");

            assertRefused(() -> contract.getHistory(ledger.ctx, null), ErrorCode.INVALID_ARGUMENT);
        }
    }

    @Nested
    class GetRequest {

        @BeforeEach
        void usedRequest() {
            ledger.givenValue("request:req-7", new RequestRecord("req-7", Transaction.SPLIT_TRANSFER, "tx8", NOW, "PlatformMSP",
                    SUPPLIER));
            ledger.givenValue("request:req-8", new RequestRecord("req-8", Transaction.ANCHOR_RECORD, "tx9", NOW, "PlatformMSP",
                    null));
        }

        @Test
        void theSubmittingEnterpriseLearnsWhichTransactionUsedIt() {
            ledger.callerActsFor(supplier());

            assertThat(contract.getRequest(ledger.ctx, "req-7"))
                    .isEqualTo("{\"enterpriseId\":\"SUP1\",\"mspId\":\"PlatformMSP\",\"requestId\":\"req-7\","
                            + "\"timestamp\":\"2026-03-02T10:00:00Z\",\"transaction\":\"SplitTransfer\",\"txId\":\"tx8\"}");
        }

        @Test
        void thePlatformAdminReadsItsOwnAndEveryOtherRequest() {
            ledger.callerIsPlatformAdmin();

            assertThat(contract.getRequest(ledger.ctx, "req-8")).contains("\"AnchorRecord\"");
            assertThat(contract.getRequest(ledger.ctx, "req-7")).contains("\"SplitTransfer\"");
        }

        @Test
        void refusesAnotherEnterprise() {
            ledger.callerActsFor(supplier(SUPPLIER_2));
            assertRefused(() -> contract.getRequest(ledger.ctx, "req-7"), ErrorCode.UNAUTHORIZED);

            ledger.callerActsFor(bank());
            assertRefused(() -> contract.getRequest(ledger.ctx, "req-8"), ErrorCode.UNAUTHORIZED);
        }

        @Test
        void refusesAnUnusedRequestId() {
            ledger.callerActsFor(supplier());

            assertRefused(() -> contract.getRequest(ledger.ctx, "req-404"), ErrorCode.NOT_FOUND);
        }
    }

    @Test
    void anUnknownFunctionIsRefusedWithAStableCode() {
        when(ledger.stub.getFunction()).thenReturn("MintMoney");

        assertRefused(() -> contract.unknownTransaction(ledger.ctx), ErrorCode.UNKNOWN_TRANSACTION);
    }
}
