package com.scfledger.platform.readmodel;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.scfledger.contract.ledger.Actor;
import com.scfledger.contract.ledger.LedgerEvent;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies one chaincode event to the read model, in the caller's database transaction: records the
 * event in {@code projected_events} (once per transaction id) and upserts every record the event
 * carries, keyed by its identity, stamped with the event's position.
 *
 * <p>The payload is read as the contract's {@link LedgerEvent}, strictly: money and counts must be
 * JSON integers (never a fraction or a string), statuses and event names must be the contract's.
 */
@Component
class EventProjection {

    private static final String INSERT_EVENT = """
            INSERT INTO projected_events (tx_id, block_number, tx_index, event_name, transaction, request_id,
                                          actor_msp_id, actor_id, tx_timestamp)
            VALUES (:tx, :block, :idx, :name, :transaction, :request, :msp, :actor, :ts)
            ON CONFLICT (tx_id) DO NOTHING""";

    /** An event to apply at a position. */
    record Incoming(String txId, String eventName, long block, int txIndex, byte[] payload) {
    }

    /** Thrown (rolling the batch back) when an event of a batch was applied before. */
    static final class DuplicateInBatch extends RuntimeException {
        DuplicateInBatch(String txId) {
            super("event of " + txId + " was applied before", null, false, false);
        }
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final JsonMapper json;

    EventProjection(JdbcClient jdbc, NamedParameterJdbcTemplate batch, JsonMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        // money is never a fraction, a string or missing; fields a newer chaincode adds are ignored
        this.json = json.rebuild().disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    /**
     * Applies several events in the caller's transaction, with one JDBC batch per table (the events'
     * records in event order). All must be new: one that was applied before throws
     * {@link DuplicateInBatch}, and the caller applies that batch event by event instead.
     */
    void applyAll(List<Incoming> events) {
        List<LedgerEvent> parsed = new ArrayList<>(events.size());
        List<SqlParameterSource> rows = new ArrayList<>(events.size());
        for (Incoming e : events) {
            LedgerEvent event = parse(e.txId(), e.eventName(), e.payload());
            parsed.add(event);
            rows.add(new MapSqlParameterSource(eventParameters(e.txId(), e.block(), e.txIndex(), e.eventName(), event)));
        }
        int[] inserted = batch.batchUpdate(INSERT_EVENT, rows.toArray(SqlParameterSource[]::new));
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i] == 0) {
                throw new DuplicateInBatch(events.get(i).txId());
            }
        }
        for (RecordType type : RecordType.values()) {
            List<SqlParameterSource> params = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                for (Object record : type.records(parsed.get(i))) {
                    params.add(new MapSqlParameterSource(recordParameters(type, record, events.get(i).block(),
                            events.get(i).txIndex())));
                }
            }
            if (!params.isEmpty()) {
                batch.batchUpdate(type.upsert(), params.toArray(SqlParameterSource[]::new));
            }
        }
    }

    /** @throws IllegalArgumentException when the payload is not an event of the documented shape */
    LedgerEvent parse(String txId, String eventName, byte[] payload) {
        LedgerEvent event;
        try {
            event = json.readValue(payload, LedgerEvent.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("event " + eventName + " of " + txId + " is not an SCF ledger event: "
                    + e.getOriginalMessage());
        }
        if (event.schemaVersion() != LedgerEvent.SCHEMA_VERSION) {
            throw new IllegalArgumentException("event " + eventName + " of " + txId + " has schema version "
                    + event.schemaVersion() + "; this API reads version " + LedgerEvent.SCHEMA_VERSION);
        }
        return event;
    }

    private static Map<String, Object> eventParameters(String txId, long block, int txIndex, String eventName,
                                                       LedgerEvent event) {
        Actor actor = event.actor();
        Map<String, Object> p = new HashMap<>();
        p.put("tx", txId);
        p.put("block", block);
        p.put("idx", txIndex);
        p.put("name", eventName);
        p.put("transaction", event.transaction() == null ? null : event.transaction().wireName());
        p.put("request", event.requestId());
        p.put("msp", actor == null ? null : actor.mspId());
        p.put("actor", actor == null ? null : actor.enterpriseId());
        p.put("ts", event.timestamp() == null ? null : OffsetDateTime.ofInstant(event.timestamp(), ZoneOffset.UTC));
        return p;
    }

    /** A record's columns, through its wire form: the one description of each field that the consistency check shares. */
    Map<String, Object> recordParameters(RecordType type, Object record, long block, int txIndex) {
        JsonNode wire = json.valueToTree(record);
        Map<String, Object> p = new HashMap<>();
        p.put("block_number", block);
        p.put("tx_index", txIndex);
        for (Column c : type.columns()) {
            p.put(c.column(), c.parameter(wire));
        }
        return p;
    }

    /**
     * @return false when this transaction's event was applied before: nothing is changed then
     * @throws IllegalArgumentException when the payload is not an event of the documented shape
     */
    boolean apply(String txId, String eventName, long block, int txIndex, byte[] payload) {
        LedgerEvent event = parse(txId, eventName, payload);
        int inserted = jdbc.sql(INSERT_EVENT).params(eventParameters(txId, block, txIndex, eventName, event)).update();
        if (inserted == 0) {
            return false;
        }
        for (RecordType type : RecordType.values()) {
            for (Object record : type.records(event)) {
                jdbc.sql(type.upsert()).params(recordParameters(type, record, block, txIndex)).update();
            }
        }
        return true;
    }
}
