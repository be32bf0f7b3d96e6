package com.scfledger.platform.kyc;

import java.time.Instant;
import java.util.List;

import com.scfledger.platform.document.StoredDocument;
import io.swagger.v3.oas.annotations.media.Schema;

/** A KYC application as the API shows it, with its documents and its timeline. */
record KycView(String id, String enterpriseId, String role, String legalName, String unifiedSocialCreditCode,
               List<KycApplication.Contact> contacts, KycApplication.SettlementAccount settlementAccount, KycStatus status,
               Instant createdAt, Instant submittedAt, Actor reviewedBy, Instant reviewedAt, Actor approvedBy,
               Instant approvedAt, String decisionReason, String recordHash, Ledger ledger, List<StoredDocument> documents,
               List<KycRepository.EventView> timeline) {

    /** The ledger side of an approval: identity, registration, anchor (each null until done). */
    record Ledger(String enrollmentId, String registeredTx, String anchorTx, Instant activatedAt) {
    }

    /** A line of a list (no documents or timeline). */
    @Schema(name = "KycSummary")
    record Summary(String id, String enterpriseId, String role, String legalName, KycStatus status, Instant submittedAt,
                   Actor reviewedBy, Instant updatedAt) {
        static Summary of(KycApplication a) {
            return new Summary(a.id, a.enterpriseId, a.role, a.details.legalName(), a.status, a.submittedAt, a.reviewer,
                    a.updatedAt);
        }
    }

    static KycView of(KycApplication a, List<StoredDocument> documents, List<KycRepository.EventView> timeline) {
        return new KycView(a.id, a.enterpriseId, a.role, a.details.legalName(), a.details.uscc(), a.details.contacts(),
                a.details.settlementAccount(), a.status, a.createdAt, a.submittedAt, a.reviewer, a.reviewedAt, a.approver,
                a.approvedAt, a.decisionReason, a.recordHash,
                new Ledger(a.enrollmentId, a.registeredTx, a.anchorTx, a.activatedAt), documents, timeline);
    }
}
