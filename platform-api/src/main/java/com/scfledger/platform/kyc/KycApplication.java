package com.scfledger.platform.kyc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.scfledger.platform.document.Documents;
import com.scfledger.platform.document.StoredDocument;
import com.scfledger.platform.problem.ApiProblem;

/**
 * A KYC application and the rules of its life (see {@link KycStatus}). Every transition checks the state and the
 * actor, changes the application and returns the {@link Event} to record; the service only loads, calls and saves.
 */
final class KycApplication {

    record Contact(String name, String email, String phone, String title) {
        Map<String, Object> canonical() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("email", email);
            m.put("phone", phone);
            m.put("title", title);
            return m;
        }
    }

    record SettlementAccount(String bankName, String branch, String accountName, String accountNumber) {
        Map<String, Object> canonical() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bankName", bankName);
            m.put("branch", branch);
            m.put("accountName", accountName);
            m.put("accountNumber", accountNumber);
            return m;
        }
    }

    record Details(String legalName, String uscc, List<Contact> contacts, SettlementAccount settlementAccount) {
    }

    /** One recorded step: what happened, between which states, why. */
    record Event(String action, KycStatus from, KycStatus to, Actor actor, String note, String ledgerTxId) {
    }

    final String id;
    final String enterpriseId;
    final String role;
    final String createdBy;
    final Instant createdAt;
    Details details;
    KycStatus status;
    int version;
    Instant submittedAt;
    Actor reviewer;
    Instant reviewedAt;
    Actor approver;
    Instant approvedAt;
    String decisionReason;
    String recordHash;
    String enrollmentId;
    String registeredTx;
    String anchorTx;
    Instant activatedAt;
    Instant updatedAt;

    KycApplication(String id, String enterpriseId, String role, String createdBy, Instant createdAt, Details details,
                   KycStatus status) {
        this.id = id;
        this.enterpriseId = enterpriseId;
        this.role = role;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.details = details;
        this.status = status;
        this.updatedAt = createdAt;
    }

    static KycApplication draft(String id, String enterpriseId, String role, Details details, Actor applicant, Instant now) {
        return new KycApplication(id, enterpriseId, role, applicant.id(), now, details, KycStatus.DRAFT);
    }

    Event update(Details newDetails, Actor applicant, Instant now) {
        requireEditable("changed");
        details = newDetails;
        updatedAt = now;
        return new Event("DETAILS_UPDATED", status, status, applicant, null, null);
    }

    void requireEditable(String what) {
        if (!status.editable()) {
            throw ApiProblem.of(409, "KYC_NOT_EDITABLE", "Application " + id + " is " + status
                    + "; documents and details can be " + what + " only in DRAFT or MORE_INFO_REQUESTED.");
        }
    }

    Event submit(List<StoredDocument> documents, Actor applicant, Instant now) {
        KycStatus from = status;
        require(KycStatus.SUBMITTED, "submitted");
        Set<KycDocumentKind> missing = EnumSet.allOf(KycDocumentKind.class);
        documents.forEach(d -> missing.remove(KycDocumentKind.valueOf(d.kind())));
        if (!missing.isEmpty()) {
            throw ApiProblem.of(422, "KYC_DOCUMENTS_MISSING", "Upload " + missing + " before submitting.")
                    .with("missing", missing.stream().map(Enum::name).toList());
        }
        status = KycStatus.SUBMITTED;
        submittedAt = now;
        reviewer = null;
        reviewedAt = null;
        decisionReason = null;
        updatedAt = now;
        return new Event(from == KycStatus.DRAFT ? "SUBMITTED" : "RESUBMITTED", from, status, applicant, null, null);
    }

    /** The first review (the maker): a platform admin finds the application in order and recommends approval. */
    Event review(Actor admin, String note, Instant now) {
        KycStatus from = status;
        require(KycStatus.REVIEWED, "reviewed");
        status = KycStatus.REVIEWED;
        reviewer = admin;
        reviewedAt = now;
        updatedAt = now;
        return new Event("REVIEWED", from, status, admin, note, null);
    }

    /** The approval (the checker): another platform admin than the first reviewer. */
    Event approve(Actor admin, String note, Instant now) {
        if (status == KycStatus.SUBMITTED) {
            throw ApiProblem.of(409, "KYC_NOT_REVIEWED", "Application " + id
                    + " needs a first review (POST .../review) by one platform admin before another approves it.");
        }
        KycStatus from = status;
        require(KycStatus.APPROVED, "approved");
        if (reviewer != null && reviewer.id().equals(admin.id())) {
            throw ApiProblem.of(403, "SAME_REVIEWER", "Four eyes: " + admin.name()
                    + " reviewed application " + id + " first and cannot also approve it; another platform admin must.");
        }
        status = KycStatus.APPROVED;
        approver = admin;
        approvedAt = now;
        updatedAt = now;
        return new Event("APPROVED", from, status, admin, note, null);
    }

    Event requestMoreInformation(Actor admin, String reason, Instant now) {
        KycStatus from = status;
        require(KycStatus.MORE_INFO_REQUESTED, "sent back for more information");
        status = KycStatus.MORE_INFO_REQUESTED;
        decisionReason = reason;
        updatedAt = now;
        return new Event("MORE_INFO_REQUESTED", from, status, admin, reason, null);
    }

    Event reject(Actor admin, String reason, Instant now) {
        KycStatus from = status;
        require(KycStatus.REJECTED, "rejected");
        status = KycStatus.REJECTED;
        decisionReason = reason;
        updatedAt = now;
        return new Event("REJECTED", from, status, admin, reason, null);
    }

    // ---- activation on the ledger, after approval; each step once ----

    boolean activated() {
        return activatedAt != null;
    }

    void requireApproved() {
        if (status != KycStatus.APPROVED) {
            throw ApiProblem.of(409, "INVALID_KYC_STATE", "Application " + id + " is " + status + ", not APPROVED.");
        }
    }

    Event identityEnrolled(String enrollment, Actor admin, Instant now) {
        enrollmentId = enrollment;
        updatedAt = now;
        return new Event("LEDGER_IDENTITY_ENROLLED", status, status, admin, "enrollment id " + enrollment, null);
    }

    Event registered(String tx, Actor admin, Instant now) {
        registeredTx = tx;
        updatedAt = now;
        return new Event("REGISTERED_ON_LEDGER", status, status, admin, null, tx);
    }

    Event anchored(String tx, Actor admin, Instant now) {
        anchorTx = tx;
        activatedAt = now;
        updatedAt = now;
        return new Event("KYC_RECORD_ANCHORED", status, status, admin, "sha256 " + recordHash, tx);
    }

    private void require(KycStatus next, String verb) {
        if (!status.canBecome(next)) {
            throw ApiProblem.of(409, "INVALID_KYC_STATE", "Application " + id + " is " + status + " and cannot be "
                    + verb + ".").with("status", status.name());
        }
    }

    /**
     * The canonical form whose SHA-256 is anchored as KYC/{id} and registered as the enterprise's KYC hash:
     * the applicant's declarations, the documents' hashes and the two admins who decided.
     */
    Map<String, Object> canonical(List<StoredDocument> documents) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recordType", "KYC");
        m.put("applicationId", id);
        m.put("enterpriseId", enterpriseId);
        m.put("role", role);
        m.put("legalName", details.legalName());
        m.put("unifiedSocialCreditCode", details.uscc());
        List<Object> contacts = new ArrayList<>();
        details.contacts().forEach(c -> contacts.add(c.canonical()));
        m.put("contacts", contacts);
        m.put("settlementAccount", details.settlementAccount().canonical());
        m.put("documents", Documents.canonical(documents));
        Map<String, Object> decision = new LinkedHashMap<>();
        if (reviewer != null) {
            decision.put("reviewedBy", reviewer.id());
            decision.put("reviewedAt", reviewedAt);
        }
        if (approver != null) {
            decision.put("approvedBy", approver.id());
            decision.put("approvedAt", approvedAt);
        }
        m.put("decision", decision);
        return m;
    }
}
