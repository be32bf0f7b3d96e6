package com.scfledger.platform.financing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.scfledger.platform.document.StoredDocument;
import io.swagger.v3.oas.annotations.media.Schema;

/** A financing application as the API shows it, with its documents and status timeline. */
record FinancingView(String id, FinancingStatus status, String applicantId, String bankId, Token token,
                     List<String> invoiceNumbers, String recordHash, String requestTx, Instant createdAt,
                     Instant submittedAt, Approval approval, Terms terms, String rejectionReason, String decisionTx,
                     Instant decidedAt, Disbursement disbursement,
                     List<StoredDocument> documents, List<FinancingRepository.EventView> timeline) {

    record Token(String tokenId, String obligorId, String payableId, int tier, long faceAmountMinor, String currency,
                 LocalDate maturityDate) {
    }

    /** The maker (first approval) and the checker (second, above the four-eyes threshold; the same user below it). */
    record Approval(Actor maker, Instant makerAt, Integer proposedRateBps, Actor checker, Integer approvedRateBps) {
    }

    /** The ledger's terms once approved (ACT/360 from the value date). */
    record Terms(Integer annualRateBps, String dayCountBasis, LocalDate valueDate, Long days, Long discountMinor,
                 Long advanceMinor, String decisionTx, Instant decidedAt) {
    }

    record Disbursement(String reference, Instant disbursedAt) {
    }

    @Schema(name = "FinancingSummary")
    record Summary(String id, FinancingStatus status, String applicantId, String bankId, String tokenId, String obligorId,
                   long faceAmountMinor, String currency, LocalDate maturityDate, Instant submittedAt, Instant updatedAt) {
        static Summary of(FinancingApplication a) {
            return new Summary(a.id, a.status, a.applicantId, a.bankId, a.token.tokenId(), a.token.obligorId(),
                    a.token.faceAmountMinor(), a.token.currency(), a.token.maturityDate(), a.submittedAt, a.updatedAt);
        }
    }

    static FinancingView of(FinancingApplication a, List<StoredDocument> documents,
                            List<FinancingRepository.EventView> timeline) {
        FinancingApplication.TokenFacts t = a.token;
        return new FinancingView(a.id, a.status, a.applicantId, a.bankId,
                new Token(t.tokenId(), t.obligorId(), t.payableId(), t.tier(), t.faceAmountMinor(), t.currency(),
                        t.maturityDate()),
                a.invoiceNumbers, a.recordHash, a.requestTx, a.createdAt, a.submittedAt,
                a.maker == null ? null : new Approval(a.maker, a.makerAt, a.proposedRateBps, a.checker, a.approvedRateBps),
                a.valueDate == null ? null : new Terms(a.approvedRateBps, Pricing.DAY_COUNT_BASIS, a.valueDate, a.days,
                        a.discountMinor, a.advanceMinor, a.decisionTx, a.decidedAt),
                a.rejectionReason, a.decisionTx, a.decidedAt, a.disbursementRef == null ? null : new Disbursement(a.disbursementRef, a.disbursedAt),
                documents, timeline);
    }
}
