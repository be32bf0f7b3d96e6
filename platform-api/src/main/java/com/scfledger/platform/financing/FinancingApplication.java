package com.scfledger.platform.financing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.scfledger.platform.document.Documents;
import com.scfledger.platform.document.StoredDocument;
import com.scfledger.platform.problem.ApiProblem;

/**
 * A supplier's application to a bank to finance one token, and the rules of its life (see {@link FinancingStatus}):
 * each transition checks the state and the actor, changes the application and returns the {@link Event} for its
 * timeline. Ledger calls happen around the transitions, in the service.
 */
final class FinancingApplication {

    record Event(String action, FinancingStatus from, FinancingStatus to, Actor actor, String note, String ledgerTxId) {
    }

    /** The token as the ledger showed it when the application was drafted. */
    record TokenFacts(String tokenId, String obligorId, String payableId, int tier, long faceAmountMinor, String currency,
                      LocalDate maturityDate) {
    }

    final String id;
    final String applicantId;
    final String bankId;
    final TokenFacts token;
    final List<String> invoiceNumbers;
    final String createdBy;
    final Instant createdAt;
    FinancingStatus status;
    int version;
    String recordHash;
    String requestTx;
    String lineage;
    Instant submittedAt;
    Actor maker;
    Instant makerAt;
    Integer proposedRateBps;
    Actor checker;
    Integer approvedRateBps;
    LocalDate valueDate;
    Long days;
    Long discountMinor;
    Long advanceMinor;
    String decisionTx;
    Instant decidedAt;
    String rejectionReason;
    String disbursementRef;
    Instant disbursedAt;
    Instant updatedAt;

    FinancingApplication(String id, String applicantId, String bankId, TokenFacts token, List<String> invoiceNumbers,
                         String createdBy, Instant createdAt, FinancingStatus status) {
        this.id = id;
        this.applicantId = applicantId;
        this.bankId = bankId;
        this.token = token;
        this.invoiceNumbers = List.copyOf(invoiceNumbers);
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.status = status;
        this.updatedAt = createdAt;
    }

    static FinancingApplication draft(String id, String applicantId, String bankId, TokenFacts token,
                                      List<String> invoiceNumbers, Actor applicant, Instant now) {
        return new FinancingApplication(id, applicantId, bankId, token, invoiceNumbers, applicant.id(), now,
                FinancingStatus.DRAFT);
    }

    void requireDraft(String what) {
        if (status != FinancingStatus.DRAFT) {
            throw ApiProblem.of(409, "FINANCING_NOT_EDITABLE", "Application " + id + " is " + status + "; documents can be "
                    + what + " only while it is a DRAFT.");
        }
    }

    /** Checks that the application can be submitted: a DRAFT with an invoice and a contract. */
    void checkSubmittable(List<StoredDocument> documents) {
        require(FinancingStatus.SUBMITTED, "submitted");
        Set<FinancingDocumentKind> missing = EnumSet.allOf(FinancingDocumentKind.class);
        documents.forEach(d -> missing.remove(FinancingDocumentKind.valueOf(d.kind())));
        if (!missing.isEmpty()) {
            throw ApiProblem.of(422, "FINANCING_DOCUMENTS_MISSING", "Upload " + missing + " before submitting.")
                    .with("missing", missing.stream().map(Enum::name).toList());
        }
    }

    /** RequestFinancing committed: the application is anchored and the token locked for the bank. */
    Event submitted(String hash, String transactionId, String lineageJson, Actor applicant, Instant now) {
        FinancingStatus from = status;
        require(FinancingStatus.SUBMITTED, "submitted");
        status = FinancingStatus.SUBMITTED;
        recordHash = hash;
        requestTx = transactionId;
        lineage = lineageJson;
        submittedAt = now;
        updatedAt = now;
        return new Event("SUBMITTED", from, status, applicant, "anchored as FINANCING_APPLICATION/" + id + " sha256 " + hash
                + "; token " + token.tokenId() + " locked for " + bankId, transactionId);
    }

    /**
     * A bank user approves at a rate. Above the four-eyes threshold the first approval (the maker's) only records
     * the proposed terms and a second, different user (the checker) must confirm them; at or below it one approval
     * suffices. Returns the event; {@link #status} tells whether the ledger is to be called (APPROVING).
     */
    Event approve(Actor banker, Integer rateBps, long fourEyesThreshold, Instant now) {
        FinancingStatus from = status;
        if (status == FinancingStatus.SUBMITTED) {
            if (rateBps == null) {
                throw ApiProblem.of(400, "VALIDATION_FAILED", "annualRateBps is required for the first approval.")
                        .with("errors", List.of(Map.of("field", "annualRateBps", "message", "must not be null")));
            }
            maker = banker;
            makerAt = now;
            proposedRateBps = rateBps;
            updatedAt = now;
            if (token.faceAmountMinor() > fourEyesThreshold) {
                status = FinancingStatus.AWAITING_SECOND_APPROVAL;
                return new Event("FIRST_APPROVAL", from, status, banker, "proposed " + rateBps + " bps; face "
                        + token.faceAmountMinor() + " is above the four-eyes threshold " + fourEyesThreshold
                        + ": another bank user must approve", null);
            }
            checker = banker;
            approvedRateBps = rateBps;
            status = FinancingStatus.APPROVING;
            return new Event("APPROVAL", from, status, banker, rateBps + " bps", null);
        }
        if (status == FinancingStatus.AWAITING_SECOND_APPROVAL) {
            if (maker.id().equals(banker.id())) {
                throw ApiProblem.of(403, "SAME_APPROVER", "Four eyes: " + banker.name() + " made the first approval of "
                        + id + "; the second must come from another user of the bank.");
            }
            if (rateBps != null && !rateBps.equals(proposedRateBps)) {
                throw ApiProblem.of(409, "TERMS_MISMATCH", "The first approval proposed " + proposedRateBps
                        + " bps; the second approval confirms those terms (or the application is rejected).")
                        .with("proposedRateBps", proposedRateBps);
            }
            checker = banker;
            approvedRateBps = proposedRateBps;
            status = FinancingStatus.APPROVING;
            updatedAt = now;
            return new Event("SECOND_APPROVAL", from, status, banker, proposedRateBps + " bps confirmed", null);
        }
        require(FinancingStatus.APPROVING, "approved");
        throw new IllegalStateException("unreachable");
    }

    boolean fourEyes() {
        return maker != null && checker != null && !maker.id().equals(checker.id());
    }

    /** ApproveFinancing committed: the token is the bank's; the ledger's terms are recorded. */
    Event approved(int rateBps, LocalDate ledgerValueDate, long ledgerDays, long discount, long advance, String transactionId,
                   Actor banker, Instant now) {
        FinancingStatus from = status;
        require(FinancingStatus.APPROVED, "approved");
        status = FinancingStatus.APPROVED;
        approvedRateBps = rateBps;
        valueDate = ledgerValueDate;
        days = ledgerDays;
        discountMinor = discount;
        advanceMinor = advance;
        decisionTx = transactionId;
        decidedAt = now;
        updatedAt = now;
        return new Event("APPROVED", from, status, banker, rateBps + " bps, " + ledgerDays + " days ACT/360: discount "
                + discount + ", advance " + advance + "; token moved to " + bankId, transactionId);
    }

    /** The ledger refused ApproveFinancing: back to where the approval started, the limit released. */
    Event approvalRefused(String code, String detail, Actor banker, Instant now) {
        FinancingStatus from = status;
        FinancingStatus back = fourEyes() ? FinancingStatus.AWAITING_SECOND_APPROVAL : FinancingStatus.SUBMITTED;
        require(back, "returned to " + back);
        status = back;
        checker = null;
        approvedRateBps = null;
        if (back == FinancingStatus.SUBMITTED) {
            maker = null;
            makerAt = null;
            proposedRateBps = null;
        }
        updatedAt = now;
        return new Event("APPROVAL_REFUSED_BY_LEDGER", from, status, banker, code + ": " + detail, null);
    }

    void checkRejectable() {
        require(FinancingStatus.REJECTED, "rejected");
    }

    Event rejected(String reason, String transactionId, Actor banker, Instant now) {
        FinancingStatus from = status;
        require(FinancingStatus.REJECTED, "rejected");
        status = FinancingStatus.REJECTED;
        rejectionReason = reason;
        decisionTx = transactionId;
        decidedAt = now;
        updatedAt = now;
        return new Event("REJECTED", from, status, banker, reason + "; token " + token.tokenId() + " unlocked", transactionId);
    }

    void checkCancellable() {
        require(FinancingStatus.CANCELLED, "cancelled");
    }

    Event cancelled(String transactionId, Actor applicant, Instant now) {
        FinancingStatus from = status;
        require(FinancingStatus.CANCELLED, "cancelled");
        status = FinancingStatus.CANCELLED;
        decisionTx = transactionId;
        updatedAt = now;
        return new Event("CANCELLED", from, status, applicant, transactionId == null ? null
                : "token " + token.tokenId() + " unlocked", transactionId);
    }

    Event disbursed(String reference, Actor banker, Instant now) {
        FinancingStatus from = status;
        require(FinancingStatus.DISBURSED, "marked disbursed");
        status = FinancingStatus.DISBURSED;
        disbursementRef = reference;
        disbursedAt = now;
        updatedAt = now;
        return new Event("DISBURSED", from, status, banker, "advance " + advanceMinor + " " + token.currency()
                + " paid, reference " + reference, null);
    }

    private void require(FinancingStatus next, String verb) {
        if (!status.canBecome(next)) {
            throw ApiProblem.of(409, "INVALID_FINANCING_STATE", "Application " + id + " is " + status + " and cannot be "
                    + verb + ".").with("status", status.name());
        }
    }

    /**
     * The canonical form whose SHA-256 RequestFinancing anchors (FINANCING_APPLICATION/{id}): what was applied for,
     * with what documents. Decisions are on the ledger and in the timeline, not in this record.
     */
    Map<String, Object> canonical(List<StoredDocument> documents) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recordType", "FINANCING_APPLICATION");
        m.put("financingId", id);
        m.put("applicantId", applicantId);
        m.put("bankId", bankId);
        m.put("tokenId", token.tokenId());
        m.put("obligorId", token.obligorId());
        m.put("payableId", token.payableId());
        m.put("tokenTier", token.tier());
        m.put("faceAmountMinor", token.faceAmountMinor());
        m.put("currency", token.currency());
        m.put("maturityDate", token.maturityDate());
        m.put("invoiceNumbers", invoiceNumbers);
        m.put("documents", Documents.canonical(documents));
        return m;
    }
}
