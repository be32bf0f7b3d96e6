package com.scfledger.chaincode.ledger;

/**
 * The stable, documented reasons a transaction is refused. The names are a public contract (docs/chaincode.md):
 * clients branch on them, so a code is never renamed or reused for another meaning.
 */
public enum ErrorCode {
    /** An argument is missing or malformed: bad id alphabet, bad JSON, bad date, bad hash. */
    INVALID_ARGUMENT,
    /** The caller's identity may not perform this transaction or read this record. */
    UNAUTHORIZED,
    /** The record named by the arguments does not exist. */
    NOT_FOUND,
    /** An enterprise, payable or financing with this id already exists. */
    ALREADY_EXISTS,
    /** The client's request id has been used by an earlier transaction. */
    DUPLICATE_REQUEST,
    /** An invoice fingerprint is already carried by another payable. */
    DUPLICATE_INVOICE,
    /** An amount is not positive, is below the ledger's minimum unit, or overflows. */
    INVALID_AMOUNT,
    /** Split outputs do not sum exactly to the amount of the token they spend. */
    CONSERVATION_VIOLATED,
    /** More split outputs than the ledger setting allows. */
    TOO_MANY_OUTPUTS,
    /** A beneficiary, recipient or bank is unknown, not active, the obligor, or of the wrong role. */
    INVALID_COUNTERPARTY,
    /** The split would take a token beyond the ledger's maximum tier depth. */
    TIER_LIMIT_EXCEEDED,
    /** The token's status does not allow the operation (pending, locked, financed, spent, settled, rejected). */
    TOKEN_NOT_ACTIVE,
    /** The operation is not allowed on or after the maturity date. */
    MATURED,
    /** Settlement is not allowed before the maturity date. */
    NOT_MATURED,
    /** A payable, financing or enterprise is not in the status the operation needs. */
    INVALID_STATE,
    /** Financing terms are out of range (rate, or a discount that would leave no advance). */
    INVALID_TERMS,
    /** The function name matches no transaction of the contract. */
    UNKNOWN_TRANSACTION;

    /** A refusal carrying this code; the message is prefixed with the code so gateway clients, which only see the message, can still branch on it. */
    public ScfException exception(final String detail) {
        return new ScfException(this, detail);
    }
}
