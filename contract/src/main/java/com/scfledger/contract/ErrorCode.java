package com.scfledger.contract;

import java.util.Optional;

/**
 * The stable, documented reasons a transaction is refused. The names are a public contract (docs/chaincode.md):
 * clients branch on them, so a code is never renamed or reused for another meaning.
 *
 * <p>A refusal reaches clients as the message {@code CODE: detail}; {@link #CODE_SEPARATOR} separates the two.
 * Each code carries the HTTP status an API answers it with: 404 for a missing record, 403 for a caller that may
 * not act, 409 for a conflict with the current state, 422 for the other business rules, and 502 for a transaction
 * the deployed chaincode lacks (the client's fault, not its caller's).
 */
public enum ErrorCode {
    /** An argument is missing or malformed: bad id alphabet, bad JSON, bad date, bad hash. */
    INVALID_ARGUMENT(Status.UNPROCESSABLE),
    /** The caller's identity may not perform this transaction or read this record. */
    UNAUTHORIZED(Status.FORBIDDEN),
    /** The record named by the arguments does not exist. */
    NOT_FOUND(Status.NOT_FOUND),
    /** An enterprise, payable or financing with this id already exists. */
    ALREADY_EXISTS(Status.CONFLICT),
    /** The client's request id has been used by an earlier transaction. */
    DUPLICATE_REQUEST(Status.CONFLICT),
    /** An invoice fingerprint is already carried by another payable. */
    DUPLICATE_INVOICE(Status.CONFLICT),
    /** An amount is not positive, is below the ledger's minimum unit, or is above {@link Amounts#MAX_MINOR}. */
    INVALID_AMOUNT(Status.UNPROCESSABLE),
    /** Split outputs do not sum exactly to the amount of the token they spend. */
    CONSERVATION_VIOLATED(Status.UNPROCESSABLE),
    /** More split outputs than the ledger setting allows. */
    TOO_MANY_OUTPUTS(Status.UNPROCESSABLE),
    /** A beneficiary, recipient or bank is unknown, not active, the obligor, or of the wrong role. */
    INVALID_COUNTERPARTY(Status.UNPROCESSABLE),
    /** The split would take a token beyond the ledger's maximum tier depth. */
    TIER_LIMIT_EXCEEDED(Status.UNPROCESSABLE),
    /** The token's status does not allow the operation (pending, locked, financed, spent, settled, rejected). */
    TOKEN_NOT_ACTIVE(Status.CONFLICT),
    /** The operation is not allowed on or after the maturity date. */
    MATURED(Status.UNPROCESSABLE),
    /** Settlement is not allowed before the maturity date. */
    NOT_MATURED(Status.UNPROCESSABLE),
    /** A payable, financing or enterprise is not in the status the operation needs. */
    INVALID_STATE(Status.CONFLICT),
    /** Financing terms are out of range (rate, or a discount that would leave no advance). */
    INVALID_TERMS(Status.UNPROCESSABLE),
    /**
     * A four-eyes confirmation (of a financing's terms, a bank's policy or an admission) signed by the identity that
     * made the proposal: it needs a second identity. 403 like the API's own maker-checker refusal of the same name.
     */
    SAME_APPROVER(Status.FORBIDDEN),
    /** A four-eyes confirmation whose terms differ from the proposal's: confirm the same terms, or reject. */
    TERMS_MISMATCH(Status.CONFLICT),
    /**
     * A financing does not fit the bank's credit limit for the obligor: the request would reserve, or the approval
     * consume, more than the limit leaves; or the bank has set no limit for that obligor and currency. 422, like the
     * API's own CREDIT_LIMIT_EXCEEDED: a business rule, which the same request passes once exposure is released or
     * the limit raised.
     */
    LIMIT_EXCEEDED(Status.UNPROCESSABLE),
    /** An admission names a KYC record that is not anchored, or whose first anchor carries another hash. */
    KYC_NOT_ANCHORED(Status.UNPROCESSABLE),
    /** The function name matches no transaction of the contract. */
    UNKNOWN_TRANSACTION(Status.BAD_GATEWAY);

    /** Between the code and the detail in a refusal's message. */
    public static final String CODE_SEPARATOR = ": ";

    private final int httpStatus;

    ErrorCode(final int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /** The HTTP status an API answers this refusal with. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The message a refusal carries: the code, the separator, the detail. */
    public String message(final String detail) {
        return name() + CODE_SEPARATOR + detail;
    }

    /**
     * The code a refusal's message starts with, as a client reads it from the Gateway's error; empty when the
     * message carries no code of this contract (an older or newer chaincode, or a failure that is no refusal).
     */
    public static Optional<ErrorCode> fromMessage(final String message) {
        if (message == null) {
            return Optional.empty();
        }
        int separator = message.indexOf(CODE_SEPARATOR);
        String candidate = separator < 0 ? message : message.substring(0, separator);
        for (ErrorCode code : values()) {
            if (code.name().equals(candidate)) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }

    /** Named statuses, so the table above reads as intent rather than numbers. */
    private static final class Status {
        static final int FORBIDDEN = 403;
        static final int NOT_FOUND = 404;
        static final int CONFLICT = 409;
        static final int UNPROCESSABLE = 422;
        static final int BAD_GATEWAY = 502;

        private Status() {
        }
    }
}
