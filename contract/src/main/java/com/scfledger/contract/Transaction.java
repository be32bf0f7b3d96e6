package com.scfledger.contract;

import static com.scfledger.contract.TransactionNames.HEALTH_CONTRACT;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Every transaction of the chaincode: the name a client calls, whether it is submitted (endorsed, ordered,
 * committed) or evaluated (read from one peer), and the one event a business submit emits.
 *
 * <p>Business submits take the client's request id as their last argument; {@link #takesRequestId()} says which.
 */
public enum Transaction {
    PROPOSE_ADMISSION(TransactionNames.PROPOSE_ADMISSION, EventType.ADMISSION_PROPOSED),
    REGISTER_ENTERPRISE(TransactionNames.REGISTER_ENTERPRISE, EventType.ENTERPRISE_REGISTERED),
    SUSPEND_ENTERPRISE(TransactionNames.SUSPEND_ENTERPRISE, EventType.ENTERPRISE_SUSPENDED),
    REINSTATE_ENTERPRISE(TransactionNames.REINSTATE_ENTERPRISE, EventType.ENTERPRISE_REINSTATED),
    SET_ENTERPRISE_CUSTODY(TransactionNames.SET_ENTERPRISE_CUSTODY, EventType.ENTERPRISE_CUSTODY_CHANGED),
    GET_ENTERPRISE(TransactionNames.GET_ENTERPRISE),

    REGISTER_PAYABLE(TransactionNames.REGISTER_PAYABLE, EventType.PAYABLE_REGISTERED),
    REGISTER_PAYABLES(TransactionNames.REGISTER_PAYABLES, EventType.PAYABLES_REGISTERED),
    ACCEPT_PAYABLE(TransactionNames.ACCEPT_PAYABLE, EventType.PAYABLE_ACCEPTED),
    REJECT_PAYABLE(TransactionNames.REJECT_PAYABLE, EventType.PAYABLE_REJECTED),
    GET_PAYABLE(TransactionNames.GET_PAYABLE),
    GET_PAYABLE_TREE(TransactionNames.GET_PAYABLE_TREE),

    SPLIT_TRANSFER(TransactionNames.SPLIT_TRANSFER, EventType.TOKEN_SPLIT),
    GET_TOKEN(TransactionNames.GET_TOKEN),
    GET_LINEAGE(TransactionNames.GET_LINEAGE),
    LIST_TOKENS_BY_HOLDER(TransactionNames.LIST_TOKENS_BY_HOLDER),

    REQUEST_FINANCING(TransactionNames.REQUEST_FINANCING, EventType.FINANCING_REQUESTED),
    APPROVE_FINANCING(TransactionNames.APPROVE_FINANCING, EventType.FINANCING_APPROVED),
    REJECT_FINANCING(TransactionNames.REJECT_FINANCING, EventType.FINANCING_REJECTED),
    CANCEL_FINANCING(TransactionNames.CANCEL_FINANCING, EventType.FINANCING_CANCELLED),
    GET_FINANCING(TransactionNames.GET_FINANCING),
    GET_FINANCING_APPROVAL(TransactionNames.GET_FINANCING_APPROVAL),
    SET_APPROVAL_POLICY(TransactionNames.SET_APPROVAL_POLICY, EventType.APPROVAL_POLICY_CHANGED),
    GET_APPROVAL_POLICY(TransactionNames.GET_APPROVAL_POLICY),
    SET_CREDIT_LIMIT(TransactionNames.SET_CREDIT_LIMIT, EventType.CREDIT_LIMIT_CHANGED),
    GET_CREDIT_LIMIT(TransactionNames.GET_CREDIT_LIMIT),

    SETTLE_TOKEN(TransactionNames.SETTLE_TOKEN, EventType.TOKEN_SETTLED),
    SETTLE_PAYABLE(TransactionNames.SETTLE_PAYABLE, EventType.PAYABLE_SETTLED),

    ANCHOR_RECORD(TransactionNames.ANCHOR_RECORD, EventType.RECORD_ANCHORED),
    GET_ANCHOR(TransactionNames.GET_ANCHOR),
    GET_ANCHOR_VERSIONS(TransactionNames.GET_ANCHOR_VERSIONS),

    UPDATE_LEDGER_SETTINGS(TransactionNames.UPDATE_LEDGER_SETTINGS, EventType.LEDGER_SETTINGS_UPDATED),
    SET_BUSINESS_ZONE(TransactionNames.SET_BUSINESS_ZONE, EventType.BUSINESS_ZONE_CHANGED),
    GET_LEDGER_SETTINGS(TransactionNames.GET_LEDGER_SETTINGS),
    GET_HISTORY(TransactionNames.GET_HISTORY),
    GET_REQUEST(TransactionNames.GET_REQUEST),


    HEALTH_PING(HEALTH_CONTRACT + ":" + TransactionNames.PING, Kind.EVALUATE, null),
    HEALTH_RECORD_HEARTBEAT(HEALTH_CONTRACT + ":" + TransactionNames.RECORD_HEARTBEAT, Kind.SUBMIT, null),
    HEALTH_GET_HEARTBEAT(HEALTH_CONTRACT + ":" + TransactionNames.GET_HEARTBEAT, Kind.EVALUATE, null);

    /** How a client runs a transaction. */
    public enum Kind {
        /** Endorsed, ordered and committed: it may change the ledger. */
        SUBMIT,
        /** Run on one peer and never ordered: it only reads. */
        EVALUATE
    }

    private final String wireName;
    private final Kind kind;
    private final EventType event;

    Transaction(final String wireName, final EventType event) {
        this(wireName, Kind.SUBMIT, event);
    }

    Transaction(final String wireName) {
        this(wireName, Kind.EVALUATE, null);
    }

    Transaction(final String wireName, final Kind kind, final EventType event) {
        this.wireName = wireName;
        this.kind = kind;
        this.event = event;
    }

    /** The function name a client passes to the Gateway, e.g. {@code SplitTransfer} or {@code health:Ping}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    public Kind kind() {
        return kind;
    }

    public boolean submit() {
        return kind == Kind.SUBMIT;
    }

    /** The event this transaction emits when it commits; null for evaluations, the bench and the health probe. */
    public EventType event() {
        return event;
    }

    /** Business submits take the client's request id last, and emit exactly one event. */
    public boolean takesRequestId() {
        return event != null;
    }

    /** The transaction a client called by this name, e.g. the {@code transaction} field of an event. */
    public static Optional<Transaction> byWireName(final String wireName) {
        for (Transaction transaction : values()) {
            if (transaction.wireName.equals(wireName)) {
                return Optional.of(transaction);
            }
        }
        return Optional.empty();
    }

    @JsonCreator
    static Transaction fromWireName(final String wireName) {
        return byWireName(wireName).orElseThrow(() -> new IllegalArgumentException("no transaction named " + wireName));
    }
}
