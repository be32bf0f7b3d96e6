package com.scfledger.platform.readmodel;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies one chaincode event to the read model, in the caller's database transaction: records the
 * event in {@code projected_events} (once per transaction id) and upserts every record the event
 * carries, keyed by its identity, stamped with the event's position.
 */
@Component
class EventProjection {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    EventProjection(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * @return false when this transaction's event was applied before: nothing is changed then
     * @throws IllegalArgumentException when the payload is not an event of the documented shape
     */
    boolean apply(String txId, String eventName, long block, int txIndex, byte[] payload) {
        JsonNode event = json.readTree(payload);
        if (!event.isObject() || !event.path("schemaVersion").isIntegralNumber()) {
            throw new IllegalArgumentException("event " + eventName + " of " + txId + " is not an SCF ledger event");
        }
        if (event.path("schemaVersion").asInt() != 1) {
            throw new IllegalArgumentException("event " + eventName + " of " + txId + " has schema version "
                    + event.path("schemaVersion") + "; this API reads version 1");
        }
        JsonNode actor = event.path("actor");
        String ts = text(event, "timestamp");
        int inserted = jdbc.sql("""
                INSERT INTO projected_events (tx_id, block_number, tx_index, event_name, transaction, request_id,
                                              actor_msp_id, actor_id, tx_timestamp)
                VALUES (:tx, :block, :idx, :name, :transaction, :request, :msp, :actor, :ts)
                ON CONFLICT (tx_id) DO NOTHING""")
                .param("tx", txId).param("block", block).param("idx", txIndex).param("name", eventName)
                .param("transaction", text(event, "transaction")).param("request", text(event, "requestId"))
                .param("msp", text(actor, "mspId")).param("actor", text(actor, "enterpriseId"))
                .param("ts", ts == null ? null : OffsetDateTime.ofInstant(Instant.parse(ts), ZoneOffset.UTC))
                .update();
        if (inserted == 0) {
            return false;
        }
        for (RecordType type : RecordType.values()) {
            for (JsonNode record : event.path(type.eventList())) {
                JdbcClient.StatementSpec spec = jdbc.sql(type.upsert()).param("block_number", block).param("tx_index", txIndex);
                for (Column c : type.columns()) {
                    spec = spec.param(c.column(), c.parameter(record));
                }
                spec.update();
            }
        }
        return true;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
