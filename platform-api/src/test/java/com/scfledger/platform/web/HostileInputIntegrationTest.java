package com.scfledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.scfledger.platform.IntegrationTestBase;
import com.scfledger.platform.idempotency.IdempotencyService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Inputs testers found to give a 500 or a non-JSON page: each must be a 4xx problem with a stable code,
 * over real HTTP (some over a raw socket, since java.net.http refuses to send them).
 */
class HostileInputIntegrationTest extends IntegrationTestBase {

    private String admin;
    private String core;
    private String coreKey;
    private String supplier;

    @BeforeEach
    void setUp() {
        ledger.reset();
        admin = adminToken();
        core = createEnterprise(admin, "CORE", "CORE");
        supplier = createEnterprise(admin, "SUPP", "SUPPLIER");
        coreKey = createApiKey(admin, core, "payables:write", "payables:read");
    }

    private Map<String, Object> payable(Object amount, String currency) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("payableId", unique("PO"));
        body.put("beneficiaryId", supplier);
        body.put("amountMinor", amount);
        body.put("currency", currency);
        body.put("issueDate", "2025-01-10");
        body.put("maturityDate", "2025-07-10");
        body.put("invoiceFingerprints", List.of("a".repeat(64)));
        body.put("documentHash", "d".repeat(64));
        return body;
    }

    private Response register(Object body) {
        return post("/api/v1/payables", body, "X-API-Key", coreKey, IdempotencyService.HEADER, unique("k"));
    }

    private static void assertProblem(Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("code").asString()).isEqualTo(code);
    }

    private static String field(Response r) {
        return r.json().path("errors").path(0).path("field").asString();
    }

    @Test
    void aNulCharacterInAJsonStringIsRefusedNamingTheField() {
        Map<String, Object> body = payable(100, "CNY");
        body.put("payableId", "PO-\u0000-1");
        Response r = register(body);
        assertProblem(r, 400, "MALFORMED_REQUEST");
        assertThat(field(r)).isEqualTo("payableId");
        assertThat(ledger.calls).isEmpty();
    }

    @Test
    void aNulCharacterInAJsonObjectKeyIsRefused() {
        Map<String, Object> body = payable(100, "CNY");
        body.put("note\u0000", "x");
        assertProblem(register(body), 400, "MALFORMED_REQUEST");
        Response login = post("/api/v1/auth/login", Map.of("username", ADMIN, "password", "x", "\u0000", "y"));
        assertProblem(login, 400, "MALFORMED_REQUEST");
        assertThat(ledger.calls).isEmpty();
    }

    @Test
    void aNulCharacterInTheLoginIsRefusedNotA500() {
        Response r = post("/api/v1/auth/login", Map.of("username", "a\u0000b", "password", "x"));
        assertProblem(r, 400, "MALFORMED_REQUEST");
        assertThat(field(r)).isEqualTo("username");
        Response p = post("/api/v1/auth/login", Map.of("username", ADMIN, "password", "pw\u0000"));
        assertProblem(p, 400, "MALFORMED_REQUEST");
        assertThat(field(p)).isEqualTo("password");
    }

    @Test
    void aLoneSurrogateIsRefusedNotReplaced() {
        String body = json.writeValueAsString(payable(100, "CNY")).replace("\"payableId\":\"", "\"payableId\":\"\\ud800");
        Response r = register(body);
        assertProblem(r, 400, "MALFORMED_REQUEST");
        assertThat(field(r)).isEqualTo("payableId");
        assertThat(r.json().path("errors").path(0).path("message").asString()).contains("surrogate");
    }

    @Test
    void anAmountSentAsAStringIsRefused() {
        Response r = register(payable("100", "CNY"));
        assertProblem(r, 400, "MALFORMED_REQUEST");
        assertThat(field(r)).isEqualTo("amountMinor");
        assertThat(ledger.calls).isEmpty();
    }

    @Test
    void aCurrencyOutsideIso4217IsRefused() {
        Response r = register(payable(100, "XYZ"));
        assertProblem(r, 400, "VALIDATION_FAILED");
        assertThat(field(r)).isEqualTo("currency");
        assertProblem(get("/api/v1/payables?currency=QQQ", apiKey(coreKey)), 400, "VALIDATION_FAILED");
        assertThat(get("/api/v1/payables?currency=CNY", apiKey(coreKey)).status()).isEqualTo(200);
    }

    @Test
    void aNulCharacterInAQueryParameterIsRefusedNamingIt() {
        Response r = get("/api/v1/payables?currency=%00", apiKey(coreKey));
        assertProblem(r, 400, "VALIDATION_FAILED");
        assertThat(field(r)).isEqualTo("currency");
    }

    @Test
    void aQueryParameterWithoutANameIsRefused() {
        assertProblem(get("/api/v1/payables?=x", apiKey(coreKey)), 400, "VALIDATION_FAILED");
        assertProblem(get("/api/v1/payables?status=ACCEPTED&=", apiKey(coreKey)), 400, "VALIDATION_FAILED");
    }

    @Test
    void aNulCharacterInACsvRowRefusesTheFile() {
        String csv = "payableId,beneficiaryId,amountMinor,currency,issueDate,maturityDate,invoiceFingerprints,documentHash\n"
                + "PO-1," + supplier + ",100,CNY,2025-01-10,2025-07-10," + "a".repeat(64) + "," + "d".repeat(64) + "\u0000\n";
        Response r = postText("/api/v1/payables/imports", csv, "text/csv", apiKey(coreKey));
        assertProblem(r, 400, "CSV_MALFORMED");
        assertThat(r.json().path("detail").asString()).contains("Line 2").doesNotContain("\u0000");
    }

    @Test
    void anIdempotencyKeyWithC1BytesIsA400Problem() throws IOException {
        String answer = raw("POST /api/v1/payables HTTP/1.1\r\nHost: x\r\nX-API-Key: " + coreKey
                + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                + IdempotencyService.HEADER + ": k\u0085\u009f\r\nConnection: close\r\n\r\n{}");
        assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .contains("IDEMPOTENCY_KEY_INVALID");
    }

    @Test
    void anyHeaderTheFirewallRejectsIsA400Problem() throws IOException {
        String answer = raw("GET /api/v1/payables HTTP/1.1\r\nHost: x\r\nX-API-Key: " + coreKey
                + "\u0085\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json");
    }

    @Test
    void errorIsNoResourceAndNotInTheApiDocument() {
        for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH")) {
            Response r = send(method, "/error");
            assertThat(r.status()).as(method).isEqualTo(404);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        assertThat(get("/v3/api-docs").json().path("paths").has("/error")).isFalse();
    }

    @Test
    void malformedPathsGetAProblemNotAnHtmlPage() throws IOException {
        for (String path : List.of("/%", "/api/v1/tokens/%ZZ", "//..;/")) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(path).matches("(?s)HTTP/1.1 4\\d\\d .*").contains("application/problem+json")
                    .doesNotContain("<html");
        }
    }

    @Test
    void anOversizedHeaderGetsAProblem() throws IOException {
        String answer = raw("GET /api/v1/payables HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(answer).matches("(?s)HTTP/1.1 4\\d\\d .*").contains("application/problem+json").doesNotContain("<html");
    }

    @Test
    void authorizationIsDecidedBeforeTheBodyIsValidated() {
        assertProblem(post("/api/v1/payables", "{\"amountMinor\":\"x\"}"), 401, "UNAUTHENTICATED");
        String readOnly = createApiKey(admin, core, "payables:read");
        assertProblem(post("/api/v1/payables", Map.of("amountMinor", -1), "X-API-Key", readOnly,
                IdempotencyService.HEADER, unique("k")), 403, "FORBIDDEN");
    }

    private Response send(String method, String path) {
        return exchange(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json"));
    }

    private Response postText(String path, String body, String contentType, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", contentType);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return exchange(builder);
    }

    private Response exchange(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(builder.build(), HttpResponse.BodyHandlers.ofString());
            String ct = r.headers().firstValue("Content-Type").orElse("");
            return new Response(r.statusCode(), r.headers(), r.body(),
                    ct.contains("json") && !r.body().isEmpty() ? json.readTree(r.body()) : null);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
