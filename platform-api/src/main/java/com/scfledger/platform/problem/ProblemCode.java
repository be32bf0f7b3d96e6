package com.scfledger.platform.problem;

import java.util.EnumMap;
import java.util.Map;

import com.scfledger.platform.domain.Reason;

/**
 * Every problem code the platform itself answers, with its HTTP status and title: the public error
 * vocabulary of docs/integration-guide.md. The chaincode's refusals pass through with the chaincode's own
 * codes and statuses and are not listed here. Each {@link Reason} of the domain has the code of the same name.
 */
public enum ProblemCode {
    VALIDATION_FAILED(400, "Invalid request"),
    MALFORMED_REQUEST(400, "Malformed request"),
    IDEMPOTENCY_KEY_INVALID(400, "Invalid Idempotency-Key"),
    CSV_MALFORMED(400, "Malformed CSV"),
    CSR_INVALID(400, "Invalid certificate request"),
    SIGNATURE_MALFORMED(400, "Malformed signature"),
    SIGNATURE_NOT_LOW_S(400, "Signature S not in the low half"),
    DOCUMENT_MISSING(400, "Document missing"),
    DOCUMENT_EMPTY(400, "Document empty"),
    DOCUMENT_UNREADABLE(400, "Document unreadable"),
    PASSWORD_TOO_SHORT(400, "Password too short"),
    PASSWORD_CONTAINS_USERNAME(400, "Password contains the username"),
    PASSWORD_TOO_COMMON(400, "Password too common"),
    PASSWORD_REPEATED_CHARACTER(400, "Password is one repeated character"),

    UNAUTHENTICATED(401, "Authentication required"),
    INVALID_CREDENTIALS(401, "Invalid credentials"),

    FORBIDDEN(403, "Forbidden"),
    SELF_CUSTODY(403, "Enterprise signs for itself"),
    ACCOUNT_DISABLED(403, "Account disabled"),
    USER_REQUIRED(403, "A user must act"),
    SAME_APPROVER(403, "Same approver"),
    SAME_REVIEWER(403, "Same reviewer"),

    NOT_FOUND(404, "Not found"),
    SIGNING_SESSION_NOT_FOUND(404, "Signing session not found"),
    ENTERPRISE_NOT_FOUND(404, "Enterprise not found"),
    TOKEN_NOT_FOUND(404, "Token not found"),
    FINANCING_NOT_FOUND(404, "Financing application not found"),
    KYC_APPLICATION_NOT_FOUND(404, "KYC application not found"),
    DOCUMENT_NOT_FOUND(404, "Document not found"),
    API_KEY_NOT_FOUND(404, "API key not found"),
    USER_NOT_FOUND(404, "User not found"),
    RECORD_NOT_FOUND(404, "Record not found"),
    RECORD_TYPE_UNKNOWN(404, "Record type unknown"),

    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),

    CONFLICT(409, "Conflict"),
    SIGNING_STEP_OUT_OF_ORDER(409, "Signing step out of order"),
    SIGNING_SESSION_EXPIRED(410, "Signing session expired"),
    CONCURRENT_UPDATE(409, "Concurrent update"),
    MVCC_READ_CONFLICT(409, "Read conflict"),
    DUPLICATE_TRANSACTION(409, "Duplicate transaction"),
    IDEMPOTENCY_KEY_IN_FLIGHT(409, "Request in flight"),
    LEDGER_IDENTITY_MISSING(409, "Ledger identity missing"),
    ENTERPRISE_EXISTS(409, "Enterprise exists"),
    ENTERPRISE_NOT_ACTIVE(409, "Enterprise not active"),
    ENTERPRISE_SUSPENDED(409, "Enterprise suspended"),
    ENTERPRISE_NOT_SUSPENDED(409, "Enterprise not suspended"),
    ALREADY_REGISTERED(409, "Already registered"),
    USERNAME_TAKEN(409, "Username taken"),
    KYC_APPLICATION_OPEN(409, "KYC application open"),
    KYC_NOT_EDITABLE(409, "KYC application not editable"),
    KYC_NOT_REVIEWED(409, "KYC application not reviewed"),
    INVALID_KYC_STATE(409, "Invalid KYC state"),
    ENTERPRISE_ALREADY_ADMITTED(409, "Enterprise already admitted"),
    ALREADY_ACTIVATED(409, "Already activated"),
    ANCHOR_MISMATCH(409, "Anchor mismatch"),
    FINANCING_NOT_EDITABLE(409, "Financing application not editable"),
    INVALID_FINANCING_STATE(409, "Invalid financing state"),
    TERMS_MISMATCH(409, "Terms mismatch"),
    TOKEN_NOT_ACTIVE(409, "Token not active"),
    TOKEN_ALREADY_IN_APPLICATION(409, "Token already in an application"),
    AUDIT_LOG_EMPTY(409, "Audit log empty"),

    CSV_TOO_LARGE(413, "CSV too large"),
    DOCUMENT_TOO_LARGE(413, "Document too large"),

    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    DOCUMENT_TYPE_NOT_ALLOWED(415, "Document type not allowed"),
    DOCUMENT_TYPE_MISMATCH(415, "Document type mismatch"),
    DOCUMENT_MALFORMED(415, "Document malformed"),

    IDEMPOTENCY_KEY_REUSED(422, "Idempotency-Key reused"),
    SIGNATURE_INVALID(422, "Signature does not verify"),
    API_KEY_NOT_ALLOWED(422, "API key not allowed"),
    SCOPE_NOT_ALLOWED(422, "Scope not allowed"),
    ROLE_NOT_ALLOWED(422, "Role not allowed"),
    ROLE_MISMATCH(422, "Role mismatch"),
    ORG_NOT_ALLOWED(422, "Organisation not allowed"),
    OPERATOR_NOT_REGISTERED(422, "Operator is not registered"),
    KYC_HASH_MISSING(422, "KYC hash missing"),
    KYC_DOCUMENTS_MISSING(422, "KYC documents missing"),
    FINANCING_DOCUMENTS_MISSING(422, "Financing documents missing"),
    INVALID_TERMS(422, "Invalid terms"),
    INVALID_BANK(422, "Invalid bank"),
    INVALID_OBLIGOR(422, "Invalid obligor"),
    CREDIT_LIMIT_MISSING(422, "Credit limit missing"),
    CREDIT_LIMIT_EXCEEDED(422, "Credit limit exceeded"),
    MATURED(422, "Matured"),
    TOO_MANY_OUTPUTS(422, "Too many outputs"),

    RATE_LIMITED(429, "Too many requests"),

    INTERNAL_ERROR(500, "Internal error"),

    CHAINCODE_FAILURE(502, "Chaincode failure"),
    UNKNOWN_TRANSACTION(502, "Unknown transaction"),
    ENDORSEMENT_POLICY_FAILURE(502, "Endorsement policy failure"),
    TRANSACTION_INVALID(502, "Transaction invalid"),
    CA_REJECTED(502, "Fabric CA refused"),
    CA_BAD_RESPONSE(502, "Fabric CA bad response"),

    DATABASE_UNAVAILABLE(503, "Database unavailable"),
    PEER_UNAVAILABLE(503, "Peer unavailable"),
    ORDERER_UNAVAILABLE(503, "Orderer unavailable"),
    LEDGER_TIMEOUT(503, "Ledger timeout"),
    LEDGER_BUSY(503, "Ledger busy"),
    LEDGER_NOT_READY(503, "Ledger not ready"),
    LEDGER_NOT_CONFIGURED(503, "Ledger not configured"),
    COMMIT_STATUS_UNKNOWN(503, "Commit status unknown"),
    LEDGER_SUBMIT_FAILED(503, "Ledger submit failed"),
    COMMIT_STATUS_FAILED(503, "Commit status failed"),
    LEDGER_ERROR(503, "Ledger error"),
    CA_UNAVAILABLE(503, "Fabric CA unavailable"),
    CA_NOT_CONFIGURED(503, "Fabric CA not configured"),
    CHECK_INTERRUPTED(503, "Check interrupted");

    private static final Map<Reason, ProblemCode> BY_REASON = new EnumMap<>(Reason.class);

    static {
        for (Reason reason : Reason.values()) {
            BY_REASON.put(reason, valueOf(reason.name())); // fails at start-up if a reason has no code
        }
    }

    private final int status;
    private final String title;

    ProblemCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The code of a domain refusal: the one of the same name. */
    public static ProblemCode of(Reason reason) {
        return BY_REASON.get(reason);
    }

    /** The generic code for a status that a framework exception answered with, or null for an unusual status. */
    public static ProblemCode forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            case 500 -> INTERNAL_ERROR;
            default -> null;
        };
    }
}
