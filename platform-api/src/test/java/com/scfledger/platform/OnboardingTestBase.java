package com.scfledger.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.scfledger.platform.document.SampleFiles;
import com.scfledger.platform.kyc.UnifiedSocialCreditCode;
import tools.jackson.databind.JsonNode;

/**
 * On top of {@link NetworkIntegrationTestBase} (the real network, the real PostgreSQL, one shared context):
 * enterprises admitted through the KYC API (invited, apply with documents, reviewed by one platform admin,
 * approved by another, which enrolls, registers and anchors them), multipart uploads and the other helpers the
 * KYC, financing, verification and audit tests share.
 */
public abstract class OnboardingTestBase extends NetworkIntegrationTestBase {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    public static final String PASSWORD = "correct horse battery";

    /** A well-formed PDF with random text, so that distinct documents have distinct hashes. */
    public static byte[] pdf() {
        return SampleFiles.pdf("test document " + randomText(24));
    }

    /** A well-formed PNG with random text. */
    public static byte[] png() {
        return SampleFiles.png("test image " + randomText(24));
    }

    /** An invited enterprise (PENDING) and a logged-in user of it, who files the KYC application. */
    public record Applicant(String id, String role, String username, String token) {
        public String[] user() {
            return new String[] {"Authorization", "Bearer " + token};
        }
    }

    public static String code(Response r) {
        return r.json() == null ? null : r.json().path("code").asString(null);
    }

    /** Asserts the status (showing the body when it differs) and returns the response. */
    public static Response is(Response r, int status) {
        assertThat(r.status()).as("HTTP status; body: %s", r.body()).isEqualTo(status);
        return r;
    }

    // ---- HTTP beyond GET/POST ----

    protected Response put(String path, Object body, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .header("Content-Type", "application/json"), headers);
    }

    /** A multipart/form-data upload: the form fields, then the file (when not null) as the part named "file". */
    protected Response upload(String path, Map<String, String> fields, String fileName, byte[] content, String... headers) {
        String boundary = "----scf" + UUID.randomUUID().toString().replace("-", "");
        List<byte[]> parts = new ArrayList<>();
        fields.forEach((k, v) -> parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (content != null) {
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            parts.add(content);
            parts.add("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        parts.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArrays(parts))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary), headers);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private Response send(HttpRequest.Builder builder, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> r = HTTP.send(builder.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode node = null;
            String ct = r.headers().firstValue("Content-Type").orElse("");
            if (ct.contains("json") && !r.body().isEmpty()) {
                node = json.readTree(r.body());
            }
            return new Response(r.statusCode(), r.headers(), r.body(), node);
        } catch (Exception e) {
            throw new IllegalStateException("HTTP call failed: " + e, e);
        }
    }

    // ---- platform fixtures ----

    /** A new platform admin (the checker of a maker-checker review), logged in. */
    protected String secondAdminToken() {
        return login(createUser(adminToken(), OPERATOR, "PLATFORM_ADMIN"), PASSWORD);
    }

    /** An invited enterprise (PENDING, no ledger identity) and its first user. */
    protected Applicant invite(String adminToken, String prefix, String role) {
        String id = unique(prefix);
        expect(post("/api/v1/admin/enterprises", Map.of("id", id, "name", prefix + " Co., Ltd.", "role", role),
                bearer(adminToken)), 201, "invite " + id);
        String username = createUser(adminToken, id, role);
        return new Applicant(id, role, username, login(username, PASSWORD));
    }

    protected static Map<String, Object> kycApplication(String legalName) {
        return Map.of("legalName", legalName, "unifiedSocialCreditCode", randomUscc(),
                "contacts", List.of(Map.of("name", "Li Wei", "email", "li.wei@example.cn", "phone", "+86 21 5555 0100",
                        "title", "CFO")),
                "settlementAccount", Map.of("bankName", "Bank of Shanghai", "branch", "Pudong",
                        "accountName", legalName, "accountNumber", "6222020200112233"));
    }

    /** Applies, uploads both documents and submits; returns the application id. */
    protected String applyForKyc(Applicant applicant) {
        Response created = expect(post("/api/v1/kyc/applications", kycApplication(applicant.id() + " Co., Ltd."),
                applicant.user()), 201, "KYC application of " + applicant.id());
        String appId = created.json().path("id").asString();
        expect(upload("/api/v1/kyc/applications/" + appId + "/documents", Map.of("kind", "BUSINESS_LICENCE"), "licence.pdf",
                pdf(), applicant.user()), 201, "upload licence");
        expect(upload("/api/v1/kyc/applications/" + appId + "/documents", Map.of("kind", "SIGNATORY_ID"), "id-card.png",
                png(), applicant.user()), 201, "upload signatory id");
        expect(post("/api/v1/kyc/applications/" + appId + "/submit", "", applicant.user()), 200, "submit " + appId);
        return appId;
    }

    /**
     * An enterprise admitted through the whole KYC flow (invited, applies, reviewed by the maker, approved by the
     * checker: enrolled at its CA, registered on the ledger, its KYC record anchored), with an API key and a user.
     */
    protected Party admit(String maker, String checker, String prefix, String role) {
        Applicant a = invite(maker, prefix, role);
        String appId = applyForKyc(a);
        expect(post("/api/v1/admin/kyc/applications/" + appId + "/review", Map.of("note", "documents in order"),
                bearer(maker)), 200, "review " + appId);
        Response approved = expect(post("/api/v1/admin/kyc/applications/" + appId + "/approve", Map.of("note", "approved"),
                bearer(checker)), 200, "approve " + appId);
        assertThat(approved.json().path("ledger").path("anchorTx").asString(null)).isNotNull();
        String key = createApiKey(maker, a.id(), SCOPES.get(role).toArray(String[]::new));
        return new Party(a.id(), role, key, a.token());
    }

    // ---- tokens and financing ----

    /** Registers a payable from core to supplier and has the supplier accept it; returns the ACTIVE root token id. */
    protected String activeToken(Party core, Party supplier, long amount, LocalDate maturity) {
        String payableId = unique("PO");
        registerPayable(core, payableId, supplier, amount, maturity);
        Response accepted = expect(post("/api/v1/payables/" + payableId + "/accept?obligorId=" + core.id(), "",
                supplier.user()), 200, "accept " + payableId);
        JsonNode token = accepted.json().path("tokens").get(0);
        assertThat(token.path("status").asString()).isEqualTo("ACTIVE");
        return token.path("tokenId").asString();
    }

    /**
     * The bank's credit limit for the obligor in CNY, in force on the ledger: the bank's user proposes it and a second
     * user of the bank confirms the same figure. The ledger refuses every financing request against an obligor the
     * bank has no limit for. Returns the confirmed exposure.
     */
    protected JsonNode creditLimit(Party bank, Party obligor, long limitMinor) {
        String second = login(createUser(adminToken(), bank.id(), "BANK"), PASSWORD);
        return creditLimit(bank.userToken(), second, obligor, limitMinor);
    }

    protected JsonNode creditLimit(String proposer, String confirmer, Party obligor, long limitMinor) {
        Map<String, Object> body = Map.of("currency", "CNY", "limitMinor", limitMinor);
        expect(put("/api/v1/financing/credit-limits/" + obligor.id(), body, bearer(proposer)), 200,
                "propose limit for " + obligor.id());
        return expect(put("/api/v1/financing/credit-limits/" + obligor.id(), body, bearer(confirmer)), 200,
                "confirm limit for " + obligor.id()).json();
    }

    protected String apply(Party supplier, Party bank, String tokenId, String invoice) {
        Response created = is(post("/api/v1/financing/applications", Map.of("tokenId", tokenId, "bankId", bank.id(),
                "invoiceNumbers", List.of(invoice)), supplier.user()), 201);
        String id = created.json().path("id").asString();
        is(upload("/api/v1/financing/applications/" + id + "/documents", Map.of("kind", "INVOICE"), "invoice.pdf", pdf(),
                supplier.user()), 201);
        is(upload("/api/v1/financing/applications/" + id + "/documents", Map.of("kind", "CONTRACT"), "contract.pdf", pdf(),
                supplier.user()), 201);
        return id;
    }

    /** A credit limit the bank gives an obligor in {@link #finance}: room for every financing a test makes. */
    protected static final long FINANCING_LIMIT_MINOR = 1_000_000_000L;

    /**
     * The only way a token reaches a bank: the bank sets a credit limit on the token's obligor, the supplier applies
     * (documents anchored) and submits, the bank approves (a second bank user confirms when the bank's ledger policy
     * wants four eyes for the amount) and disburses. The token, FINANCED, is then the bank's; returns the
     * application's id.
     */
    protected String finance(Party supplier, Party bank, Party obligor, String tokenId) {
        String banker = bank.userToken();
        String checker = login(createUser(adminToken(), bank.id(), "BANK"), PASSWORD);
        creditLimit(banker, checker, obligor, FINANCING_LIMIT_MINOR);
        String id = apply(supplier, bank, tokenId, "INV-" + tokenId.substring(0, 8));
        is(post("/api/v1/financing/applications/" + id + "/submit", "", supplier.user()), 200);
        Response approved = is(post("/api/v1/financing/applications/" + id + "/approve", Map.of("annualRateBps", 400),
                bearer(banker)), 200);
        if (approved.json().path("status").asString().equals("AWAITING_SECOND_APPROVAL")) {
            approved = is(post("/api/v1/financing/applications/" + id + "/approve", "", bearer(checker)), 200);
        }
        assertThat(approved.json().path("status").asString()).isEqualTo("APPROVED");
        Response disbursed = is(post("/api/v1/financing/applications/" + id + "/disbursement",
                Map.of("reference", "SWIFT/" + id), bearer(banker)), 200);
        assertThat(disbursed.json().path("status").asString()).isEqualTo("DISBURSED");
        assertThat(tokenOnLedger(bank.id(), tokenId).path("holderId").asString()).isEqualTo(bank.id());
        return id;
    }

    protected JsonNode tokenOnLedger(String enterpriseId, String tokenId) {
        return json.readTree(ledgerClient.evaluate(enterpriseId, "GetToken", tokenId));
    }

    // ---- unified social credit codes ----

    /** A random code with a correct check character: "91" (an enterprise), a division code, an organisation code. */
    protected static String randomUscc() {
        StringBuilder s = new StringBuilder("91310115");
        for (int i = 0; i < 9; i++) {
            s.append(UnifiedSocialCreditCode.ALPHABET.charAt(RANDOM.nextInt(UnifiedSocialCreditCode.ALPHABET.length())));
        }
        return UnifiedSocialCreditCode.withCheckCharacter(s.toString());
    }

    private static String randomText(int size) {
        StringBuilder out = new StringBuilder(size);
        for (int i = 0; i < size; i++) {
            out.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return out.toString();
    }
}
