package com.scfledger.platform.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.scfledger.platform.OnboardingTestBase;
import com.scfledger.platform.verify.Canonical;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Bad uploads are refused with a clear problem, and nothing of them is stored (no row, no event); the audit log has them. */
class DocumentUploadIntegrationTest extends OnboardingTestBase {

    private long documentsOf(String ownerId) {
        return jdbc.sql("SELECT count(*) FROM documents WHERE owner_id = :o").param("o", ownerId).query(Long.class).single();
    }

    @Test
    void emptyTooLargeWrongTypeAndMismatchedFilesAreRefusedAndNothingIsHalfStored() {
        String admin = adminToken();
        Applicant applicant = invite(admin, "SUP", "SUPPLIER");
        String appId = is(post("/api/v1/kyc/applications", kycApplication("Upload Test Ltd"), applicant.user()), 201)
                .json().path("id").asString();
        String path = "/api/v1/kyc/applications/" + appId + "/documents";
        Map<String, String> licence = Map.of("kind", "BUSINESS_LICENCE");

        Response empty = is(upload(path, licence, "licence.pdf", new byte[0], applicant.user()), 400);
        System.out.println("UPLOAD empty: " + empty.body());
        assertThat(code(empty)).isEqualTo("DOCUMENT_EMPTY");

        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(pdf(), 0, big, 0, 100);
        Response tooLarge = is(upload(path, licence, "licence.pdf", big, applicant.user()), 413);
        System.out.println("UPLOAD too large: " + tooLarge.body());
        assertThat(code(tooLarge)).isEqualTo("DOCUMENT_TOO_LARGE");
        assertThat(tooLarge.json().path("maxBytes").asLong()).isEqualTo(10 * 1024 * 1024);

        byte[] huge = new byte[13 * 1024 * 1024];
        System.arraycopy(pdf(), 0, huge, 0, 100);
        assertThat(code(is(upload(path, licence, "licence.pdf", huge, applicant.user()), 413))).isEqualTo("DOCUMENT_TOO_LARGE");

        byte[] exe = "MZ\u0090\u0000 this program cannot be run in DOS mode"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Response wrongType = is(upload(path, licence, "licence.pdf", exe, applicant.user()), 415);
        System.out.println("UPLOAD wrong type: " + wrongType.body());
        assertThat(code(wrongType)).isEqualTo("DOCUMENT_TYPE_NOT_ALLOWED");

        Response renamed = is(upload(path, licence, "licence.pdf", png(), applicant.user()), 415);
        System.out.println("UPLOAD mismatch: " + renamed.body());
        assertThat(code(renamed)).isEqualTo("DOCUMENT_TYPE_MISMATCH");

        byte[] onlyMagic = "%PDF-1.7\n% no objects, no xref, no trailer\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        Response malformed = is(upload(path, licence, "licence.pdf", onlyMagic, applicant.user()), 415);
        System.out.println("UPLOAD malformed: " + malformed.body());
        assertThat(code(malformed)).isEqualTo("DOCUMENT_MALFORMED");

        assertThat(code(is(upload(path, licence, "licence.pdf", null, applicant.user()), 400))).isEqualTo("DOCUMENT_MISSING");
        assertThat(code(is(upload(path, Map.of("kind", "SELFIE"), "me.png", png(), applicant.user()), 400)))
                .isEqualTo("VALIDATION_FAILED");

        // nothing of the refused uploads was stored, and the timeline shows none
        assertThat(documentsOf(appId)).isZero();
        JsonNode view = is(get("/api/v1/kyc/applications/" + appId, applicant.user()), 200).json();
        assertThat(view.path("documents")).isEmpty();
        assertThat(view.path("timeline").findValuesAsString("action")).containsExactly("CREATED");

        // a good one is stored with its SHA-256; the application can still be completed
        byte[] good = pdf();
        Response stored = is(upload(path, licence, "licence.pdf", good, applicant.user()), 201);
        assertThat(stored.json().path("sha256").asString()).isEqualTo(Canonical.sha256Hex(good));
        assertThat(stored.json().path("contentType").asString()).isEqualTo("application/pdf");
        assertThat(documentsOf(appId)).isEqualTo(1);

        // the refusals are in the audit log, with their codes
        List<String> codes = is(get("/api/v1/audit/entries?enterpriseId=" + applicant.id() + "&limit=20", bearer(admin)), 200)
                .json().findValuesAsString("problemCode");
        assertThat(codes).contains("DOCUMENT_EMPTY", "DOCUMENT_TOO_LARGE", "DOCUMENT_TYPE_NOT_ALLOWED",
                "DOCUMENT_TYPE_MISMATCH", "DOCUMENT_MISSING");
    }

    @Test
    void aFinancingDraftRefusesBadDocumentsAlikeAndAcceptsNoneAfterSubmission() {
        String maker = adminToken();
        String checker = secondAdminToken();
        Party core = admit(maker, checker, "CORE", "CORE");
        Party supplier = admit(maker, checker, "SUP", "SUPPLIER");
        Party bank = admit(maker, checker, "BANK", "BANK");
        creditLimit(bank, core, 1_000_000);
        String id = apply(supplier, bank, activeToken(core, supplier, 90_000, today().plusDays(20)), "INV-U1");
        String path = "/api/v1/financing/applications/" + id + "/documents";
        assertThat(code(is(upload(path, Map.of("kind", "INVOICE"), "inv.jpg", pdf(), supplier.user()), 415)))
                .isEqualTo("DOCUMENT_TYPE_MISMATCH");
        assertThat(code(is(upload(path, Map.of("kind", "INVOICE"), "inv.pdf", new byte[0], supplier.user()), 400)))
                .isEqualTo("DOCUMENT_EMPTY");
        assertThat(documentsOf(id)).isEqualTo(2);
        is(post("/api/v1/financing/applications/" + id + "/submit", "", supplier.user()), 200);
        assertThat(code(is(upload(path, Map.of("kind", "INVOICE"), "late.pdf", pdf(), supplier.user()), 409)))
                .isEqualTo("FINANCING_NOT_EDITABLE");
        assertThat(code(is(upload(path, Map.of("kind", "INVOICE"), "x.pdf", pdf(), bank.user()), 403))).isEqualTo("FORBIDDEN");
        assertThat(documentsOf(id)).isEqualTo(2);
    }
}
