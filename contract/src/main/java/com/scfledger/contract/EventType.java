package com.scfledger.contract;

import java.util.Optional;

/** The one chaincode event each state-changing transaction emits; the name is what listeners filter on. */
public enum EventType {
    ENTERPRISE_REGISTERED("EnterpriseRegistered"),
    ENTERPRISE_SUSPENDED("EnterpriseSuspended"),
    ENTERPRISE_REINSTATED("EnterpriseReinstated"),
    PAYABLE_REGISTERED("PayableRegistered"),
    PAYABLE_ACCEPTED("PayableAccepted"),
    PAYABLE_REJECTED("PayableRejected"),
    TOKEN_SPLIT("TokenSplit"),
    FINANCING_REQUESTED("FinancingRequested"),
    FINANCING_APPROVED("FinancingApproved"),
    FINANCING_REJECTED("FinancingRejected"),
    FINANCING_CANCELLED("FinancingCancelled"),
    TOKEN_SETTLED("TokenSettled"),
    PAYABLE_SETTLED("PayableSettled"),
    RECORD_ANCHORED("RecordAnchored"),
    LEDGER_SETTINGS_UPDATED("LedgerSettingsUpdated");

    private final String eventName;

    EventType(final String eventName) {
        this.eventName = eventName;
    }

    public String eventName() {
        return eventName;
    }

    /** The event type a listener received under this chaincode event name. */
    public static Optional<EventType> byEventName(final String eventName) {
        for (EventType type : values()) {
            if (type.eventName.equals(eventName)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
