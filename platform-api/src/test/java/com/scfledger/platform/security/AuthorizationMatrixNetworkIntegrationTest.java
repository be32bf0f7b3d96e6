package com.scfledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.scfledger.platform.OnboardingTestBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Every business and read-model endpoint × every role (platform admin, auditor, core, supplier,
 * bank, and no credential) × an object of the caller's own enterprise or of another enterprise of
 * the same role, on the live network. Each case asserts its outcome: allowed (the status the
 * endpoint gives, including a business refusal from the chaincode that shows the caller got
 * through), or denied: 401 without a credential, 403 for a role or scope, and 404 for another
 * enterprise's object, exactly as for an object that does not exist.
 *
 * <p>The objects are made as the ledger allows: enterprises admitted by two platform admins, payables registered
 * and accepted, and each bank's token financed (applied for, approved, disbursed), never transferred to it.
 */
class AuthorizationMatrixNetworkIntegrationTest extends OnboardingTestBase {

    private static final Map<String, Integer> TALLY = new LinkedHashMap<>();

    /** One side of the matrix: a core enterprise, its supplier and a bank, with their objects. */
    private final class Side {
        final Party core;
        final Party supplier;
        final Party bank;
        final String payable;           // accepted; root split into supplierToken and bankToken (financed)
        final String supplierToken;
        final String bankToken;
        final String pendingA;          // pending acceptance
        final String pendingB;          // pending acceptance
        String settleablePayable;       // accepted, maturing as early as the chaincode allows
        String settleableToken;         // root of another such payable
        String job;                     // an import job

        Side(String tag) {
            core = onboard("AM" + tag + "C", "CORE");
            supplier = onboard("AM" + tag + "S", "SUPPLIER");
            bank = onboard("AM" + tag + "B", "BANK");
            payable = unique("PO");
            String root = registerPayable(core, payable, supplier, 1_000_000L, today().plusDays(30)).json()
                    .path("ledger").path("tokens").get(0).path("id").asString();
            accept(payable);
            // both parts are the supplier's; the smaller one reaches the bank the only way a token can: financing
            JsonNode created = expect(post("/api/v1/tokens/" + root + "/split", Map.of("outputs", List.of(
                    Map.of("recipient", supplier.id(), "amountMinor", 600_000),
                    Map.of("recipient", supplier.id(), "amountMinor", 400_000))), supplier.key()), 201, "split").json()
                    .path("created");
            String kept = null;
            String financed = null;
            for (JsonNode t : created) {
                if (t.path("amountMinor").asLong() == 400_000) {
                    financed = t.path("tokenId").asString();
                } else {
                    kept = t.path("tokenId").asString();
                }
            }
            supplierToken = kept;
            bankToken = financed;
            finance(supplier, bank, core, bankToken);
            pendingA = unique("PA");
            registerPayable(core, pendingA, supplier, 10_000L, today().plusDays(30));
            pendingB = unique("PB");
            registerPayable(core, pendingB, supplier, 10_000L, today().plusDays(30));
        }

        void accept(String payableId) {
            expect(post("/api/v1/payables/" + payableId + "/accept?obligorId=" + core.id(), "", supplier.key()), 200, "accept");
        }

        /** Accepted and maturing today if the chaincode allows that, else tomorrow; returns its root token. */
        String settleable(String payableId) {
            Response today = post("/api/v1/payables", payable(payableId, supplier.id(), 20_000L, today()), core.key()[0],
                    core.key()[1], "Idempotency-Key", "reg-" + payableId);
            Response r = today.status() == 201 ? today
                    : registerPayable(core, payableId, supplier, 20_000L, today().plusDays(1));
            accept(payableId);
            return r.json().path("ledger").path("tokens").get(0).path("id").asString();
        }

        void importJob() throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/payables/imports"))
                    .header("Content-Type", "text/csv").header("X-API-Key", core.apiKey())
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "payableId,beneficiaryId,amountMinor,currency,issueDate,maturityDate,"
                                    + "invoiceFingerprints,documentHash\n"
                                    + "X-1," + supplier.id() + ",1.5,CNY,2026-01-01,2026-02-01,abc,def\n"))
                    .build();
            HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(202);
            job = r.headers().firstValue("Location").orElseThrow();
        }
    }

    private record Case(String endpoint, String role, String object, String method, String path, Object body,
                        String[] auth, Set<Integer> allowed, String code, Consumer<Response> check) {
        String name() {
            return String.format("%-44s %-14s %-6s -> %s%s", endpoint, role, object, allowed, code == null ? "" : " " + code);
        }
    }

    private final List<Case> cases = new ArrayList<>();

    private void add(String endpoint, String role, String object, String method, String path, Object body, String[] auth,
                     Set<Integer> allowed, String code, Consumer<Response> check) {
        cases.add(new Case(endpoint, role, object, method, path, body, auth, allowed, code, check));
    }

    private void deny(String endpoint, String role, String object, String method, String path, Object body, String[] auth) {
        int status = role.equals("ANONYMOUS") ? 401 : 403;
        add(endpoint, role, object, method, path, body, auth, Set.of(status),
                status == 401 ? "UNAUTHENTICATED" : "FORBIDDEN", null);
    }

    private void hidden(String endpoint, String role, String method, String path, Object body, String[] auth) {
        add(endpoint, role, "other", method, path, body, auth, Set.of(404), "NOT_FOUND", null);
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointForEveryRoleOnOwnAndForeignObjects() throws Exception {
        Side a = new Side("A");
        Side b = new Side("B");
        a.settleablePayable = unique("PS");
        a.settleable(a.settleablePayable);
        a.settleableToken = a.settleable(unique("PT"));
        a.importJob();
        b.importJob();
        String admin = adminToken();
        String[] adminAuth = bearer(admin);
        String[] auditor = bearer(auditorToken());
        String[] none = new String[0];
        String narrowKey = createApiKey(admin, a.core.id(), "payables:read");
        Map<String, String[]> own = new LinkedHashMap<>();
        own.put("PLATFORM_ADMIN", adminAuth);
        own.put("AUDITOR", auditor);
        own.put("CORE", a.core.key());
        own.put("SUPPLIER", a.supplier.user());
        own.put("BANK", a.bank.user());
        own.put("ANONYMOUS", none);

        // ---- POST /api/v1/payables (register): no object; the obligor is always the caller
        String e = "POST /payables";
        add(e, "CORE", "own", "POST", "/api/v1/payables", payable(unique("PN"), a.supplier.id(), 5_000L,
                today().plusDays(10)), withKey(a.core.key(), "reg-" + unique("k")), Set.of(201), null, null);
        add(e, "CORE(read key)", "own", "POST", "/api/v1/payables", payable(unique("PN"), a.supplier.id(), 5_000L,
                today().plusDays(10)), withKey(new String[] {"X-API-Key", narrowKey}, unique("k")), Set.of(403), "FORBIDDEN",
                        null);
        for (String role : List.of("PLATFORM_ADMIN", "AUDITOR", "SUPPLIER", "BANK", "ANONYMOUS")) {
            deny(e, role, "own", "POST", "/api/v1/payables", payable(unique("PN"), a.supplier.id(), 5_000L,
                    today().plusDays(10)), withKey(own.get(role), unique("k")));
        }

        // ---- GET /api/v1/payables (list): own = unfiltered, other = filtered on the other side's enterprise
        e = "GET /payables";
        add(e, "AUDITOR", "own", "GET", "/api/v1/payables?size=200", null, auditor, Set.of(200), null, null);
        add(e, "AUDITOR", "other", "GET", "/api/v1/payables?obligorId=" + b.core.id(), null, auditor, Set.of(200), null,
                r -> assertThat(r.json().path("items").findValuesAsString("payableId")).contains(b.payable));
        add(e, "CORE", "own", "GET", "/api/v1/payables?size=200", null, a.core.key(), Set.of(200), null,
                r -> assertThat(r.json().path("items").findValuesAsString("obligorId")).isNotEmpty().containsOnly(a.core.id()));
        add(e, "CORE", "other", "GET", "/api/v1/payables?obligorId=" + b.core.id(), null, a.core.key(), Set.of(403), "FORBIDDEN",
                null);
        add(e, "SUPPLIER", "own", "GET", "/api/v1/payables?size=200", null, a.supplier.user(), Set.of(200), null,
                r -> assertThat(r.json().path("items").findValuesAsString("beneficiaryId")).isNotEmpty()
                        .containsOnly(a.supplier.id()));
        add(e, "SUPPLIER", "other", "GET", "/api/v1/payables?beneficiaryId=" + b.supplier.id(), null, a.supplier.user(),
                Set.of(403), "FORBIDDEN", null);
        for (String object : List.of("own", "other")) {
            String path = object.equals("own") ? "/api/v1/payables" : "/api/v1/payables?obligorId=" + b.core.id();
            deny(e, "PLATFORM_ADMIN", object, "GET", path, null, adminAuth);
            deny(e, "BANK", object, "GET", path, null, a.bank.user());
        }
        deny(e, "ANONYMOUS", "own", "GET", "/api/v1/payables", null, none);

        // ---- GET /api/v1/payables/{id}
        e = "GET /payables/{id}";
        String ownPayable = "/api/v1/payables/" + a.payable + "?obligorId=" + a.core.id();
        String otherPayable = "/api/v1/payables/" + b.payable + "?obligorId=" + b.core.id();
        add(e, "AUDITOR", "own", "GET", ownPayable, null, auditor, Set.of(200), null,
                r -> assertThat(r.json().path("tokens")).hasSize(3));
        add(e, "AUDITOR", "other", "GET", otherPayable, null, auditor, Set.of(200), null, null);
        add(e, "CORE", "own", "GET", "/api/v1/payables/" + a.payable, null, a.core.key(), Set.of(200), null,
                r -> assertThat(r.json().path("tokens")).hasSize(3));
        hidden(e, "CORE", "GET", otherPayable, null, a.core.key());
        // the supplier applied for the financing, so it still sees that token, now the bank's
        add(e, "SUPPLIER", "own", "GET", ownPayable, null, a.supplier.user(), Set.of(200), null,
                r -> assertThat(r.json().path("tokens").findValuesAsString("holderId"))
                        .containsOnly(a.supplier.id(), a.bank.id()).contains(a.bank.id()).hasSize(3));
        hidden(e, "SUPPLIER", "GET", otherPayable, null, a.supplier.user());
        for (String object : List.of("own", "other")) {
            String path = object.equals("own") ? ownPayable : otherPayable;
            deny(e, "PLATFORM_ADMIN", object, "GET", path, null, adminAuth);
            deny(e, "BANK", object, "GET", path, null, a.bank.user());
        }
        deny(e, "ANONYMOUS", "own", "GET", ownPayable, null, none);

        // ---- accept / reject
        for (String verb : List.of("accept", "reject")) {
            e = "POST /payables/{id}/" + verb;
            String ownPath = "/api/v1/payables/" + (verb.equals("accept") ? a.pendingA : a.pendingB) + "/" + verb
                    + "?obligorId=" + a.core.id();
            String otherPath = "/api/v1/payables/" + (verb.equals("accept") ? b.pendingA : b.pendingB) + "/" + verb
                    + "?obligorId=" + b.core.id();
            String expected = verb.equals("accept") ? "ACCEPTED" : "REJECTED";
            add(e, "SUPPLIER", "own", "POST", ownPath, "", a.supplier.user(), Set.of(200), null,
                    r -> assertThat(r.json().path("payable").path("status").asString()).isEqualTo(expected));
            hidden(e, "SUPPLIER", "POST", otherPath, "", a.supplier.user());
            for (String role : List.of("PLATFORM_ADMIN", "AUDITOR", "CORE", "BANK")) {
                deny(e, role, "own", "POST", ownPath, "", own.get(role));
                deny(e, role, "other", "POST", otherPath, "", own.get(role));
            }
            deny(e, "ANONYMOUS", "own", "POST", ownPath, "", none);
        }

        // ---- settle a payable / a token: the obligor, on or after maturity (the chaincode says NOT_MATURED before)
        Map<String, Object> payment = Map.of("paymentReference", "PAY-" + unique("R"));
        e = "POST /payables/{id}/settle";
        String ownSettle = "/api/v1/payables/" + a.settleablePayable + "/settle";
        String otherSettle = "/api/v1/payables/" + b.payable + "/settle";
        add(e, "CORE", "own", "POST", ownSettle, payment, a.core.key(), Set.of(200, 422), null, this::settledOrNotMatured);
        hidden(e, "CORE", "POST", otherSettle, payment, a.core.key());
        for (String role : List.of("PLATFORM_ADMIN", "AUDITOR", "SUPPLIER", "BANK")) {
            deny(e, role, "own", "POST", ownSettle, payment, own.get(role));
            deny(e, role, "other", "POST", otherSettle, payment, own.get(role));
        }
        deny(e, "ANONYMOUS", "own", "POST", ownSettle, payment, none);
        e = "POST /tokens/{id}/settle";
        String ownTokenSettle = "/api/v1/tokens/" + a.settleableToken + "/settle";
        String otherTokenSettle = "/api/v1/tokens/" + b.supplierToken + "/settle";
        add(e, "CORE", "own", "POST", ownTokenSettle, payment, a.core.key(), Set.of(200, 422), null, this::settledOrNotMatured);
        hidden(e, "CORE", "POST", otherTokenSettle, payment, a.core.key());
        for (String role : List.of("PLATFORM_ADMIN", "AUDITOR", "SUPPLIER", "BANK")) {
            deny(e, role, "own", "POST", ownTokenSettle, payment, own.get(role));
            deny(e, role, "other", "POST", otherTokenSettle, payment, own.get(role));
        }
        deny(e, "ANONYMOUS", "own", "POST", ownTokenSettle, payment, none);

        // ---- GET /api/v1/tokens (my tokens): other = asking for another holder's
        e = "GET /tokens";
        add(e, "AUDITOR", "own", "GET", "/api/v1/tokens?size=200", null, auditor, Set.of(200), null, null);
        add(e, "AUDITOR", "other", "GET", "/api/v1/tokens?holderId=" + b.supplier.id(), null, auditor, Set.of(200), null,
                r -> assertThat(r.json().path("items").findValuesAsString("tokenId")).contains(b.supplierToken));
        add(e, "CORE", "own", "GET", "/api/v1/tokens", null, a.core.key(), Set.of(200), null,
                r -> assertThat(r.json().path("items").findValuesAsString("holderId")).allMatch(a.core.id()::equals));
        add(e, "SUPPLIER", "own", "GET", "/api/v1/tokens?size=200", null, a.supplier.user(), Set.of(200), null,
                r -> assertThat(r.json().path("items").findValuesAsString("tokenId")).contains(a.supplierToken)
                        .doesNotContain(b.supplierToken, a.bankToken));
        add(e, "BANK", "own", "GET", "/api/v1/tokens", null, a.bank.user(), Set.of(200), null,
                r -> assertThat(r.json().path("items").findValuesAsString("tokenId")).containsExactly(a.bankToken));
        for (String role : List.of("CORE", "SUPPLIER", "BANK")) {
            String otherHolder = role.equals("CORE") ? b.core.id() : role.equals("SUPPLIER") ? b.supplier.id() : b.bank.id();
            add(e, role, "other", "GET", "/api/v1/tokens?holderId=" + otherHolder, null, own.get(role), Set.of(403),
                    "FORBIDDEN", null);
        }
        deny(e, "PLATFORM_ADMIN", "own", "GET", "/api/v1/tokens", null, adminAuth);
        deny(e, "PLATFORM_ADMIN", "other", "GET", "/api/v1/tokens?holderId=" + b.supplier.id(), null, adminAuth);
        deny(e, "ANONYMOUS", "own", "GET", "/api/v1/tokens", null, none);

        // ---- GET /api/v1/tokens/{id} (with lineage): the holder, the obligor, auditors
        e = "GET /tokens/{id}";
        add(e, "AUDITOR", "own", "GET", "/api/v1/tokens/" + a.supplierToken, null, auditor, Set.of(200), null, null);
        add(e, "AUDITOR", "other", "GET", "/api/v1/tokens/" + b.bankToken, null, auditor, Set.of(200), null, null);
        add(e, "CORE", "own", "GET", "/api/v1/tokens/" + a.supplierToken, null, a.core.key(), Set.of(200), null,
                r -> assertThat(r.json().path("lineage")).hasSize(2));
        hidden(e, "CORE", "GET", "/api/v1/tokens/" + b.supplierToken, null, a.core.key());
        add(e, "SUPPLIER", "own", "GET", "/api/v1/tokens/" + a.supplierToken, null, a.supplier.user(), Set.of(200), null, null);
        hidden(e, "SUPPLIER", "GET", "/api/v1/tokens/" + b.supplierToken, null, a.supplier.user());
        add(e, "BANK", "own", "GET", "/api/v1/tokens/" + a.bankToken, null, a.bank.user(), Set.of(200), null,
                r -> assertThat(r.json().path("token").path("holderId").asString()).isEqualTo(a.bank.id()));
        hidden(e, "BANK", "GET", "/api/v1/tokens/" + b.bankToken, null, a.bank.user());
        deny(e, "PLATFORM_ADMIN", "own", "GET", "/api/v1/tokens/" + a.supplierToken, null, adminAuth);
        deny(e, "PLATFORM_ADMIN", "other", "GET", "/api/v1/tokens/" + b.supplierToken, null, adminAuth);
        deny(e, "ANONYMOUS", "own", "GET", "/api/v1/tokens/" + a.supplierToken, null, none);

        // ---- POST /api/v1/tokens/{id}/split: the holder (tokens:write)
        e = "POST /tokens/{id}/split";
        Map<String, Object> ownSplit = Map.of("outputs", List.of(Map.of("recipient", a.supplier.id(), "amountMinor", 100_000),
                Map.of("recipient", a.supplier.id(), "amountMinor", 500_000)));
        Map<String, Object> otherSplit = Map.of("outputs", List.of(Map.of("recipient", a.supplier.id(), "amountMinor", 600_000)));
        add(e, "SUPPLIER", "own", "POST", "/api/v1/tokens/" + a.supplierToken + "/split", ownSplit, a.supplier.user(),
                Set.of(201), null, r -> assertThat(r.json().path("created")).hasSize(2));
        hidden(e, "SUPPLIER", "POST", "/api/v1/tokens/" + b.supplierToken + "/split", otherSplit, a.supplier.user());
        for (String role : List.of("PLATFORM_ADMIN", "AUDITOR", "CORE", "BANK")) {
            String ownToken = role.equals("BANK") ? a.bankToken : a.supplierToken;
            String otherToken = role.equals("BANK") ? b.bankToken : b.supplierToken;
            deny(e, role, "own", "POST", "/api/v1/tokens/" + ownToken + "/split", otherSplit, own.get(role));
            deny(e, role, "other", "POST", "/api/v1/tokens/" + otherToken + "/split", otherSplit, own.get(role));
        }
        deny(e, "ANONYMOUS", "own", "POST", "/api/v1/tokens/" + a.supplierToken + "/split", otherSplit, none);

        // ---- CSV imports
        e = "POST /payables/imports";
        String csv = "payableId,beneficiaryId,amountMinor,currency,issueDate,maturityDate,invoiceFingerprints,documentHash\n"
                + "Y-1,NOBODY,x,CNY,2026-01-01,2026-02-01,a,b\n";
        add(e, "CORE", "own", "CSV", "/api/v1/payables/imports", csv, a.core.key(), Set.of(202), null, null);
        for (String role : List.of("PLATFORM_ADMIN", "AUDITOR", "SUPPLIER", "BANK", "ANONYMOUS")) {
            deny(e, role, "own", "CSV", "/api/v1/payables/imports", csv, own.get(role));
        }
        for (String suffix : List.of("", "/rows")) {
            e = "GET /payables/imports/{job}" + suffix;
            add(e, "CORE", "own", "GET", a.job + suffix, null, a.core.key(), Set.of(200), null, null);
            hidden(e, "CORE", "GET", b.job + suffix, null, a.core.key());
            for (String role : List.of("PLATFORM_ADMIN", "AUDITOR", "SUPPLIER", "BANK")) {
                deny(e, role, "own", "GET", a.job + suffix, null, own.get(role));
                deny(e, role, "other", "GET", b.job + suffix, null, own.get(role));
            }
            deny(e, "ANONYMOUS", "own", "GET", a.job + suffix, null, none);
        }

        // ---- the read model's administration
        e = "GET /admin/read-model";
        add(e, "PLATFORM_ADMIN", "-", "GET", "/api/v1/admin/read-model", null, adminAuth, Set.of(200), null, null);
        e = "GET /admin/read-model/consistency";
        add(e, "PLATFORM_ADMIN", "-", "GET", "/api/v1/admin/read-model/consistency?enterpriseId=" + a.supplier.id(), null,
                adminAuth, Set.of(200), null, r -> assertThat(r.json().path("consistent").asBoolean()).isTrue());
        for (String role : List.of("AUDITOR", "CORE", "SUPPLIER", "BANK", "ANONYMOUS")) {
            deny("GET /admin/read-model", role, "-", "GET", "/api/v1/admin/read-model", null, own.get(role));
            deny("GET /admin/read-model/consistency", role, "-", "GET", "/api/v1/admin/read-model/consistency", null,
                    own.get(role));
            deny("POST /admin/read-model/rebuild", role, "-", "POST", "/api/v1/admin/read-model/rebuild", "", own.get(role));
        }

        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)));
    }

    private void settledOrNotMatured(Response r) {
        if (r.status() == 422) {
            assertThat(r.json().path("code").asString()).isEqualTo("NOT_MATURED");
        } else {
            assertThat(r.json().path("tokens").findValuesAsString("status")).containsOnly("SETTLED");
        }
    }

    private static String[] withKey(String[] auth, String idempotencyKey) {
        String[] out = java.util.Arrays.copyOf(auth, auth.length + 2);
        out[auth.length] = "Idempotency-Key";
        out[auth.length + 1] = idempotencyKey;
        return out;
    }

    private void run(Case c) throws Exception {
        Response r;
        if (c.method().equals("CSV")) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + c.path()))
                    .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString((String) c.body()))
                    .timeout(Duration.ofSeconds(30));
            for (int i = 0; i + 1 < c.auth().length; i += 2) {
                b.header(c.auth()[i], c.auth()[i + 1]);
            }
            HttpResponse<String> h = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
            r = new Response(h.statusCode(), h.headers(), h.body(), h.body().isEmpty() ? null : json.readTree(h.body()));
        } else if (c.method().equals("GET")) {
            r = get(c.path(), c.auth());
        } else {
            r = post(c.path(), c.body(), c.auth());
        }
        assertThat(r.status()).as(c.name() + ": " + r.body()).isIn(c.allowed());
        if (c.code() != null) {
            assertThat(r.json().path("code").asString()).as(c.name()).isEqualTo(c.code());
        }
        if (c.check() != null) {
            c.check().accept(r);
        }
        synchronized (TALLY) {
            String kind = r.status() < 400 || (c.check() != null && r.status() == 422) ? "allowed"
                    : r.status() == 401 ? "401" : r.status() == 403 ? "403" : "404";
            TALLY.merge(kind, 1, Integer::sum);
            TALLY.merge("cases", 1, Integer::sum);
        }
    }

    @AfterAll
    static void report() {
        System.out.println("authorization matrix: " + TALLY);
    }
}
