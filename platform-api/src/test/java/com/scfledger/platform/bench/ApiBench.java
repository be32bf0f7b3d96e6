package com.scfledger.platform.bench;

import static com.scfledger.platform.bench.BenchSupport.dbUrl;
import static com.scfledger.platform.bench.BenchSupport.env;
import static com.scfledger.platform.bench.BenchSupport.expect;
import static com.scfledger.platform.bench.BenchSupport.intOption;
import static com.scfledger.platform.bench.BenchSupport.randomBytes;
import static com.scfledger.platform.bench.BenchSupport.sha256;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.scfledger.platform.PlatformApiApplication;
import com.scfledger.platform.ledger.FabricNetwork;
import com.scfledger.platform.ledger.LedgerCredentials;
import com.scfledger.platform.ledger.LedgerSigners;
import com.scfledger.platform.ledger.Org;
import com.scfledger.platform.ledger.OrgSettings;
import com.scfledger.platform.ledger.P256Signer;
import com.scfledger.signing.client.KeyStores;
import com.scfledger.signing.client.ScfApiClient;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import org.hyperledger.fabric.client.CallOption;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API against a bare Gateway client on the real network (scripts/bench-api.sh runs it):
 *
 * <ol>
 *   <li>the same split-and-transfer load twice, through the REST API and through bare Gateway
 *       clients with the same identities, concurrency and payloads: throughput, p50, p99, ratio;</li>
 *   <li>the read path at a fixed request rate: the token list and a token's lineage from the API
 *       (the read model) beside the same queries evaluated on the chaincode: p50, p99, ratio.</li>
 * </ol>
 *
 * The API runs in this JVM on a loopback port, against its own fresh schema of the scripts'
 * PostgreSQL (dropped at the end). Everything is bounded: a fixed number of operations, fixed
 * durations, timeouts on every wait. Figures are printed; nothing is asserted.
 */
public final class ApiBench {

    private static final long LEAF = 10_000;
    private static final long TRANSFER = 4_000;

    private final int n = intOption("BENCH_N", 300);
    private final int concurrency = intOption("BENCH_CONCURRENCY", 16);
    private final int holders = intOption("BENCH_HOLDERS", 4);
    private final int warmup = intOption("BENCH_WARMUP", 800);
    private final int rounds = intOption("BENCH_ROUNDS", 3);
    private final int readRate = intOption("BENCH_READ_RATE", 40);
    private final int readSeconds = intOption("BENCH_READ_SECONDS", 10);
    private final String run = Long.toString(System.currentTimeMillis() / 1000, 36).toUpperCase(Locale.ROOT)
            + HexFormat.of().formatHex(randomBytes(2)).toUpperCase(Locale.ROOT);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(64)).build();
    private ConfigurableApplicationContext app;
    private JsonMapper json;
    private int port;
    private String adminToken;
    /** A second platform admin: an admission is proposed by one admin and confirmed by another. */
    private String secondAdminToken;
    private ManagedChannel channel;
    private final Map<String, Gateway> gateways = new ConcurrentHashMap<>();

    private record Party(String id, String apiKey) {
    }

    private record Op(int holder, String tokenId, int recipient) {
    }

    /**
     * One series' figures. For self-signed writes the time the client spent signing is left out, as the signer
     * measures it: from each latency, and from the wall time in the share of the workers' busy time it took.
     */
    private record Stats(String name, int ok, int failed, double wallSeconds, double signingWallSeconds,
                         long signingNanos, long[] latenciesNanos, Map<String, Integer> errors) {
        Stats(String name, int ok, int failed, double wallSeconds, long[] latenciesNanos, Map<String, Integer> errors) {
            this(name, ok, failed, wallSeconds, 0, 0, latenciesNanos, errors);
        }

        double throughput() {
            return ok / (wallSeconds - signingWallSeconds);
        }

        double meanSigningMillis() {
            return ok == 0 ? 0 : signingNanos / 1e6 / ok;
        }

        static Stats merge(String name, List<Stats> parts) {
            int ok = 0;
            int failed = 0;
            double wall = 0;
            double signingWall = 0;
            long signing = 0;
            Map<String, Integer> errors = new LinkedHashMap<>();
            List<Long> all = new ArrayList<>();
            for (Stats s : parts) {
                ok += s.ok();
                failed += s.failed();
                wall += s.wallSeconds();
                signingWall += s.signingWallSeconds();
                signing += s.signingNanos();
                s.errors().forEach((k, v) -> errors.merge(k, v, Integer::sum));
                for (long l : s.latenciesNanos()) {
                    all.add(l);
                }
            }
            return new Stats(name, ok, failed, wall, signingWall, signing, all.stream().mapToLong(Long::longValue).toArray(),
                    errors);
        }

        double percentile(double p) {
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
        }
    }

    public static void main(String[] args) throws Exception {
        ApiBench bench = new ApiBench();
        int status = 0;
        try {
            bench.runAll();
        } catch (Exception | AssertionError e) {
            System.err.println("bench failed: " + e);
            e.printStackTrace();
            status = 1;
        } finally {
            bench.close();
        }
        System.exit(status);
    }

    private void runAll() throws Exception {
        String schema = "bench_" + run.toLowerCase(Locale.ROOT);
        say("starting the API in-process (schema " + schema + " of " + dbUrl() + ")");
        startApi(schema);
        try {
            say("onboarding 1 core enterprise and " + holders + " suppliers (CA enrollment, ledger registration)");
            Party core = onboard("BCORE", "CORE", "payables:write", "payables:read", "tokens:read");
            List<Party> suppliers = new ArrayList<>();
            for (int h = 0; h < holders; h++) {
                suppliers.add(onboard("BSUP" + h, "SUPPLIER", "tokens:read", "tokens:write", "payables:read"));
            }
            List<Party> selfSuppliers = new ArrayList<>();
            for (int h = 0; h < holders; h++) {
                selfSuppliers.add(onboard("BSELF" + h, "SUPPLIER", "tokens:read", "tokens:write", "payables:read",
                        "kyc:write"));
            }
            openChannel();
            int perPath = n + warmup;
            int perHolder = (2 * perPath + holders - 1) / holders;
            say("preparing " + perHolder * holders + " ACTIVE tokens of " + LEAF + " minor units (bare Gateway, fan-out splits)");
            Map<Integer, List<String>> leaves = prepareTokens(core, suppliers, perHolder);
            say("preparing " + (perPath + holders - 1) / holders * holders + " more for " + holders
                    + " suppliers that then take their own keys (SELF custody)");
            Map<Integer, List<String>> selfLeaves = prepareTokens(core, selfSuppliers, (perPath + holders - 1) / holders);
            List<ScfApiClient> selfSigners = selfCustody(selfSuppliers);
            say("waiting for the read model to catch up with the ledger");
            awaitCaughtUp(Duration.ofMinutes(10));

            List<Op> apiOps = new ArrayList<>();
            List<Op> bareOps = new ArrayList<>();
            int[] cursor = new int[holders];
            for (int i = 0; i < 2 * perPath; i++) {
                int h = i % holders;
                Op op = new Op(h, leaves.get(h).get(cursor[h]++), (h + 1) % holders);
                (i % 2 == 0 ? apiOps : bareOps).add(op);
            }
            List<Op> selfOps = new ArrayList<>();
            int[] selfCursor = new int[holders];
            for (int i = 0; i < perPath; i++) {
                int h = i % holders;
                selfOps.add(new Op(h, selfLeaves.get(h).get(selfCursor[h]++), (h + 1) % holders));
            }
            List<String> lineageTokens = Collections.synchronizedList(new ArrayList<>());
            say("warm-up: " + warmup + " splits per path");
            runWrites("warm-up API", apiOps.subList(0, warmup), op -> apiSplit(suppliers, op, null));
            runWrites("warm-up bare", bareOps.subList(0, warmup), op -> bareSplit(suppliers, op, null));
            runWrites("warm-up SELF", selfOps.subList(0, warmup), op -> selfSplit(selfSuppliers, selfSigners, op));

            say("split/transfer load: " + n + " per path at concurrency " + concurrency + ", in " + rounds
                    + " interleaved rounds (the paths take turns, so all see the same background load)");
            List<Stats> apiRounds = new ArrayList<>();
            List<Stats> bareRounds = new ArrayList<>();
            List<Stats> selfRounds = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                int from = warmup + r * n / rounds;
                int to = warmup + (r + 1) * n / rounds;
                List<Op> a = apiOps.subList(from, to);
                List<Op> b = bareOps.subList(from, to);
                List<Op> c = selfOps.subList(from, to);
                List<Series> series = new ArrayList<>(List.of(
                    () -> apiRounds.add(runWrites("REST API", a, op -> apiSplit(suppliers, op, lineageTokens))),
                    () -> selfRounds.add(runWrites("REST API SELF", c, op -> selfSplit(selfSuppliers, selfSigners, op))),
                    () -> bareRounds.add(runWrites("bare Gateway", b, op -> bareSplit(suppliers, op, null)))));
                Collections.rotate(series, r); // each path in turn goes first
                for (Series each : series) {
                    each.run();
                }
            }
            Stats api = Stats.merge("REST API", apiRounds);
            Stats bare = Stats.merge("bare Gateway", bareRounds);
            Stats self = Stats.merge("REST API SELF", selfRounds);
            String inside = timers("over all its writes (warm-up included)");

            awaitCaughtUp(Duration.ofMinutes(5));
            say("read path: " + readRate + " requests/s for " + readSeconds + " s per series");
            List<String> lineage = List.copyOf(lineageTokens);
            Stats apiList = runReads("API token list", i -> {
                Party p = suppliers.get(i % holders);
                return get("/api/v1/tokens?size=50", p.apiKey()).statusCode() == 200;
            });
            Stats ccList = runReads("chaincode ListTokensByHolder", i -> {
                Party p = suppliers.get(i % holders);
                contract(p.id()).newProposal("ListTokensByHolder").addArguments(p.id(), "50", "").build().evaluate();
                return true;
            });
            Stats apiLineage = runReads("API token + lineage", i -> {
                String[] tokenAndHolder = lineage.get(i % lineage.size()).split("\\|");
                Party p = suppliers.get(Integer.parseInt(tokenAndHolder[1]));
                return get("/api/v1/tokens/" + tokenAndHolder[0], p.apiKey()).statusCode() == 200;
            });
            Stats ccLineage = runReads("chaincode GetLineage", i -> {
                String[] tokenAndHolder = lineage.get(i % lineage.size()).split("\\|");
                Party p = suppliers.get(Integer.parseInt(tokenAndHolder[1]));
                contract(p.id()).newProposal("GetLineage").addArguments(tokenAndHolder[0]).build().evaluate();
                return true;
            });

            System.out.println();
            System.out.printf("== split/transfer (SplitTransfer, 2 outputs), %d per path in %d interleaved rounds, "
                    + "concurrency %d, %d holders ==%n",
                    n, rounds, concurrency, holders);
            System.out.printf("%-14s %6s %6s %9s %12s %9s %9s %12s%n", "path", "ok", "failed", "wall s", "throughput/s",
                    "p50 ms", "p99 ms", "signing ms");
            for (Stats s : List.of(api, self, bare)) {
                System.out.printf("%-14s %6d %6d %9.2f %12.1f %9.1f %9.1f %12s%n", s.name(), s.ok(), s.failed(),
                        s.wallSeconds(), s.throughput(), s.percentile(50), s.percentile(99),
                        s.signingNanos() == 0 ? "-" : String.format("%.2f", s.meanSigningMillis()));
                if (!s.errors().isEmpty()) {
                    System.out.println("    errors: " + s.errors());
                }
            }
            double ratio = api.throughput() / bare.throughput();
            System.out.printf("throughput ratio API / bare Gateway: %.2f (target >= 0.90)%s%n", ratio,
                    ratio >= 0.9 ? "" : "  BELOW TARGET");
            System.out.printf("p50 latency added by the API: %.1f ms%n", api.percentile(50) - bare.percentile(50));
            double selfRatio = self.throughput() / api.throughput();
            System.out.printf("throughput ratio SELF / custodial (REST API, client signing time left out): %.2f "
                    + "(target >= 0.80)%s%n", selfRatio, selfRatio >= 0.8 ? "" : "  BELOW TARGET");
            StringBuilder perRound = new StringBuilder("per round, custodial / SELF throughput/s (ratio):");
            for (int r = 0; r < rounds; r++) {
                double c = apiRounds.get(r).throughput();
                double f = selfRounds.get(r).throughput();
                perRound.append(String.format(" %.1f / %.1f (%.2f);", c, f, f / c));
            }
            System.out.println(perRound);
            System.out.printf("BENCH_SELF write=SplitTransfer n=%d concurrency=%d custodial_tps=%.2f custodial_p50_ms=%.1f "
                    + "custodial_p99_ms=%.1f self_tps=%.2f self_p50_ms=%.1f self_p99_ms=%.1f self_signing_ms_mean=%.2f "
                    + "self_failed=%d ratio=%.2f target=0.80 verdict=%s%n", n, concurrency, api.throughput(),
                    api.percentile(50), api.percentile(99), self.throughput(), self.percentile(50), self.percentile(99),
                    self.meanSigningMillis(), self.failed(), selfRatio, selfRatio >= 0.8 ? "OK" : "BELOW");
            System.out.println(inside);
            System.out.println();
            System.out.printf("== read path, fixed rate %d req/s for %d s per series (latency from the scheduled start) ==%n",
                    readRate, readSeconds);
            System.out.printf("%-30s %6s %6s %9s %9s %9s%n", "query", "ok", "failed", "p50 ms", "p99 ms", "max ms");
            for (Stats s : List.of(apiList, ccList, apiLineage, ccLineage)) {
                System.out.printf("%-30s %6d %6d %9.2f %9.2f %9.2f%n", s.name(), s.ok(), s.failed(), s.percentile(50),
                        s.percentile(99), s.percentile(100));
            }
            io.micrometer.core.instrument.MeterRegistry registry = app.getBean(io.micrometer.core.instrument.MeterRegistry.class);
            for (String uri : List.of("/api/v1/tokens", "/api/v1/tokens/{tokenId}")) {
                for (io.micrometer.core.instrument.Timer t : registry.find("http.server.requests").tag("uri", uri)
                        .tag("method", "GET").timers()) {
                    System.out.printf("  inside the API, GET %s (%s): %d requests, mean %.2f ms, max %.2f ms%n", uri,
                            t.getId().getTag("status"), t.count(), t.mean(TimeUnit.MILLISECONDS), t.max(TimeUnit.MILLISECONDS));
                }
            }
            double listRatio = apiList.percentile(99) / ccList.percentile(99);
            double lineageRatio = apiLineage.percentile(99) / ccLineage.percentile(99);
            // a comparison only: the read target is the absolute p99 of docs/performance.md's scale curves
            System.out.printf("p99 ratio API / chaincode, token list: %.3f%n", listRatio);
            System.out.printf("p99 ratio API / chaincode, lineage:    %.3f%n", lineageRatio);
            // one line for scripts (the release note's figures, docs/performance.md)
            System.out.printf(Locale.ROOT, "SUMMARY bench=api n=%d c=%d api_tps=%.1f api_p50_ms=%.1f api_p99_ms=%.1f "
                    + "bare_tps=%.1f bare_p50_ms=%.1f bare_p99_ms=%.1f failed=%d ratio=%.2f list_p99_ms=%.2f "
                    + "lineage_p99_ms=%.2f%n", n, concurrency, api.throughput(), api.percentile(50), api.percentile(99),
                    bare.throughput(), bare.percentile(50), bare.percentile(99), api.failed() + bare.failed(), ratio,
                    apiList.percentile(99), apiLineage.percentile(99));
        } finally {
            stopApi(schema);
        }
    }

    /** Where an API write's time goes: the Gateway submit (endorse, order, commit) and the wait for the read model. */
    private String timers(String when) {
        io.micrometer.core.instrument.MeterRegistry registry = app.getBean(io.micrometer.core.instrument.MeterRegistry.class);
        StringBuilder out = new StringBuilder("inside the API " + when + " (mean / max ms):");
        for (io.micrometer.core.instrument.Timer t : registry.find("scf.ledger.operation").tag("transaction", "SplitTransfer")
                .tag("outcome", "ok").timers()) {
            out.append(String.format(" ledger submit %.1f / %.1f;", t.mean(TimeUnit.MILLISECONDS), t.max(TimeUnit.MILLISECONDS)));
        }
        for (io.micrometer.core.instrument.Timer t : registry.find("http.server.requests")
                .tag("uri", "/api/v1/tokens/{tokenId}/split").timers()) {
            out.append(String.format(" HTTP server (%s) %.1f / %.1f;", t.getId().getTag("status"), t.mean(TimeUnit.MILLISECONDS),
                    t.max(TimeUnit.MILLISECONDS)));
        }
        for (io.micrometer.core.instrument.Timer t : registry.find("http.server.requests").timers()) {
            String uri = t.getId().getTag("uri");
            if (uri != null && uri.startsWith("/api/v1/signing-sessions/")) {
                out.append(String.format(" HTTP server %s (%s) %.1f / %.1f;", uri.substring(uri.lastIndexOf('/') + 1),
                        t.getId().getTag("status"), t.mean(TimeUnit.MILLISECONDS), t.max(TimeUnit.MILLISECONDS)));
            }
        }
        for (io.micrometer.core.instrument.Timer t : registry.find("scf.readmodel.await").timers()) {
            out.append(String.format(" read-model wait (applied=%s, %d) %.1f / %.1f;", t.getId().getTag("applied"), t.count(),
                    t.mean(TimeUnit.MILLISECONDS), t.max(TimeUnit.MILLISECONDS)));
        }
        for (io.micrometer.core.instrument.Timer t : registry.find("scf.projector.apply").timers()) {
            out.append(String.format(" projector batch %.1f / %.1f (%d batches);", t.mean(TimeUnit.MILLISECONDS),
                    t.max(TimeUnit.MILLISECONDS), t.count()));
        }
        return out.toString();
    }

    // ---- the API in this JVM ----------------------------------------------------------------------------------

    private void startApi(String schema) {
        String password = "bench-" + HexFormat.of().formatHex(randomBytes(12));
        app = new SpringApplicationBuilder(PlatformApiApplication.class).run(
                "--server.port=0", "--server.address=127.0.0.1",
                "--spring.datasource.url=" + dbUrl(), "--spring.datasource.username=" + env("SCF_DB_USER", "scf"),
                "--spring.datasource.password=" + env("SCF_DB_PASSWORD", "scf"),
                "--spring.datasource.hikari.schema=" + schema, "--spring.flyway.schemas=" + schema,
                "--spring.datasource.hikari.maximum-pool-size=" + Math.max(20, 2 * concurrency),
                "--scf.identity.key-encryption-key=" + Base64.getEncoder().encodeToString(randomBytes(32)),
                "--scf.identity.create-key-file=false",
                "--scf.security.bootstrap-admin.username=bench-admin",
                "--scf.security.bootstrap-admin.password=" + password,
                "--scf.projector.enabled=true",
                "--logging.structured.format.console=", "--logging.level.root=WARN",
                "--logging.level.com.scfledger=WARN", "--spring.main.banner-mode=off");
        json = app.getBean(JsonMapper.class);
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        HttpResponse<String> login = post("/api/v1/auth/login", Map.of("username", "bench-admin", "password", password));
        adminToken = json.readTree(login.body()).path("accessToken").asString();
        expect(login, 200, "admin login");
        postPatiently("/api/v1/admin/enterprises/PLATFORM/ledger-identity", "Bearer " + adminToken, 201, "operator enrollment");
        String admin2 = "bench-admin2-" + run.toLowerCase(Locale.ROOT);
        expect(postAuth("/api/v1/admin/enterprises/PLATFORM/users", Map.of("username", admin2, "password", password,
                "role", "PLATFORM_ADMIN"), "Authorization", "Bearer " + adminToken), 201, "second admin");
        HttpResponse<String> login2 = post("/api/v1/auth/login", Map.of("username", admin2, "password", password));
        expect(login2, 200, "second admin login");
        secondAdminToken = json.readTree(login2.body()).path("accessToken").asString();
    }

    private void stopApi(String schema) {
        gateways.values().forEach(Gateway::close);
        if (channel != null) {
            channel.shutdownNow();
        }
        if (app != null) {
            app.close();
            app = null;
        }
        if (!"true".equals(env("BENCH_KEEP_SCHEMA", "false"))) {
            try (Connection c = DriverManager.getConnection(dbUrl(), env("SCF_DB_USER", "scf"), env("SCF_DB_PASSWORD", "scf"));
                 Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (Exception e) {
                say("could not drop schema " + schema + ": " + e.getMessage());
            }
        }
    }

    private void close() {
        http.executor().ifPresent(e -> ((ExecutorService) e).shutdownNow());
    }

    private Party onboard(String prefix, String role, String... scopes) {
        String id = prefix + "-" + run;
        String auth = "Bearer " + adminToken;
        expect(postAuth("/api/v1/admin/enterprises", Map.of("id", id, "name", id, "role", role, "kycHash", sha256("kyc" + id)),
                "Authorization", auth), 201, "create " + id);
        postPatiently("/api/v1/admin/enterprises/" + id + "/ledger-identity", auth, 201, "enroll " + id);
        postPatiently("/api/v1/admin/enterprises/" + id + "/ledger-registration", auth, 200, "propose " + id);
        postPatiently("/api/v1/admin/enterprises/" + id + "/ledger-registration", "Bearer " + secondAdminToken, 200,
                "admit " + id);
        HttpResponse<String> key = postAuth("/api/v1/admin/enterprises/" + id + "/api-keys",
                Map.of("name", "bench", "scopes", List.of(scopes)), "Authorization", auth);
        expect(key, 201, "api key " + id);
        return new Party(id, json.readTree(key.body()).path("apiKey").asString());
    }

    /**
     * An admin step of the setup that the CA or the peer may answer with 503 on a loaded machine (a missed deadline,
     * with Retry-After): tried again, a few times; a retry that finds the step done meanwhile answers 409.
     */
    private void postPatiently(String path, String auth, int expected, String what) {
        HttpResponse<String> r = null;
        for (int attempt = 1; attempt <= 5; attempt++) {
            r = postAuth(path, "", "Authorization", auth);
            if (r.statusCode() == expected || (attempt > 1 && r.statusCode() == 409)) {
                return;
            }
            if (r.statusCode() != 503) {
                break;
            }
            say(what + ": 503, trying again in 5 s");
            try {
                TimeUnit.SECONDS.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        expect(r, expected, what);
    }

    /**
     * Each supplier's system takes its own key (a PKCS#12 file in a temporary directory) and enrolls it by
     * certificate request: the supplier becomes SELF and every write it makes from then on is signed by the client.
     */
    private List<ScfApiClient> selfCustody(List<Party> parties) throws Exception {
        Path dir = Files.createTempDirectory("bench-self");
        dir.toFile().deleteOnExit();
        char[] password = HexFormat.of().formatHex(randomBytes(12)).toCharArray();
        List<ScfApiClient> clients = new ArrayList<>();
        for (Party p : parties) {
            Path file = dir.resolve(p.id() + ".p12");
            file.toFile().deleteOnExit();
            ScfApiClient client = new ScfApiClient(URI.create("http://127.0.0.1:" + port), "X-API-Key", p.apiKey(),
                    KeyStores.pkcs12(file, password, "ledger", true));
            ScfApiClient.Answer enrolled = client.enroll(p.id().toLowerCase(Locale.ROOT));
            if (enrolled.status() != 201) {
                throw new IllegalStateException("enrolling " + p.id() + ": " + enrolled.status() + " " + enrolled.raw());
            }
            clients.add(client);
        }
        say(parties.size() + " suppliers are SELF: each write they make now takes a proposal and a transaction signature");
        return clients;
    }

    // ---- bare Gateway clients with the same identities ------------------------------------------------------------

    private void openChannel() throws Exception {
        FabricNetwork network = app.getBean(FabricNetwork.class);
        OrgSettings peer = network.org(Org.PLATFORM);
        var tls = GrpcSslContexts.forClient().trustManager(peer.peerTlsCa().toFile());
        network.clientTls().ifPresent(c -> tls.keyManager(c.certificate().toFile(), c.privateKey().toFile()));
        NettyChannelBuilder b = NettyChannelBuilder.forTarget(peer.peerEndpoint())
                .sslContext(tls.build())
                .maxInboundMessageSize(64 * 1024 * 1024);
        if (peer.peerHostAlias() != null && !peer.peerHostAlias().isBlank()) {
            b.overrideAuthority(peer.peerHostAlias());
        }
        channel = b.build();
    }

    /** A Gateway for the enterprise's own identity (the key the API keeps for it), as the API builds one. */
    private Contract contract(String enterpriseId) {
        Gateway g = gateways.computeIfAbsent(enterpriseId, id -> {
            LedgerCredentials c = app.getBean(LedgerSigners.class).credentialsOf(id);
            return Gateway.newInstance().identity(new X509Identity(c.mspId(), c.certificate()))
                    .signer(P256Signer.of(c.privateKey())).hash(Hash.SHA256).connection(channel)
                    .evaluateOptions(CallOption.deadlineAfter(5, TimeUnit.SECONDS))
                    .endorseOptions(CallOption.deadlineAfter(15, TimeUnit.SECONDS))
                    .submitOptions(CallOption.deadlineAfter(5, TimeUnit.SECONDS))
                    .commitStatusOptions(CallOption.deadlineAfter(60, TimeUnit.SECONDS))
                    .connect();
        });
        FabricNetwork network = app.getBean(FabricNetwork.class);
        return g.getNetwork(network.channel()).getContract(network.chaincode());
    }

    private JsonNode submit(String enterpriseId, String transaction, String... args) throws Exception {
        String[] withRequest = Arrays.copyOf(args, args.length + 1);
        withRequest[args.length] = "bench-" + UUID.randomUUID();
        Proposal proposal = contract(enterpriseId).newProposal(transaction).addArguments(withRequest).build();
        SubmittedTransaction tx = endorseWhenCaughtUp(proposal).submitAsync();
        if (!tx.getStatus().isSuccessful()) {
            throw new IllegalStateException(transaction + " invalid: " + tx.getStatus().getCode());
        }
        return json.readTree(tx.getResult());
    }

    /**
     * Each preparing write depends on the one before, which committed on the gateway peer; a peer of another
     * organisation a block behind refuses it (the API endorses again in the same way, FabricLedgerClient).
     */
    private static org.hyperledger.fabric.client.Transaction endorseWhenCaughtUp(Proposal proposal) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return proposal.endorse();
            } catch (EndorseException e) {
                boolean behind = e.getStatus().getCode() == io.grpc.Status.Code.ABORTED
                        && String.valueOf(e.getStatus().getDescription()).startsWith("failed to collect enough");
                if (!behind || attempt == 8) {
                    throw e;
                }
                Thread.sleep(25L << Math.min(attempt, 4));
            }
        }
    }

    /** Per holder: payables of 100 x LEAF, each accepted and split twice ten-fold to the holder itself. */
    private Map<Integer, List<String>> prepareTokens(Party core, List<Party> suppliers, int perHolder) throws Exception {
        int payablesPerHolder = (perHolder + 99) / 100;
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(16, holders * payablesPerHolder));
        Map<Integer, List<String>> leaves = new ConcurrentHashMap<>();
        try {
            List<Future<List<String>>> roots = new ArrayList<>();
            List<Integer> owner = new ArrayList<>();
            for (int h = 0; h < holders; h++) {
                for (int p = 0; p < payablesPerHolder; p++) {
                    Party holder = suppliers.get(h);
                    String payableId = "BP-" + holder.id() + "-" + p; // unique per holder: tokens are prepared twice
                    owner.add(h);
                    roots.add(pool.submit(() -> {
                        LocalDate today = LocalDate.now(ZoneOffset.UTC);
                        JsonNode reg = submit(core.id(), "RegisterPayable", payableId, holder.id(), Long.toString(100 * LEAF),
                                "CNY", today.toString(), today.plusDays(90).toString(),
                                "[\"" + sha256("inv" + payableId) + "\"]", sha256("doc" + payableId));
                        submit(holder.id(), "AcceptPayable", core.id(), payableId);
                        String root = reg.path("tokens").get(0).path("id").asString();
                        List<String> tens = splitToSelf(holder.id(), root, 10, 10 * LEAF);
                        List<String> out = new ArrayList<>();
                        for (String t : tens) {
                            out.addAll(splitToSelf(holder.id(), t, 10, LEAF));
                        }
                        return out;
                    }));
                }
            }
            for (int i = 0; i < roots.size(); i++) {
                leaves.computeIfAbsent(owner.get(i), k -> Collections.synchronizedList(new ArrayList<>()))
                        .addAll(roots.get(i).get(10, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        return leaves;
    }

    private List<String> splitToSelf(String holderId, String tokenId, int parts, long each) throws Exception {
        List<Map<String, Object>> outputs = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            outputs.add(Map.of("recipient", holderId, "amount", each));
        }
        JsonNode result = submit(holderId, "SplitTransfer", tokenId, json.writeValueAsString(outputs));
        List<String> children = new ArrayList<>();
        for (JsonNode t : result.path("tokens")) {
            if (tokenId.equals(t.path("parentId").asString())) {
                children.add(t.path("id").asString());
            }
        }
        return children;
    }

    // ---- the write load -----------------------------------------------------------------------------------------

    private interface Action {
        Outcome run(Op op) throws Exception;
    }

    private interface Series {
        void run() throws Exception;
    }

    /** One write's end: an error label, or null when it succeeded; and the time the client spent signing it. */
    private record Outcome(String error, long signingNanos) {
        static final Outcome OK = new Outcome(null, 0);

        static Outcome failed(String error) {
            return new Outcome(error, 0);
        }
    }

    private String outputs(List<Party> suppliers, Op op) {
        List<Map<String, Object>> outs = new ArrayList<>();
        outs.add(Map.of("recipient", suppliers.get(op.recipient()).id(), "amount", TRANSFER));
        outs.add(Map.of("recipient", suppliers.get(op.holder()).id(), "amount", LEAF - TRANSFER));
        return json.writeValueAsString(outs);
    }

    private Outcome apiSplit(List<Party> suppliers, Op op, List<String> lineage) {
        Map<String, Object> body = Map.of("outputs", List.of(
                Map.of("recipient", suppliers.get(op.recipient()).id(), "amountMinor", TRANSFER),
                Map.of("recipient", suppliers.get(op.holder()).id(), "amountMinor", LEAF - TRANSFER)));
        HttpResponse<String> r = postAuth("/api/v1/tokens/" + op.tokenId() + "/split", body, "X-API-Key",
                suppliers.get(op.holder()).apiKey(), "Idempotency-Key", "bench-" + op.tokenId());
        if (r.statusCode() != 201) {
            return Outcome.failed(r.statusCode() + " " + json.readTree(r.body()).path("code").asString());
        }
        if (lineage != null) {
            for (JsonNode t : json.readTree(r.body()).path("created")) {
                if (t.path("holderId").asString().equals(suppliers.get(op.recipient()).id())) {
                    lineage.add(t.path("tokenId").asString() + "|" + op.recipient());
                }
            }
        }
        return Outcome.OK;
    }

    /** The same split through the REST API by a SELF holder: 202, proposal signature, transaction signature, 201. */
    private Outcome selfSplit(List<Party> suppliers, List<ScfApiClient> signers, Op op) {
        Map<String, Object> body = Map.of("outputs", List.of(
                Map.of("recipient", suppliers.get(op.recipient()).id(), "amountMinor", TRANSFER),
                Map.of("recipient", suppliers.get(op.holder()).id(), "amountMinor", LEAF - TRANSFER)));
        ScfApiClient.Write w = signers.get(op.holder()).write("POST", "/api/v1/tokens/" + op.tokenId() + "/split",
                json.writeValueAsString(body), "bench-" + op.tokenId());
        if (w.answer().status() != 201) {
            return Outcome.failed(w.answer().status() + " " + w.answer().body().path("code").asText());
        }
        if (w.signatures() != 2) {
            return Outcome.failed(w.signatures() + " signatures");
        }
        return new Outcome(null, w.signingNanos());
    }

    private Outcome bareSplit(List<Party> suppliers, Op op, List<String> unused) {
        try {
            SubmittedTransaction tx = contract(suppliers.get(op.holder()).id()).newProposal("SplitTransfer")
                    .addArguments(op.tokenId(), outputs(suppliers, op), "bench-" + UUID.randomUUID()).build()
                    .endorse().submitAsync();
            return tx.getStatus().isSuccessful() ? Outcome.OK : Outcome.failed(tx.getStatus().getCode().name());
        } catch (Exception e) {
            return Outcome.failed(e.getClass().getSimpleName());
        }
    }

    private Stats runWrites(String name, List<Op> ops, Action action) throws Exception {
        long[] latencies = new long[ops.size()];
        boolean[] ok = new boolean[ops.size()];
        Map<String, Integer> errors = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        AtomicLong busyNanos = new AtomicLong();
        AtomicLong signingNanos = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        try {
            List<Callable<Void>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(() -> {
                    for (int i = next.getAndIncrement(); i < ops.size(); i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        Outcome outcome;
                        try {
                            outcome = action.run(ops.get(i));
                        } catch (Exception e) {
                            outcome = Outcome.failed(e.getClass().getSimpleName());
                        }
                        long took = System.nanoTime() - t0;
                        busyNanos.addAndGet(took);
                        signingNanos.addAndGet(outcome.signingNanos());
                        latencies[i] = took - outcome.signingNanos();
                        String error = outcome.error();
                        ok[i] = error == null;
                        if (error != null) {
                            errors.merge(error, 1, Integer::sum);
                        }
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(workers, 30, TimeUnit.MINUTES)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        List<Long> okLatencies = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            if (ok[i]) {
                okLatencies.add(latencies[i]);
            }
        }
        int good = okLatencies.size();
        double signingWall = busyNanos.get() == 0 ? 0 : wall * signingNanos.get() / busyNanos.get();
        return new Stats(name, good, ops.size() - good, wall, signingWall, signingNanos.get(),
                okLatencies.stream().mapToLong(Long::longValue).toArray(), errors);
    }

    // ---- the read load, open loop at a fixed rate ---------------------------------------------------------------

    private interface Read {
        boolean run(int i) throws Exception;
    }

    private Stats runReads(String name, Read read) throws Exception {
        int total = readRate * readSeconds;
        long period = 1_000_000_000L / readRate;
        long[] latencies = new long[total];
        boolean[] ok = new boolean[total];
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<?>> futures = new ArrayList<>();
        for (int warm = 0; warm < 20; warm++) {
            read.run(warm);
        }
        long start = System.nanoTime();
        try {
            for (int i = 0; i < total; i++) {
                long due = start + i * period;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                int index = i;
                futures.add(pool.submit(() -> {
                    try {
                        ok[index] = read.run(index);
                    } catch (Exception e) {
                        ok[index] = false;
                    }
                    latencies[index] = System.nanoTime() - due; // from the scheduled start: queueing counts
                }));
            }
            for (Future<?> f : futures) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        int good = 0;
        for (boolean b : ok) {
            good += b ? 1 : 0;
        }
        return new Stats(name, good, total - good, wall, latencies, Map.of());
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private void awaitCaughtUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long quietSince = -1;
        while (System.nanoTime() < deadline) {
            JsonNode s = json.readTree(get("/api/v1/admin/read-model", null, "Authorization", "Bearer " + adminToken).body());
            boolean idle = s.path("leader").asBoolean() && s.path("connected").asBoolean()
                    && s.path("headConnected").asBoolean()
                            && s.path("headBlock").asLong() >= 0 && s.path("lagEvents").asInt() == 0;
            if (!idle) {
                quietSince = -1;
            } else if (quietSince < 0) {
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > 1_000_000_000L) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the read model did not catch up within " + timeout);
    }

    private HttpResponse<String> get(String path, String apiKey, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET()
                .timeout(Duration.ofSeconds(30));
        if (apiKey != null) {
            b.header("X-API-Key", apiKey);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    private HttpResponse<String> post(String path, Object body) {
        return postAuth(path, body);
    }

    private HttpResponse<String> postAuth(String path, Object body, String... headers) {
        String text = body instanceof String s ? s : json.writeValueAsString(body);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(text)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(90));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        return BenchSupport.send(http, b);
    }


    private static void say(String line) {
        System.out.println("[bench] " + line);
    }





}
