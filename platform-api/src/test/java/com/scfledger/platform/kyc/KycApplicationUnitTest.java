package com.scfledger.platform.kyc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.scfledger.platform.approval.Actor;
import com.scfledger.platform.approval.Signature;
import com.scfledger.platform.approval.TimelineEntry;
import com.scfledger.platform.approval.TimelineFacts;
import com.scfledger.platform.document.StoredDocument;
import com.scfledger.platform.domain.DomainException;
import com.scfledger.platform.verify.Canonical;
import org.junit.jupiter.api.Test;

class KycApplicationUnitTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00.123456Z");
    private static final Actor APPLICANT = new Actor("u0", "applicant");
    private static final Actor MAKER = new Actor("a1", "maker");
    private static final Actor CHECKER = new Actor("a2", "checker");
    private static final List<StoredDocument> DOCS = List.of(doc("BUSINESS_LICENCE"), doc("SIGNATORY_ID"));

    private static StoredDocument doc(String kind) {
        return new StoredDocument(UUID.nameUUIDFromBytes(kind.getBytes()), kind, kind + ".pdf", "application/pdf", 10,
                Canonical.sha256Hex(kind), "u0", NOW);
    }

    private static KycApplication.Details details(String legalName) {
        return new KycApplication.Details(legalName, "91350100M000100Y43",
                List.of(new KycApplication.Contact("Li", "li@example.cn", "+86 21 1234 5678", null)),
                new KycApplication.SettlementAccount("Bank", null, "Acme Ltd", "6222020200112233"));
    }

    private static KycApplication draft() {
        return KycApplication.draft("KYC-1", "SUP-1", "SUPPLIER", details("Acme Ltd"), APPLICANT, NOW);
    }

    private static KycApplication approved(String legalName) {
        KycApplication a = KycApplication.draft("KYC-1", "SUP-1", "SUPPLIER", details(legalName), APPLICANT, NOW);
        a.submit(DOCS, APPLICANT, NOW);
        a.review(MAKER, null, NOW);
        a.approve(CHECKER, null, DOCS, NOW);
        return a;
    }

    private static String code(Runnable r) {
        try {
            r.run();
        } catch (DomainException p) {
            return p.reason().name();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void theGraphIsTheDocumentedOne() {
        List<String> legal = new ArrayList<>();
        for (KycStatus from : KycStatus.values()) {
            for (KycStatus to : KycStatus.values()) {
                if (from.canBecome(to)) {
                    legal.add(from + ">" + to);
                }
            }
        }
        assertThat(legal).containsExactlyInAnyOrder("DRAFT>SUBMITTED", "SUBMITTED>REVIEWED",
                "SUBMITTED>MORE_INFO_REQUESTED", "SUBMITTED>REJECTED", "REVIEWED>MORE_INFO_REQUESTED",
                "REVIEWED>REJECTED", "REVIEWED>APPROVED", "MORE_INFO_REQUESTED>SUBMITTED");
    }

    @Test
    void bothDocumentsAreNeededToSubmit() {
        KycApplication a = draft();
        assertThat(code(() -> a.submit(List.of(doc("BUSINESS_LICENCE")), APPLICANT, NOW))).isEqualTo("KYC_DOCUMENTS_MISSING");
        assertThat(a.status()).isEqualTo(KycStatus.DRAFT);
        TimelineEntry e = a.submit(DOCS, APPLICANT, NOW);
        assertThat(a.status()).isEqualTo(KycStatus.SUBMITTED);
        assertThat(e).isEqualTo(new TimelineEntry("SUBMITTED", "DRAFT", "SUBMITTED", APPLICANT, TimelineFacts.NONE, null,
                null, NOW));
        assertThat(a.approval().submittedAt()).isEqualTo(NOW);
    }

    @Test
    void theApproverIsNotTheFirstReviewer() {
        KycApplication a = draft();
        a.submit(DOCS, APPLICANT, NOW);
        assertThat(code(() -> a.approve(CHECKER, null, DOCS, NOW))).isEqualTo("KYC_NOT_REVIEWED");
        a.review(MAKER, "ok", NOW);
        assertThat(a.reviewer()).isEqualTo(new Signature(MAKER, NOW));
        assertThat(code(() -> a.approve(MAKER, null, DOCS, NOW))).isEqualTo("SAME_REVIEWER");
        assertThat(a.status()).isEqualTo(KycStatus.REVIEWED);
        assertThat(a.recordHash()).isNull();
        a.approve(CHECKER, null, DOCS, NOW);
        assertThat(a.status()).isEqualTo(KycStatus.APPROVED);
        assertThat(a.approver()).isEqualTo(new Signature(CHECKER, NOW));
        assertThat(a.recordHash()).isEqualTo(Canonical.hash(a.canonical(DOCS)));
        assertThat(code(() -> a.reject(CHECKER, "late", NOW))).isEqualTo("INVALID_KYC_STATE");
    }

    @Test
    void moreInformationSendsItBackAndTheReviewStartsOver() {
        KycApplication a = draft();
        a.submit(DOCS, APPLICANT, NOW);
        a.review(MAKER, null, NOW);
        a.requestMoreInformation(CHECKER, "blurred scan", NOW);
        assertThat(a.status().editable()).isTrue();
        assertThat(a.approval().reason()).isEqualTo("blurred scan");
        assertThat(a.submit(DOCS, APPLICANT, NOW).action()).isEqualTo("RESUBMITTED");
        assertThat(a.reviewer()).isNull();
        assertThat(a.approval().reason()).isNull();
        a.review(CHECKER, null, NOW);
        assertThat(code(() -> a.approve(CHECKER, null, DOCS, NOW))).isEqualTo("SAME_REVIEWER");
        a.approve(MAKER, null, DOCS, NOW);
        assertThat(a.status()).isEqualTo(KycStatus.APPROVED);
    }

    @Test
    void detailsChangeOnlyWhileEditable() {
        KycApplication a = draft();
        assertThat(a.update(details("Acme Holdings Ltd"), APPLICANT, NOW).action()).isEqualTo("DETAILS_UPDATED");
        assertThat(a.details().legalName()).isEqualTo("Acme Holdings Ltd");
        a.submit(DOCS, APPLICANT, NOW);
        assertThat(code(() -> a.update(details("Other Ltd"), APPLICANT, NOW))).isEqualTo("KYC_NOT_EDITABLE");
        assertThat(code(() -> a.documentAdded(doc("SIGNATORY_ID"), APPLICANT))).isEqualTo("KYC_NOT_EDITABLE");
        assertThat(a.details().legalName()).isEqualTo("Acme Holdings Ltd");
    }

    @Test
    void theLedgerActivationFollowsOnlyAnApproval() {
        KycApplication a = draft();
        assertThat(code(a::requireApproved)).isEqualTo("INVALID_KYC_STATE");
        assertThat(code(() -> a.identityEnrolled("e-1", MAKER, NOW))).isEqualTo("INVALID_KYC_STATE");
        KycApplication b = approved("Acme Ltd");
        b.identityEnrolled("e-1", CHECKER, NOW);
        b.registered("tx-reg", CHECKER, NOW);
        assertThat(b.activated()).isFalse();
        TimelineEntry e = b.anchored("tx-anchor", CHECKER, NOW);
        assertThat(e.facts()).isEqualTo(TimelineFacts.builder().record("KYC", b.id(), b.recordHash()).build());
        assertThat(e.note()).isNull();
        assertThat(b.activation()).isEqualTo(new KycApplication.Activation("e-1", "tx-reg", "tx-anchor", NOW));
        assertThat(b.activated()).isTrue();
    }

    @Test
    void theCanonicalRecordNamesTheDeclarationsTheDocumentsAndBothAdmins() {
        KycApplication a = approved("Acme Ltd");
        Map<String, Object> c = a.canonical(DOCS);
        String json = Canonical.json(c);
        assertThat(json).startsWith("{\"applicationId\":\"KYC-1\",\"contacts\":[{\"email\":\"li@example.cn\"")
                .contains("\"decision\":{\"approvedAt\":\"2026-03-02T08:00:00.123456Z\",\"approvedBy\":\"a2\","
                        + "\"reviewedAt\":\"2026-03-02T08:00:00.123456Z\",\"reviewedBy\":\"a1\"}")
                .contains("\"unifiedSocialCreditCode\":\"91350100M000100Y43\"")
                .doesNotContain("\"title\"").doesNotContain("\"branch\"");
        assertThat(Canonical.hash(approved("Acme Holdings Ltd").canonical(DOCS))).isNotEqualTo(Canonical.hash(c));
    }
}
