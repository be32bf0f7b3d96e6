package com.scfledger.platform.kyc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.scfledger.platform.approval.Actor;
import com.scfledger.platform.approval.Approval;
import com.scfledger.platform.approval.RefusalCodes;
import com.scfledger.platform.approval.Signature;
import com.scfledger.platform.approval.TimelineEntry;
import com.scfledger.platform.approval.TimelineFacts;
import com.scfledger.platform.document.Documents;
import com.scfledger.platform.document.StoredDocument;
import com.scfledger.platform.domain.InvalidTransition;
import com.scfledger.platform.domain.Reason;
import com.scfledger.platform.verify.Canonical;

/**
 * A KYC application and the rules of its life (see {@link KycStatus}) on the shared maker-checker {@link Approval}:
 * a first platform admin reviews (the maker), another approves (the checker). Every step checks the state and the
 * actor, changes the application and returns the {@link TimelineEntry} to record; the service only loads, calls and
 * saves. After the approval the enterprise is activated on the ledger, one recorded step at a time.
 */
final class KycApplication {

    static final RefusalCodes REFUSALS = new RefusalCodes(Reason.INVALID_KYC_STATE, Reason.KYC_NOT_EDITABLE,
            Reason.KYC_DOCUMENTS_MISSING, Reason.SAME_REVIEWER);

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
        Details {
            contacts = List.copyOf(contacts);
        }
    }

    /** The ledger side of an approval: identity, registration, anchor (each null until done). */
    record Activation(String enrollmentId, String registeredTx, String anchorTx, Instant activatedAt) {
        static final Activation NONE = new Activation(null, null, null, null);
    }

    private final String id;
    private final String enterpriseId;
    private final String role;
    private final String createdBy;
    private final Instant createdAt;
    private final Approval<KycStatus> approval;
    private Details details;
    private String recordHash;
    private Activation activation;

    private KycApplication(String id, String enterpriseId, String role, String createdBy, Instant createdAt,
                           Details details, Approval<KycStatus> approval, String recordHash, Activation activation) {
        this.id = id;
        this.enterpriseId = enterpriseId;
        this.role = role;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.details = details;
        this.approval = approval;
        this.recordHash = recordHash;
        this.activation = activation;
    }

    static KycApplication draft(String id, String enterpriseId, String role, Details details, Actor applicant, Instant now) {
        return new KycApplication(id, enterpriseId, role, applicant.id(), now, details,
                Approval.start(id, REFUSALS, KycStatus.DRAFT, now), null, Activation.NONE);
    }

    /** The application as {@link KycRepository} saved it. */
    static KycApplication restore(String id, String enterpriseId, String role, String createdBy, Instant createdAt,
                                  Details details, Approval<KycStatus> approval, String recordHash, Activation activation) {
        return new KycApplication(id, enterpriseId, role, createdBy, createdAt, details, approval, recordHash, activation);
    }

    // ---- the applicant ----

    TimelineEntry created(Actor applicant) {
        return approval.created(applicant, TimelineFacts.NONE);
    }

    TimelineEntry update(Details newDetails, Actor applicant, Instant now) {
        approval.requireEditable("changed");
        details = newDetails;
        return approval.note("DETAILS_UPDATED", applicant, TimelineFacts.NONE, null, now);
    }

    void requireEditable(String what) {
        approval.requireEditable(what);
    }

    TimelineEntry documentAdded(StoredDocument document, Actor applicant) {
        return approval.documentAdded(document, applicant);
    }

    /** Submits with both kinds of document; after MORE_INFO_REQUESTED the review starts over. */
    TimelineEntry submit(List<StoredDocument> documents, Actor applicant, Instant now) {
        String action = status() == KycStatus.DRAFT ? "SUBMITTED" : "RESUBMITTED";
        approval.requireCanBecome(KycStatus.SUBMITTED, "submitted");
        approval.requireDocuments(KycDocumentKind.class, documents);
        return approval.submit(KycStatus.SUBMITTED, action, applicant, TimelineFacts.NONE, null, now);
    }

    // ---- platform admins ----

    /** The first review (the maker): a platform admin finds the application in order and recommends approval. */
    TimelineEntry review(Actor admin, String note, Instant now) {
        TimelineEntry entry = approval.move(KycStatus.REVIEWED, "reviewed", "REVIEWED", admin, TimelineFacts.NONE, note,
                null, now);
        approval.signAsMaker(admin, now);
        return entry;
    }

    /**
     * The approval (the checker): another platform admin than the first reviewer. Fixes the KYC record's hash, which
     * covers the documents as they are now and both admins.
     */
    TimelineEntry approve(Actor admin, String note, List<StoredDocument> documents, Instant now) {
        if (status() == KycStatus.SUBMITTED) {
            throw new InvalidTransition(Reason.KYC_NOT_REVIEWED, "Application " + id
                    + " needs a first review (POST .../review) by one platform admin before another approves it.");
        }
        approval.requireCanBecome(KycStatus.APPROVED, "approved");
        approval.signAsChecker(admin, now);
        TimelineEntry entry = approval.move(KycStatus.APPROVED, "approved", "APPROVED", admin, TimelineFacts.NONE, note,
                null, now);
        recordHash = Canonical.hash(canonical(documents));
        return entry;
    }

    TimelineEntry requestMoreInformation(Actor admin, String reason, Instant now) {
        return approval.decideAgainst(KycStatus.MORE_INFO_REQUESTED, "sent back for more information",
                "MORE_INFO_REQUESTED", admin, reason, TimelineFacts.NONE, null, now);
    }

    TimelineEntry reject(Actor admin, String reason, Instant now) {
        return approval.decideAgainst(KycStatus.REJECTED, "rejected", "REJECTED", admin, reason, TimelineFacts.NONE,
                null, now);
    }

    // ---- activation on the ledger, after approval; each step once ----

    boolean activated() {
        return activation.activatedAt() != null;
    }

    void requireApproved() {
        if (status() != KycStatus.APPROVED) {
            throw approval.invalidTransition("activated before it is APPROVED");
        }
    }

    TimelineEntry identityEnrolled(String enrollment, Actor admin, Instant now) {
        requireApproved();
        activation = new Activation(enrollment, activation.registeredTx(), activation.anchorTx(), activation.activatedAt());
        return approval.note("LEDGER_IDENTITY_ENROLLED", admin, TimelineFacts.builder().enrollment(enrollment).build(),
                null, now);
    }

    TimelineEntry registered(String tx, Actor admin, Instant now) {
        requireApproved();
        activation = new Activation(activation.enrollmentId(), tx, activation.anchorTx(), activation.activatedAt());
        return approval.note("REGISTERED_ON_LEDGER", admin, TimelineFacts.NONE, tx, now);
    }

    TimelineEntry anchored(String tx, Actor admin, Instant now) {
        requireApproved();
        activation = new Activation(activation.enrollmentId(), activation.registeredTx(), tx, now);
        return approval.note("KYC_RECORD_ANCHORED", admin,
                TimelineFacts.builder().record(KycService.RECORD_TYPE, id, recordHash).build(), tx, now);
    }

    /** A ledger step failed; the approval stands and the activation is resumed later. */
    TimelineEntry activationFailed(String step, String code, String detail, Actor admin, Instant now) {
        return approval.remark("ACTIVATION_FAILED", admin, TimelineFacts.builder().step(step).problem(code, detail)
                .build(), now);
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
        if (reviewer() != null) {
            decision.put("reviewedBy", reviewer().by().id());
            decision.put("reviewedAt", reviewer().at());
        }
        if (approver() != null) {
            decision.put("approvedBy", approver().by().id());
            decision.put("approvedAt", approver().at());
        }
        m.put("decision", decision);
        return m;
    }

    // ---- reads ----

    String id() {
        return id;
    }

    String enterpriseId() {
        return enterpriseId;
    }

    String role() {
        return role;
    }

    String createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    Details details() {
        return details;
    }

    KycStatus status() {
        return approval.status();
    }

    /** Status, version, submission, both admins' signatures and the reason of a decision against the applicant. */
    Approval<KycStatus> approval() {
        return approval;
    }

    /** The first reviewer (the maker), null until reviewed and again after a resubmission. */
    Signature reviewer() {
        return approval.maker();
    }

    /** The approving admin (the checker). */
    Signature approver() {
        return approval.checker();
    }

    String recordHash() {
        return recordHash;
    }

    Activation activation() {
        return activation;
    }
}
