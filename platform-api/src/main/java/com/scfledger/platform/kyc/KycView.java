package com.scfledger.platform.kyc;

import java.time.Instant;
import java.util.List;

import com.scfledger.platform.approval.Actor;
import com.scfledger.platform.approval.EventView;
import com.scfledger.platform.approval.Signature;
import com.scfledger.platform.document.StoredDocument;
import io.swagger.v3.oas.annotations.media.Schema;

/** A KYC application as the API shows it, with its documents and its timeline. */
record KycView(String id, String enterpriseId, String role, String legalName, String unifiedSocialCreditCode,
               List<KycApplication.Contact> contacts, KycApplication.SettlementAccount settlementAccount, KycStatus status,
               Instant createdAt, Instant submittedAt, Actor reviewedBy, Instant reviewedAt, Actor approvedBy,
               Instant approvedAt, String decisionReason, String recordHash, Ledger ledger, List<StoredDocument> documents,
               List<EventView> timeline) {

    /** The ledger side of an approval: identity, registration, anchor (each null until done). */
    record Ledger(String enrollmentId, String registeredTx, String anchorTx, Instant activatedAt) {
    }

    /** A line of a list (no documents or timeline). */
    @Schema(name = "KycSummary")
    record Summary(String id, String enterpriseId, String role, String legalName, KycStatus status, Instant submittedAt,
                   Actor reviewedBy, Instant updatedAt) {
        static Summary of(KycApplication a) {
            return new Summary(a.id(), a.enterpriseId(), a.role(), a.details().legalName(), a.status(),
                    a.approval().submittedAt(), by(a.reviewer()), a.approval().updatedAt());
        }
    }

    static KycView of(KycApplication a, List<StoredDocument> documents, List<EventView> timeline) {
        KycApplication.Details d = a.details();
        KycApplication.Activation act = a.activation();
        return new KycView(a.id(), a.enterpriseId(), a.role(), d.legalName(), d.uscc(), d.contacts(),
                d.settlementAccount(), a.status(), a.createdAt(), a.approval().submittedAt(), by(a.reviewer()),
                at(a.reviewer()), by(a.approver()), at(a.approver()), a.approval().reason(), a.recordHash(),
                new Ledger(act.enrollmentId(), act.registeredTx(), act.anchorTx(), act.activatedAt()), documents, timeline);
    }

    private static Actor by(Signature s) {
        return s == null ? null : s.by();
    }

    private static Instant at(Signature s) {
        return s == null ? null : s.at();
    }
}
