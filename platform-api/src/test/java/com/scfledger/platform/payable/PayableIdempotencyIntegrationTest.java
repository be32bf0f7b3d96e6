package com.scfledger.platform.payable;

import com.scfledger.platform.domain.Reason;
import com.scfledger.platform.domain.NotYetPossible;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.scfledger.contract.ErrorCode;
import com.scfledger.platform.IntegrationTestBase;
import com.scfledger.platform.ScriptedLedger;
import com.scfledger.platform.idempotency.IdempotencyService;
import com.scfledger.platform.ledger.LedgerOutage;
import com.scfledger.platform.ledger.LedgerRefusal;
import com.scfledger.platform.ledger.TransactionInvalid;
import com.scfledger.platform.ledger.RequestId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Stripe's Idempotency-Key semantics on POST /api/v1/payables, over real HTTP and the real database. */
class PayableIdempotencyIntegrationTest extends IntegrationTestBase {

    private static final String FP1 = "a".repeat(64);
    private static final String DOC = "d".repeat(64);

    @Autowired
    IdempotencyService idempotency;

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

    private Map<String, Object> payable(String id, long amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("payableId", id);
        body.put("beneficiaryId", supplier);
        body.put("amountMinor", amount);
        body.put("currency", "CNY");
        body.put("issueDate", "2025-01-10");
        body.put("maturityDate", "2025-07-10");
        body.put("invoiceFingerprints", List.of(FP1));
        body.put("documentHash", DOC);
        return body;
    }

    private Response register(String key, Object body) {
        return post("/api/v1/payables", body, "X-API-Key", coreKey, IdempotencyService.HEADER, key);
    }

    @Test
    void theFirstRequestRunsAndARetryReplaysTheStoredResponse() {
        String key = unique("k");
        Response first = register(key, payable("PO-1", 125_000_00L));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Location")).isEqualTo("/api/v1/payables/PO-1");
        assertThat(first.header(IdempotencyService.REPLAYED_HEADER)).isNull();
        assertThat(first.json().path("obligorId").asString()).isEqualTo(core);
        assertThat(first.json().path("amountMinor").asLong()).isEqualTo(125_000_00L);

        ScriptedLedger.Call call = ledger.only("RegisterPayable");
        assertThat(call.enterpriseId()).isEqualTo(core);
        assertThat(call.args()).hasSize(9);
        assertThat(call.args().subList(0, 6)).containsExactly("PO-1", supplier, "12500000", "CNY", "2025-01-10", "2025-07-10");
        assertThat(call.args().get(6)).isEqualTo("[\"" + FP1 + "\"]");
        assertThat(call.args().get(8)).isEqualTo(RequestId.forIdempotencyKey("enterprise:" + core, key).value());

        // the same body with its keys in another order and other spacing is the same request
        String reordered = "{ \"documentHash\":\"" + DOC + "\", \"maturityDate\":\"2025-07-10\", \"issueDate\":\"2025-01-10\","
                + " \"currency\":\"CNY\", \"amountMinor\": 12500000, \"beneficiaryId\":\"" + supplier + "\","
                + " \"invoiceFingerprints\":[\"" + FP1 + "\"], \"payableId\":\"PO-1\" }";
        Response replay = register(key, reordered);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header(IdempotencyService.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(replay.header("Location")).isEqualTo("/api/v1/payables/PO-1");
        assertThat(replay.json()).isEqualTo(first.json());
        assertThat(ledger.count("RegisterPayable")).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        String key = unique("k");
        assertThat(register(key, payable("PO-2", 100)).status()).isEqualTo(201);
        Response other = register(key, payable("PO-2", 101));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().path("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(ledger.count("RegisterPayable")).isEqualTo(1);
    }

    @Test
    void aRetryWhileTheFirstIsStillRunningIs409AndLaterReplays() throws Exception {
        String key = unique("k");
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ledger.answer(call -> {
            entered.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ScriptedLedger.ok(call);
        });
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Response> first = pool.submit(() -> register(key, payable("PO-3", 500)));
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            Response during = register(key, payable("PO-3", 500));
            assertThat(during.status()).isEqualTo(409);
            assertThat(during.json().path("code").asString()).isEqualTo("IDEMPOTENCY_KEY_IN_FLIGHT");
            assertThat(during.header("Retry-After")).isEqualTo("1");
            release.countDown();
            assertThat(first.get(20, TimeUnit.SECONDS).status()).isEqualTo(201);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        Response after = register(key, payable("PO-3", 500));
        assertThat(after.status()).isEqualTo(201);
        assertThat(after.header(IdempotencyService.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(ledger.count("RegisterPayable")).isEqualTo(1);
    }

    @Test
    void parallelIdenticalRequestsReachTheLedgerOnce() throws Exception {
        String key = unique("k");
        ledger.answer(call -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ScriptedLedger.ok(call);
        });
        int n = 12;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<Response>> futures = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        try {
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return register(key, payable("PO-4", 999));
                }));
            }
            go.countDown();
            int created = 0;
            int inFlight = 0;
            int replayed = 0;
            for (Future<Response> f : futures) {
                Response r = f.get(30, TimeUnit.SECONDS);
                if (r.status() == 201 && r.header(IdempotencyService.REPLAYED_HEADER) == null) {
                    created++;
                } else if (r.status() == 201) {
                    replayed++;
                } else {
                    assertThat(r.status()).isEqualTo(409);
                    assertThat(r.json().path("code").asString()).isEqualTo("IDEMPOTENCY_KEY_IN_FLIGHT");
                    inFlight++;
                }
            }
            assertThat(created).isEqualTo(1);
            assertThat(created + inFlight + replayed).isEqualTo(n);
        } finally {
            pool.shutdownNow();
        }
        assertThat(ledger.count("RegisterPayable")).isEqualTo(1);
    }

    @Test
    void aBusinessRefusalFromTheLedgerIsStoredAndReplayed() {
        String key = unique("k");
        ledger.answer(call -> {
            throw new LedgerRefusal(ErrorCode.DUPLICATE_INVOICE, "an invoice of this payable is carried by another");
        });
        Response first = register(key, payable("PO-5", 700));
        assertThat(first.status()).isEqualTo(409);
        assertThat(first.contentType()).startsWith("application/problem+json");
        assertThat(first.json().path("code").asString()).isEqualTo("DUPLICATE_INVOICE");

        ledger.reset();
        Response replay = register(key, payable("PO-5", 700));
        assertThat(replay.status()).isEqualTo(409);
        assertThat(replay.header(IdempotencyService.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(replay.contentType()).startsWith("application/problem+json");
        assertThat(replay.json().path("code").asString()).isEqualTo("DUPLICATE_INVOICE");
        assertThat(ledger.calls).isEmpty();
    }

    @Test
    void aRetryableFailureIsNotStoredSoTheSameKeyCanBeRetried() {
        String key = unique("k");
        ledger.answer(call -> {
            throw new LedgerOutage(LedgerOutage.Kind.PEER_UNAVAILABLE, "The ledger peer could not be reached.",
                    call.transaction(), null, null);
        });
        Response down = register(key, payable("PO-6", 800));
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.header("Retry-After")).isEqualTo("5");
        assertThat(down.json().path("code").asString()).isEqualTo("PEER_UNAVAILABLE");

        ledger.answer(call -> {
            throw new TransactionInvalid(TransactionInvalid.Kind.MVCC_READ_CONFLICT, "MVCC_READ_CONFLICT", "conflict",
                    call.transaction(), "tx-conflict", null);
        });
        Response conflict = register(key, payable("PO-6", 800));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.header("Retry-After")).isEqualTo("1");

        ledger.answer(ScriptedLedger::ok);
        Response ok = register(key, payable("PO-6", 800));
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.header(IdempotencyService.REPLAYED_HEADER)).isNull();
        assertThat(ledger.count("RegisterPayable")).isEqualTo(3);
        // every attempt carried the same request id, so the chaincode would refuse a second commit
        assertThat(ledger.calls.stream().map(c -> c.args().get(8)).distinct()).hasSize(1);
    }

    @Test
    void anInvalidRequestIsRefusedBeforeTheKeyIsTaken() {
        String key = unique("k");
        Response bad = register(key, payable("PO-7", -5));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(register(key, payable("PO-7", 5)).status()).isEqualTo(201);
    }

    @Test
    void maturityMustFollowIssue() {
        Map<String, Object> body = payable("PO-8", 5);
        body.put("maturityDate", "2024-12-31");
        Response r = register(unique("k"), body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").toString()).contains("maturityDate must be after issueDate");
    }

    @Test
    void theKeyIsRequiredAndMustBePrintableAscii() {
        Response missing = post("/api/v1/payables", payable("PO-9", 5), "X-API-Key", coreKey);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("code").asString()).isEqualTo("VALIDATION_FAILED");
        Response invalid = register("has space", payable("PO-9", 5));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("code").asString()).isEqualTo("IDEMPOTENCY_KEY_INVALID");
        assertThat(ledger.calls).isEmpty();
    }

    @Test
    void onlyTheCoreEnterpriseWithTheWriteScopeMayRegister() {
        String supplierKey = createApiKey(admin, supplier, "tokens:read");
        Response r = post("/api/v1/payables", payable("PO-10", 5), "X-API-Key", supplierKey, IdempotencyService.HEADER, "k1");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().path("code").asString()).isEqualTo("FORBIDDEN");
        String readOnly = createApiKey(admin, core, "payables:read");
        assertThat(post("/api/v1/payables", payable("PO-10", 5), "X-API-Key", readOnly, IdempotencyService.HEADER, "k2")
                .status()).isEqualTo(403);
        assertThat(post("/api/v1/payables", payable("PO-10", 5), "Authorization", "Bearer " + admin,
                IdempotencyService.HEADER, "k3").status()).isEqualTo(403);
        String coreUser = createUser(admin, core, "CORE");
        Response asUser = post("/api/v1/payables", payable("PO-10", 5), "Authorization",
                "Bearer " + login(coreUser, "correct horse battery"), IdempotencyService.HEADER, unique("k"));
        assertThat(asUser.status()).isEqualTo(201);
        assertThat(ledger.count("RegisterPayable")).isEqualTo(1);
    }

    @Test
    void keysAreScopedToTheCallersEnterprise() {
        String otherCore = createEnterprise(admin, "CORE", "CORE");
        String otherKey = createApiKey(admin, otherCore, "payables:write");
        String key = unique("shared");
        assertThat(register(key, payable("PO-11", 5)).status()).isEqualTo(201);
        Response other = post("/api/v1/payables", payable("PO-11", 6), "X-API-Key", otherKey, IdempotencyService.HEADER, key);
        assertThat(other.status()).isEqualTo(201);
        assertThat(other.header(IdempotencyService.REPLAYED_HEADER)).isNull();
        assertThat(ledger.count("RegisterPayable")).isEqualTo(2);
    }

    @Test
    void keysAreKeptForTheRetentionAndPurgedAfterIt() {
        String key = unique("k");
        assertThat(register(key, payable("PO-12", 5)).status()).isEqualTo(201);
        String old = unique("old");
        jdbc.sql("""
                INSERT INTO idempotency_keys (scope, idempotency_key, operation, request_hash, status, created_at)
                VALUES ('enterprise:' || :e, :k, 'POST /api/v1/payables', '\\x00', 'COMPLETED', :t)""")
                .param("e", core).param("k", old)
                .param("t", Timestamp.from(Instant.now().minus(25, ChronoUnit.HOURS))).update();
        idempotency.purgeNow();
        long left = jdbc.sql("SELECT count(*) FROM idempotency_keys WHERE scope = 'enterprise:' || :e AND idempotency_key IN "
                + "(:a, :b)")
                .param("e", core).param("a", key).param("b", old).query(Long.class).single();
        assertThat(left).isEqualTo(1);
        assertThat(register(key, payable("PO-12", 5)).header(IdempotencyService.REPLAYED_HEADER)).isEqualTo("true");
    }

    @Test
    void aRefusalBeforeAnythingRanIsNotKeptSoTheSameRequestSucceedsLater() {
        String key = unique("k");
        ledger.answer(call -> {
            throw new NotYetPossible(Reason.LEDGER_IDENTITY_MISSING, "no ledger identity yet");
        });
        Response early = register(key, payable("PO-14", 5));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().path("code").asString()).isEqualTo("LEDGER_IDENTITY_MISSING");
        ledger.answer(ScriptedLedger::ok);
        Response later = register(key, payable("PO-14", 5));
        assertThat(later.status()).isEqualTo(201);
        assertThat(later.header(IdempotencyService.REPLAYED_HEADER)).isNull();
    }
}
