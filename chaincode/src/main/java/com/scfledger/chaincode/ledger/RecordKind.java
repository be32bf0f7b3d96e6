package com.scfledger.chaincode.ledger;

/** The kinds of record an event can carry; each is a list in the event payload. */
public enum RecordKind {
    ANCHOR,
    ENTERPRISE,
    FINANCING,
    PAYABLE,
    SETTINGS,
    TOKEN
}
