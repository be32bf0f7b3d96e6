package com.scfledger.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import com.scfledger.contract.EventType;
import com.scfledger.contract.Transaction;
import com.scfledger.contract.ledger.LedgerEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Reading an event payload as the contract's record, and the columns its records become (no database). */
class EventProjectionUnitTest {

    private static final String TOKEN = """
            {"amount":1000000,"createdAt":"2026-01-01T08:00:12.123456789Z","createdByTx":"tx1","currency":"EUR",
             "financingId":null,"holderId":"SUP1","id":"tx1.0","maturityDate":"2026-06-30","obligorId":"CORE1",
             "parentId":null,"payableId":"PO-1","paymentReference":null,"status":"PENDING_ACCEPTANCE","tier":0,
             "updatedAt":"2026-01-01T08:00:12Z","updatedByTx":"tx1"}""";

    private final EventProjection projection = new EventProjection(null, null, JsonMapper.builder().build());

    private static byte[] event(String token, int schemaVersion) {
        return ("""
                {"actor":{"enterpriseId":"CORE1","mspId":"CoreMSP","role":"CORE"},"anchors":[],"enterprises":[],
                 "eventType":"PayableRegistered","financings":[],"payables":[],"requestId":"r-11","schemaVersion":%d,
                 "settings":[],"timestamp":"2026-01-01T08:00:12Z","tokens":[%s],"transaction":"RegisterPayable",
                 "txId":"tx1","addedByANewerChaincode":true}""".formatted(schemaVersion, token))
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aPayloadIsReadAsTheContractsEvent() {
        LedgerEvent e = projection.parse("tx1", "PayableRegistered", event(TOKEN, 1));
        assertThat(e.eventType()).isEqualTo(EventType.PAYABLE_REGISTERED);
        assertThat(e.transaction()).isEqualTo(Transaction.REGISTER_PAYABLE);
        assertThat(e.actor().mspId()).isEqualTo("CoreMSP");
        assertThat(RecordType.TOKEN.records(e)).hasSize(1);
        assertThat(RecordType.PAYABLE.records(e)).isEmpty();
    }

    @Test
    void aRecordBecomesItsColumns() {
        LedgerEvent e = projection.parse("tx1", "PayableRegistered", event(TOKEN, 1));
        Map<String, Object> row = projection.recordParameters(RecordType.TOKEN, RecordType.TOKEN.records(e).get(0), 7, 2);
        assertThat(row).containsEntry("token_id", "tx1.0").containsEntry("amount_minor", 1_000_000L)
                .containsEntry("tier", 0L).containsEntry("status", "PENDING_ACCEPTANCE")
                .containsEntry("maturity_date", LocalDate.of(2026, 6, 30))
                .containsEntry("created_at", OffsetDateTime.of(2026, 1, 1, 8, 0, 12, 123_456_789, ZoneOffset.UTC))
                .containsEntry("parent_id", null).containsEntry("block_number", 7L).containsEntry("tx_index", 2);
    }

    @Test
    void moneyIsAJsonIntegerNeverAFractionAStringOrNull() {
        for (String amount : new String[] {"12.5", "\"12\"", "null"}) {
            String token = TOKEN.replace("\"amount\":1000000", "\"amount\":" + amount);
            assertThatThrownBy(() -> projection.parse("tx1", "PayableRegistered", event(token, 1)))
                    .as(amount).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an SCF ledger event");
        }
    }

    @Test
    void aPayloadOfAnotherShapeOrVersionIsRefused() {
        assertThatThrownBy(() -> projection.parse("tx1", "X", "not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> projection.parse("tx1", "X", event(TOKEN.replace("PENDING_ACCEPTANCE", "LOST"), 1)))
                .as("a status the contract does not know").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> projection.parse("tx1", "X", event(TOKEN, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has schema version 2");
    }
}
