package com.scfledger.contract;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The one chaincode event each state-changing transaction emits; the name is what listeners filter on. */
public enum EventType {
    ADMISSION_PROPOSED("AdmissionProposed"),
    ENTERPRISE_REGISTERED("EnterpriseRegistered"),
    ENTERPRISE_SUSPENDED("EnterpriseSuspended"),
    ENTERPRISE_REINSTATED("EnterpriseReinstated"),
    ENTERPRISE_CUSTODY_CHANGED("EnterpriseCustodyChanged"),
    PAYABLE_REGISTERED("PayableRegistered"),
    PAYABLES_REGISTERED("PayablesRegistered"),
    PAYABLE_ACCEPTED("PayableAccepted"),
    PAYABLE_REJECTED("PayableRejected"),
    TOKEN_SPLIT("TokenSplit"),
    FINANCING_REQUESTED("FinancingRequested"),
    FINANCING_APPROVED("FinancingApproved"),
    FINANCING_REJECTED("FinancingRejected"),
    FINANCING_CANCELLED("FinancingCancelled"),
    APPROVAL_POLICY_CHANGED("ApprovalPolicyChanged"),
    CREDIT_LIMIT_CHANGED("CreditLimitChanged"),
    TOKEN_SETTLED("TokenSettled"),
    PAYABLE_SETTLED("PayableSettled"),
    RECORD_ANCHORED("RecordAnchored"),
    LEDGER_SETTINGS_UPDATED("LedgerSettingsUpdated"),
    BUSINESS_ZONE_CHANGED("BusinessZoneChanged");

    private final String eventName;

    EventType(final String eventName) {
        this.eventName = eventName;
    }

    /** The chaincode event name, which is also how the event payload spells its type. */
    @JsonValue
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

    @JsonCreator
    static EventType fromEventName(final String eventName) {
        return byEventName(eventName).orElseThrow(() -> new IllegalArgumentException("no event named " + eventName));
    }
}
