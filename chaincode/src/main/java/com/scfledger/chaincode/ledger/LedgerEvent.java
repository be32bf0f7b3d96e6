package com.scfledger.chaincode.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The payload of the single chaincode event a transaction emits, and also its result. It carries the full new
 * state of every record the transaction changed, so a read model can be rebuilt from events alone: apply each
 * record in block order, keyed by its id.
 *
 * @param schemaVersion bumped if the payload ever changes incompatibly
 * @param eventType     the event name, e.g. TokenSplit
 * @param transaction   the transaction that emitted it, e.g. SplitTransfer
 * @param txId          the Fabric transaction id
 * @param timestamp     the transaction timestamp (the client's proposal time)
 * @param requestId     the client's request id
 * @param actor         who submitted it
 * @param anchors       changed anchors
 * @param enterprises   changed enterprises
 * @param financings    changed financings
 * @param payables      changed payables
 * @param settings      the ledger settings, when changed
 * @param tokens        changed tokens, created ones included
 */
public record LedgerEvent(int schemaVersion, String eventType, String transaction, String txId, Instant timestamp,
        String requestId, Actor actor, List<Object> anchors, List<Object> enterprises, List<Object> financings,
        List<Object> payables, List<Object> settings, List<Object> tokens) {

    public static final int SCHEMA_VERSION = 1;

    static LedgerEvent of(final EventType type, final String transaction, final String txId, final Instant timestamp,
            final String requestId, final Actor actor, final List<LedgerRecord> changed) {
        return new LedgerEvent(SCHEMA_VERSION, type.eventName(), transaction, txId, timestamp, requestId, actor,
                section(changed, RecordKind.ANCHOR), section(changed, RecordKind.ENTERPRISE),
                section(changed, RecordKind.FINANCING), section(changed, RecordKind.PAYABLE),
                section(changed, RecordKind.SETTINGS), section(changed, RecordKind.TOKEN));
    }

    private static List<Object> section(final List<LedgerRecord> changed, final RecordKind kind) {
        List<Object> records = new ArrayList<>();
        for (LedgerRecord record : changed) {
            if (record.kind() == kind) {
                records.add(record);
            }
        }
        return records;
    }
}
