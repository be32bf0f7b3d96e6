package com.scfledger.platform.financing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.scfledger.platform.approval.Actor;
import com.scfledger.platform.approval.Approval;
import com.scfledger.platform.approval.RefusalCodes;
import com.scfledger.platform.approval.TimelineEntry;
import com.scfledger.platform.approval.TimelineFacts;
import com.scfledger.platform.document.Documents;
import com.scfledger.platform.document.StoredDocument;
import com.scfledger.platform.domain.InvalidInput;
import com.scfledger.platform.domain.Reason;
import com.scfledger.platform.domain.RuleViolation;

/**
 * A supplier's application to a bank to finance one token, and the rules of its life (see {@link FinancingStatus})
 * on the shared maker-checker {@link Approval}: above the four-eyes threshold one bank user proposes the rate (the
 * maker) and another confirms it (the checker); at or below it one user decides alone. Each step checks the state and
 * the actor, changes the application and returns the {@link TimelineEntry} for its timeline. Ledger calls happen
 * around the steps, in the service.
 */
final class FinancingApplication {

    static final RefusalCodes REFUSALS = new RefusalCodes(Reason.INVALID_FINANCING_STATE,
            Reason.FINANCING_NOT_EDITABLE, Reason.FINANCING_DOCUMENTS_MISSING, Reason.SAME_APPROVER);

    /** The token as the ledger showed it when the application was drafted. */
    record TokenFacts(String tokenId, String obligorId, String payableId, int tier, long faceAmountMinor, String currency,
                      LocalDate maturityDate) {
    }

    /** What RequestFinancing anchored and committed, and the token's lineage at that moment (compact JSON). */
    record Submission(String recordHash, String requestTx, String lineage) {
        static final Submission NONE = new Submission(null, null, null);
    }

    /** The maker's proposed rate and the rate approved (the ledger's, once ApproveFinancing committed). */
    record Rates(Integer proposedBps, Integer approvedBps) {
        static final Rates NONE = new Rates(null, null);
    }

    /** The ledger's terms once approved (ACT/360 from the value date). */
    record Terms(LocalDate valueDate, long days, long discountMinor, long advanceMinor) {
    }

    /** The ledger transaction of the bank's decision (or the applicant's cancellation) and when it was taken. */
    record Decision(String tx, Instant at) {
        static final Decision NONE = new Decision(null, null);
    }

    record Disbursement(String reference, Instant disbursedAt) {
    }

    private final String id;
    private final String applicantId;
    private final String bankId;
    private final TokenFacts token;
    private final List<String> invoiceNumbers;
    private final String createdBy;
    private final Instant createdAt;
    private final Approval<FinancingStatus> approval;
    private Submission submission;
    private Rates rates;
    private Terms terms;
    private Decision decision;
    private Disbursement disbursement;

    private FinancingApplication(String id, String applicantId, String bankId, TokenFacts token, List<String> invoiceNumbers,
                                 String createdBy, Instant createdAt, Approval<FinancingStatus> approval,
                                 Submission submission, Rates rates, Terms terms, Decision decision,
                                 Disbursement disbursement) {
        this.id = id;
        this.applicantId = applicantId;
        this.bankId = bankId;
        this.token = token;
        this.invoiceNumbers = List.copyOf(invoiceNumbers);
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.approval = approval;
        this.submission = submission;
        this.rates = rates;
        this.terms = terms;
        this.decision = decision;
        this.disbursement = disbursement;
    }

    static FinancingApplication draft(String id, String applicantId, String bankId, TokenFacts token,
                                      List<String> invoiceNumbers, Actor applicant, Instant now) {
        return new FinancingApplication(id, applicantId, bankId, token, invoiceNumbers, applicant.id(), now,
                Approval.start(id, REFUSALS, FinancingStatus.DRAFT, now), Submission.NONE, Rates.NONE, null,
                Decision.NONE, null);
    }

    /** The application as {@link FinancingRepository} saved it. */
    static FinancingApplication restore(String id, String applicantId, String bankId, TokenFacts token,
                                        List<String> invoiceNumbers, String createdBy, Instant createdAt,
                                        Approval<FinancingStatus> approval, Submission submission, Rates rates,
                                        Terms terms, Decision decision, Disbursement disbursement) {
        return new FinancingApplication(id, applicantId, bankId, token, invoiceNumbers, createdBy, createdAt, approval,
                submission, rates, terms, decision, disbursement);
    }

    // ---- the supplier ----

    TimelineEntry created(Actor applicant) {
        return approval.created(applicant, tokenFacts().maturity(token.maturityDate()).build());
    }

    /** The token and the bank every step of the application concerns. */
    private TimelineFacts.Builder tokenFacts() {
        return TimelineFacts.builder().token(token.tokenId()).counterparty(bankId)
                .amount(token.faceAmountMinor(), token.currency());
    }

    void requireDraft(String what) {
        approval.requireEditable(what);
    }

    TimelineEntry documentAdded(StoredDocument document, Actor applicant) {
        return approval.documentAdded(document, applicant);
    }

    /** Checks that the application can be submitted: a DRAFT with an invoice and a contract. */
    void checkSubmittable(List<StoredDocument> documents) {
        approval.requireCanBecome(FinancingStatus.SUBMITTED, "submitted");
        approval.requireDocuments(FinancingDocumentKind.class, documents);
    }

    /** RequestFinancing committed: the application is anchored and the token locked for the bank. */
    TimelineEntry submitted(String hash, String transactionId, String lineageJson, Actor applicant, Instant now) {
        TimelineEntry entry = approval.submit(FinancingStatus.SUBMITTED, "SUBMITTED", applicant,
                tokenFacts().record(FinancingService.RECORD_TYPE, id, hash).build(), transactionId, now);
        submission = new Submission(hash, transactionId, lineageJson);
        return entry;
    }

    /** The applicant withdraws (CancelFinancing committed once submitted; a draft simply ends). */
    TimelineEntry cancelled(String transactionId, Actor applicant, Instant now) {
        TimelineEntry entry = approval.move(FinancingStatus.CANCELLED, "cancelled", "CANCELLED", applicant,
                tokenFacts().build(), null, transactionId, now);
        decision = new Decision(transactionId, decision.at());
        return entry;
    }

    void checkCancellable() {
        approval.requireCanBecome(FinancingStatus.CANCELLED, "cancelled");
    }

    // ---- the bank ----

    /**
     * A bank user approves at a rate. Above the four-eyes threshold the first approval (the maker's) only records
     * the proposed terms and a second, different user (the checker) must confirm them; at or below it one approval
     * suffices. Returns the entry; {@link #status()} tells whether the ledger is to be called (APPROVING).
     */
    TimelineEntry approve(Actor banker, Integer rateBps, long fourEyesThreshold, Instant now) {
        return switch (status()) {
            case SUBMITTED -> firstApproval(banker, rateBps, fourEyesThreshold, now);
            case AWAITING_SECOND_APPROVAL -> secondApproval(banker, rateBps, now);
            default -> throw approval.invalidTransition("approved");
        };
    }

    private TimelineEntry firstApproval(Actor banker, Integer rateBps, long fourEyesThreshold, Instant now) {
        if (rateBps == null) {
            throw new InvalidInput("annualRateBps", "must not be null: the first approval proposes the rate");
        }
        if (token.faceAmountMinor() > fourEyesThreshold) {
            TimelineEntry entry = approval.move(FinancingStatus.AWAITING_SECOND_APPROVAL, "approved", "FIRST_APPROVAL",
                    banker, tokenFacts().rate(rateBps).threshold(fourEyesThreshold).build(), null, null, now);
            approval.signAsMaker(banker, now);
            rates = new Rates(rateBps, null);
            return entry;
        }
        TimelineEntry entry = approval.move(FinancingStatus.APPROVING, "approved", "APPROVAL", banker,
                tokenFacts().rate(rateBps).build(), null, null, now);
        approval.signAlone(banker, now);
        rates = new Rates(rateBps, rateBps);
        return entry;
    }

    private TimelineEntry secondApproval(Actor banker, Integer rateBps, Instant now) {
        approval.signAsChecker(banker, now);
        Integer proposed = rates.proposedBps();
        if (rateBps != null && !rateBps.equals(proposed)) {
            approval.withdrawChecker();
            throw new RuleViolation(Reason.TERMS_MISMATCH, "The first approval proposed " + proposed
                    + " bps; the second approval confirms those terms (or the application is rejected).");
        }
        rates = new Rates(proposed, proposed);
        return approval.move(FinancingStatus.APPROVING, "approved", "SECOND_APPROVAL", banker,
                tokenFacts().rate(proposed).build(), null, null, now);
    }

    /** Two different bank users decided (the maker proposed, the checker confirmed). */
    boolean fourEyes() {
        return approval.fourEyes();
    }

    /** ApproveFinancing committed: the token is the bank's; the ledger's terms are recorded. */
    TimelineEntry approved(int rateBps, Terms ledgerTerms, String transactionId, Actor banker, Instant now) {
        TimelineEntry entry = approval.move(FinancingStatus.APPROVED, "approved", "APPROVED", banker,
                tokenFacts().rate(rateBps).discount(Math.toIntExact(ledgerTerms.days()), ledgerTerms.discountMinor(),
                        ledgerTerms.advanceMinor()).build(), null, transactionId, now);
        rates = new Rates(rates.proposedBps(), rateBps);
        terms = ledgerTerms;
        decision = new Decision(transactionId, now);
        return entry;
    }

    /** The ledger refused ApproveFinancing: back to where the approval started, the limit released. */
    TimelineEntry approvalRefused(String code, String detail, Actor banker, Instant now) {
        boolean backToChecker = fourEyes();
        FinancingStatus back = backToChecker ? FinancingStatus.AWAITING_SECOND_APPROVAL : FinancingStatus.SUBMITTED;
        TimelineEntry entry = approval.move(back, "returned to " + back, "APPROVAL_REFUSED_BY_LEDGER", banker,
                tokenFacts().problem(code, detail).build(), null, null, now);
        if (backToChecker) {
            approval.withdrawChecker();
            rates = new Rates(rates.proposedBps(), null);
        } else {
            approval.withdrawSignatures();
            rates = Rates.NONE;
        }
        return entry;
    }

    /** ApproveFinancing failed without an answer; the approval is resumed by approving again. */
    TimelineEntry approvalOutcomeUnknown(String code, String detail, Actor banker, Instant now) {
        return approval.remark("APPROVAL_OUTCOME_UNKNOWN", banker, tokenFacts().problem(code, detail).build(), now);
    }

    void checkRejectable() {
        approval.requireCanBecome(FinancingStatus.REJECTED, "rejected");
    }

    TimelineEntry rejected(String reason, String transactionId, Actor banker, Instant now) {
        TimelineEntry entry = approval.decideAgainst(FinancingStatus.REJECTED, "rejected", "REJECTED", banker, reason,
                tokenFacts().build(), transactionId, now);
        decision = new Decision(transactionId, now);
        return entry;
    }

    TimelineEntry disbursed(String reference, Actor banker, Instant now) {
        TimelineEntry entry = approval.move(FinancingStatus.DISBURSED, "marked disbursed", "DISBURSED", banker,
                tokenFacts().advance(terms == null ? null : terms.advanceMinor()).reference(reference).build(), null,
                null, now);
        disbursement = new Disbursement(reference, now);
        return entry;
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

    // ---- reads ----

    String id() {
        return id;
    }

    String applicantId() {
        return applicantId;
    }

    String bankId() {
        return bankId;
    }

    TokenFacts token() {
        return token;
    }

    List<String> invoiceNumbers() {
        return invoiceNumbers;
    }

    String createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    FinancingStatus status() {
        return approval.status();
    }

    /** Status, version, submission time, maker and checker, and the rejection reason. */
    Approval<FinancingStatus> approval() {
        return approval;
    }

    Submission submission() {
        return submission;
    }

    Rates rates() {
        return rates;
    }

    /** Null until approved on the ledger. */
    Terms terms() {
        return terms;
    }

    Decision decision() {
        return decision;
    }

    /** Null until the bank records its payment. */
    Disbursement disbursement() {
        return disbursement;
    }
}
