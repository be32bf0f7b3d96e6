package com.scfledger.platform.kyc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.scfledger.platform.OnboardingTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** KYC onboarding through the API against the real network: maker-checker review, ledger activation, anchoring. */
class KycOnboardingIntegrationTest extends OnboardingTestBase {

    private String maker;
    private String checker;

    @BeforeEach
    void admins() {
        maker = adminToken();
        checker = secondAdminToken();
    }

    @Test
    void anInvitedSupplierIsAdmittedByTwoAdminsAndItsRecordIsAnchoredOnTheLedger() {
        Applicant supplier = invite(maker, "SUP", "SUPPLIER");
        String appId = applyForKyc(supplier);
        Response submitted = is(get("/api/v1/kyc/applications/" + appId, supplier.user()), 200);
        assertThat(submitted.json().path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.json().path("documents")).hasSize(2);
        System.out.println("KYC submitted: " + submitted.body());

        // approval before a first review, and by the first reviewer, are refused
        assertThat(code(is(post("/api/v1/admin/kyc/applications/" + appId + "/approve", "", bearer(checker)), 409)))
                .isEqualTo("KYC_NOT_REVIEWED");
        Response reviewed = is(post("/api/v1/admin/kyc/applications/" + appId + "/review", Map.of("note", "licence checked"),
                bearer(maker)), 200);
        assertThat(reviewed.json().path("status").asString()).isEqualTo("REVIEWED");
        Response same = is(post("/api/v1/admin/kyc/applications/" + appId + "/approve", "", bearer(maker)), 403);
        assertThat(code(same)).isEqualTo("SAME_REVIEWER");
        System.out.println("KYC same reviewer: " + same.body());

        Response approved = is(post("/api/v1/admin/kyc/applications/" + appId + "/approve", Map.of("note", "ok"),
                bearer(checker)), 200);
        System.out.println("KYC approved: " + approved.body());
        JsonNode a = approved.json();
        assertThat(a.path("status").asString()).isEqualTo("APPROVED");
        String hash = a.path("recordHash").asString();
        assertThat(hash).matches("[0-9a-f]{64}");
        assertThat(a.path("ledger").path("enrollmentId").asString()).startsWith(supplier.id().toLowerCase());
        assertThat(a.path("ledger").path("registeredTx").asString()).matches("[0-9a-f]{64}");
        assertThat(a.path("ledger").path("anchorTx").asString()).matches("[0-9a-f]{64}");
        assertThat(a.path("timeline").findValuesAsString("action")).containsSubsequence("CREATED", "DOCUMENT_UPLOADED",
                "SUBMITTED", "REVIEWED", "APPROVED", "LEDGER_IDENTITY_ENROLLED", "KYC_RECORD_ANCHORED", "REGISTERED_ON_LEDGER");

        JsonNode enterprise = is(get("/api/v1/admin/enterprises/" + supplier.id(), bearer(maker)), 200).json();
        assertThat(enterprise.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(enterprise.path("kycHash").asString()).isEqualTo(hash);
        // the ledger's enterprise record carries the same hash
        JsonNode onLedger = json.readTree(ledgerClient.evaluate(supplier.id(), "GetEnterprise", supplier.id()));
        assertThat(onLedger.path("kycHash").asString()).isEqualTo(hash);

        Response verified = is(get("/api/v1/verify/KYC/" + appId, supplier.user()), 200);
        System.out.println("KYC verify: " + verified.body());
        assertThat(verified.json().path("status").asString()).isEqualTo("VERIFIED");
        assertThat(verified.json().path("anchoredHash").asString()).isEqualTo(hash);
        assertThat(verified.json().path("computedHash").asString()).isEqualTo(hash);

        // the supplier can now act on the ledger with its own identity
        assertThat(code(is(post("/api/v1/admin/kyc/applications/" + appId + "/activation", "", bearer(maker)), 409)))
                .isEqualTo("ALREADY_ACTIVATED");
    }

    @Test
    void moreDocumentsCanBeRequestedAndTheReviewStartsOver() {
        Applicant core = invite(maker, "CORE", "CORE");
        String appId = applyForKyc(core);
        is(post("/api/v1/admin/kyc/applications/" + appId + "/review", "", bearer(maker)), 200);
        Response back = is(post("/api/v1/admin/kyc/applications/" + appId + "/request-documents",
                Map.of("reason", "the business licence scan is illegible"), bearer(checker)), 200);
        assertThat(back.json().path("status").asString()).isEqualTo("MORE_INFO_REQUESTED");
        assertThat(back.json().path("decisionReason").asString()).contains("illegible");

        is(upload("/api/v1/kyc/applications/" + appId + "/documents", Map.of("kind", "BUSINESS_LICENCE"), "licence-2.pdf",
                pdf(), core.user()), 201);
        Response again = is(post("/api/v1/kyc/applications/" + appId + "/submit", "", core.user()), 200);
        assertThat(again.json().path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(again.json().path("reviewedBy").isMissingNode() || again.json().path("reviewedBy").isNull()).isTrue();

        // the checker of the first round may be the maker of the second; then the other admin approves
        is(post("/api/v1/admin/kyc/applications/" + appId + "/review", "", bearer(checker)), 200);
        assertThat(code(is(post("/api/v1/admin/kyc/applications/" + appId + "/approve", "", bearer(checker)), 403)))
                .isEqualTo("SAME_REVIEWER");
        is(post("/api/v1/admin/kyc/applications/" + appId + "/approve", "", bearer(maker)), 200);
    }

    @Test
    void aRejectionIsFinalAndCarriesItsReason() {
        Applicant bank = invite(maker, "BANK", "BANK");
        String appId = applyForKyc(bank);
        Response rejected = is(post("/api/v1/admin/kyc/applications/" + appId + "/reject",
                Map.of("reason", "sanctions screening hit"), bearer(maker)), 200);
        assertThat(rejected.json().path("status").asString()).isEqualTo("REJECTED");
        assertThat(code(is(post("/api/v1/admin/kyc/applications/" + appId + "/review", "", bearer(checker)), 409)))
                .isEqualTo("INVALID_KYC_STATE");
        assertThat(code(is(post("/api/v1/admin/kyc/applications/" + appId + "/reject", Map.of(), bearer(maker)), 400)))
                .isEqualTo("VALIDATION_FAILED");
        assertThat(get("/api/v1/admin/enterprises/" + bank.id(), bearer(maker)).json().path("status").asString())
                .isEqualTo("PENDING");
        assertThat(is(get("/api/v1/verify/KYC/" + appId, bearer(maker)), 200).json().path("status").asString())
                .isEqualTo("NOT_ANCHORED");
    }

    @Test
    void theApplicationIsValidatedAtTheEdge() {
        Applicant supplier = invite(maker, "SUP", "SUPPLIER");
        Map<String, Object> bad = new HashMap<>(kycApplication("Bad Code Ltd"));
        bad.put("unifiedSocialCreditCode", "91350100M000100Y44"); // check character should be 3
        Response r = is(post("/api/v1/kyc/applications", bad, supplier.user()), 400);
        assertThat(code(r)).isEqualTo("VALIDATION_FAILED");
        assertThat(r.body()).contains("unifiedSocialCreditCode").contains("check character");

        Map<String, Object> wrongRole = new HashMap<>(kycApplication("Wrong Role Ltd"));
        wrongRole.put("role", "BANK");
        assertThat(code(is(post("/api/v1/kyc/applications", wrongRole, supplier.user()), 422))).isEqualTo("ROLE_MISMATCH");

        Response created = is(post("/api/v1/kyc/applications", kycApplication("Fine Ltd"), supplier.user()), 201);
        String appId = created.json().path("id").asString();
        assertThat(code(is(post("/api/v1/kyc/applications", kycApplication("Twice Ltd"), supplier.user()), 409)))
                .isEqualTo("KYC_APPLICATION_OPEN");
        Response missing = is(post("/api/v1/kyc/applications/" + appId + "/submit", "", supplier.user()), 422);
        assertThat(code(missing)).isEqualTo("KYC_DOCUMENTS_MISSING");

        // another enterprise cannot see it, admins' endpoints are for admins
        Applicant other = invite(maker, "SUP", "SUPPLIER");
        assertThat(code(is(get("/api/v1/kyc/applications/" + appId, other.user()), 404)))
                .isEqualTo("KYC_APPLICATION_NOT_FOUND");
        assertThat(code(is(post("/api/v1/admin/kyc/applications/" + appId + "/review", "", supplier.user()), 403)))
                .isEqualTo("FORBIDDEN");
    }

    @Test
    void theEndpointsAreDescribedForTheWebClient() {
        JsonNode docs = is(get("/v3/api-docs"), 200).json();
        JsonNode paths = docs.path("paths");
        for (String p : List.of("/api/v1/kyc/applications", "/api/v1/kyc/applications/{id}/submit",
                "/api/v1/admin/kyc/applications/{id}/approve", "/api/v1/financing/applications",
                "/api/v1/financing/applications/{id}/underwriting", "/api/v1/financing/applications/{id}/approve",
                "/api/v1/financing/credit-limits/{obligorId}", "/api/v1/financing/queue", "/api/v1/verify/{type}/{id}",
                "/api/v1/audit/verification", "/api/v1/audit/entries")) {
            assertThat(paths.has(p)).as(p).isTrue();
        }
        JsonNode upload = paths.path("/api/v1/kyc/applications/{id}/documents").path("post");
        JsonNode multipart = upload.path("requestBody").path("content").path("multipart/form-data").path("schema");
        assertThat(multipart.toString()).contains("\"file\"").contains("binary");
        assertThat(upload.path("description").asString()).contains("DOCUMENT_TOO_LARGE");
        assertThat(docs.path("components").path("schemas").has("Underwriting")).isTrue();
    }
}
