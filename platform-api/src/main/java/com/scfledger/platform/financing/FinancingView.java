package com.scfledger.platform.financing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.scfledger.platform.approval.Actor;
import com.scfledger.platform.approval.EventView;
import com.scfledger.platform.approval.Signature;
import com.scfledger.platform.document.StoredDocument;
import io.swagger.v3.oas.annotations.media.Schema;

/** A financing application as the API shows it, with its documents and status timeline. */
record FinancingView(String id, FinancingStatus status, String applicantId, String bankId, Token token,
                     List<String> invoiceNumbers, String recordHash, String requestTx, Instant createdAt,
                     Instant submittedAt, Approval approval, Terms terms, String rejectionReason, String decisionTx,
                     Instant decidedAt, Disbursement disbursement,
                     @Schema(description = "how many different bank users must approve (2 above the bank's four-eyes "
                             + "threshold), so that a screen shows only the approvals that will happen")
                     int requiredApprovals,
                     List<StoredDocument> documents, List<EventView> timeline) {

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
            FinancingApplication.TokenFacts t = a.token();
            return new Summary(a.id(), a.status(), a.applicantId(), a.bankId(), t.tokenId(), t.obligorId(),
                    t.faceAmountMinor(), t.currency(), t.maturityDate(), a.approval().submittedAt(),
                    a.approval().updatedAt());
        }
    }

    static FinancingView of(FinancingApplication a, int requiredApprovals, List<StoredDocument> documents,
                            List<EventView> timeline) {
        FinancingApplication.TokenFacts t = a.token();
        Signature maker = a.approval().maker();
        Signature checker = a.approval().checker();
        FinancingApplication.Rates rates = a.rates();
        FinancingApplication.Terms terms = a.terms();
        FinancingApplication.Decision decision = a.decision();
        FinancingApplication.Disbursement paid = a.disbursement();
        return new FinancingView(a.id(), a.status(), a.applicantId(), a.bankId(),
                new Token(t.tokenId(), t.obligorId(), t.payableId(), t.tier(), t.faceAmountMinor(), t.currency(),
                        t.maturityDate()),
                a.invoiceNumbers(), a.submission().recordHash(), a.submission().requestTx(), a.createdAt(),
                a.approval().submittedAt(),
                maker == null ? null : new Approval(maker.by(), maker.at(), rates.proposedBps(),
                        checker == null ? null : checker.by(), rates.approvedBps()),
                terms == null ? null : new Terms(rates.approvedBps(), Pricing.DAY_COUNT_BASIS, terms.valueDate(),
                        terms.days(), terms.discountMinor(), terms.advanceMinor(), decision.tx(), decision.at()),
                a.approval().reason(), decision.tx(), decision.at(),
                paid == null ? null : new Disbursement(paid.reference(), paid.disbursedAt()), requiredApprovals,
                documents, timeline);
    }
}
