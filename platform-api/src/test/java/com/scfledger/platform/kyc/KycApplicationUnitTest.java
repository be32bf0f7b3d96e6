package com.scfledger.platform.kyc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.scfledger.platform.document.StoredDocument;
import com.scfledger.platform.problem.ApiProblem;
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

    private static KycApplication draft() {
        return KycApplication.draft("KYC-1", "SUP-1", "SUPPLIER", new KycApplication.Details("Acme Ltd", "91350100M000100Y43",
                List.of(new KycApplication.Contact("Li", "li@example.cn", "+86 21 1234 5678", null)),
                new KycApplication.SettlementAccount("Bank", null, "Acme Ltd", "6222020200112233")), APPLICANT, NOW);
    }

    private static String code(Runnable r) {
        try {
            r.run();
        } catch (ApiProblem p) {
            return p.code();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void bothDocumentsAreNeededToSubmit() {
        KycApplication a = draft();
        assertThat(code(() -> a.submit(List.of(doc("BUSINESS_LICENCE")), APPLICANT, NOW))).isEqualTo("KYC_DOCUMENTS_MISSING");
        a.submit(DOCS, APPLICANT, NOW);
        assertThat(a.status).isEqualTo(KycStatus.SUBMITTED);
    }

    @Test
    void theApproverIsNotTheFirstReviewer() {
        KycApplication a = draft();
        a.submit(DOCS, APPLICANT, NOW);
        assertThat(code(() -> a.approve(CHECKER, null, NOW))).isEqualTo("KYC_NOT_REVIEWED");
        a.review(MAKER, "ok", NOW);
        assertThat(code(() -> a.approve(MAKER, null, NOW))).isEqualTo("SAME_REVIEWER");
        a.approve(CHECKER, null, NOW);
        assertThat(a.status).isEqualTo(KycStatus.APPROVED);
        assertThat(code(() -> a.reject(CHECKER, "late", NOW))).isEqualTo("INVALID_KYC_STATE");
    }

    @Test
    void moreInformationSendsItBackAndTheReviewStartsOver() {
        KycApplication a = draft();
        a.submit(DOCS, APPLICANT, NOW);
        a.review(MAKER, null, NOW);
        a.requestMoreInformation(CHECKER, "blurred scan", NOW);
        assertThat(a.status.editable()).isTrue();
        a.submit(DOCS, APPLICANT, NOW);
        assertThat(a.reviewer).isNull();
        a.review(CHECKER, null, NOW);
        assertThat(code(() -> a.approve(CHECKER, null, NOW))).isEqualTo("SAME_REVIEWER");
        a.approve(MAKER, null, NOW);
    }

    @Test
    void detailsChangeOnlyWhileEditable() {
        KycApplication a = draft();
        a.submit(DOCS, APPLICANT, NOW);
        assertThat(code(() -> a.update(a.details, APPLICANT, NOW))).isEqualTo("KYC_NOT_EDITABLE");
    }

    @Test
    void theCanonicalRecordNamesTheDeclarationsTheDocumentsAndBothAdmins() {
        KycApplication a = draft();
        a.submit(DOCS, APPLICANT, NOW);
        a.review(MAKER, null, NOW);
        a.approve(CHECKER, null, NOW);
        Map<String, Object> c = a.canonical(DOCS);
        String json = Canonical.json(c);
        assertThat(json).startsWith("{\"applicationId\":\"KYC-1\",\"contacts\":[{\"email\":\"li@example.cn\"")
                .contains("\"decision\":{\"approvedAt\":\"2026-03-02T08:00:00.123456Z\",\"approvedBy\":\"a2\","
                        + "\"reviewedAt\":\"2026-03-02T08:00:00.123456Z\",\"reviewedBy\":\"a1\"}")
                .contains("\"unifiedSocialCreditCode\":\"91350100M000100Y43\"")
                .doesNotContain("\"title\"").doesNotContain("\"branch\"");
        a.details = new KycApplication.Details("Acme Holdings Ltd", a.details.uscc(), a.details.contacts(),
                a.details.settlementAccount());
        assertThat(Canonical.hash(a.canonical(DOCS))).isNotEqualTo(Canonical.hash(c));
    }
}
