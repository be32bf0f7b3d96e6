package com.scfledger.contract.ledger;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.scfledger.contract.EventType;
import com.scfledger.contract.Transaction;
import com.scfledger.contract.anchor.Anchor;
import com.scfledger.contract.enterprise.Enterprise;
import com.scfledger.contract.financing.Financing;
import com.scfledger.contract.payable.Payable;
import com.scfledger.contract.token.Token;

/**
 * The payload of the single chaincode event a business submit emits, and also its result. It carries the full new
 * state of every record the transaction changed, so a read model can be rebuilt from events alone: apply each
 * record in block order, keyed by its id.
 *
 * @param schemaVersion bumped if the payload ever changes incompatibly
 * @param eventType     the event, named on the wire as e.g. TokenSplit
 * @param transaction   the transaction that emitted it, named on the wire as e.g. SplitTransfer
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
@JsonPropertyOrder(alphabetic = true)
public record LedgerEvent(int schemaVersion, EventType eventType, Transaction transaction, String txId,
        Instant timestamp, String requestId, Actor actor, List<Anchor> anchors, List<Enterprise> enterprises,
        List<Financing> financings, List<Payable> payables, List<LedgerSettings> settings, List<Token> tokens) {

    public static final int SCHEMA_VERSION = 1;

    public LedgerEvent {
        anchors = List.copyOf(anchors);
        enterprises = List.copyOf(enterprises);
        financings = List.copyOf(financings);
        payables = List.copyOf(payables);
        settings = List.copyOf(settings);
        tokens = List.copyOf(tokens);
    }
}
