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
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.scfledger.platform.PlatformApiApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ERP bulk import, end to end on the running network: a generated CSV of BENCH_IMPORT_ROWS payables (10,000)
 * owed by one core enterprise to BENCH_IMPORT_SUPPLIERS suppliers (4) is uploaded to POST /api/v1/payables/imports
 * and followed until the job completes. It prints the job's progress, the time from upload to completion and one
 * summary line a script can read ({@code IMPORT_SUMMARY key=value ...}); the target is under 300 s for 10,000 rows.
 * The API runs in this JVM on a random loopback port, in a fresh schema (dropped at the end unless
 * BENCH_KEEP_SCHEMA=true). Every wait is bounded (BENCH_IMPORT_TIMEOUT seconds, 900).
 */
public final class ImportBench {

    private static final String HEADER =
            "payableId,beneficiaryId,amountMinor,currency,issueDate,maturityDate,invoiceFingerprints,documentHash";
    private static final String PASSWORD = "correct horse battery";
    private static final int TARGET_SECONDS = 300;

    private final int rows = intOption("BENCH_IMPORT_ROWS", 10_000);
    private final int suppliers = intOption("BENCH_IMPORT_SUPPLIERS", 4);
    private final int timeoutSeconds = intOption("BENCH_IMPORT_TIMEOUT", 900);
    private final String run = Long.toString(System.currentTimeMillis() / 1000, 36).toUpperCase(Locale.ROOT)
            + HexFormat.of().formatHex(randomBytes(2)).toUpperCase(Locale.ROOT);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ConfigurableApplicationContext app;
    private JsonMapper json;
    private int port;
    private String admin;
    private String secondAdmin;

    public static void main(String[] args) {
        ImportBench bench = new ImportBench();
        String schema = "bench_import_" + bench.run.toLowerCase(Locale.ROOT);
        int status = 0;
        try {
            bench.startApi(schema);
            status = bench.measure() ? 0 : 1;
        } catch (Exception | AssertionError e) {
            System.err.println("bench failed: " + e);
            e.printStackTrace();
            status = 2;
        } finally {
            bench.stopApi(schema);
        }
        System.exit(status);
    }

    private boolean measure() throws Exception {
        say("onboarding 1 core enterprise and " + suppliers + " suppliers (two admins admit each)");
        String core = onboard("ICORE", "CORE");
        String coreKey = apiKey(core, "payables:write", "payables:read");
        List<String> beneficiaries = new ArrayList<>();
        for (int s = 0; s < suppliers; s++) {
            beneficiaries.add(onboard("ISUP" + s, "SUPPLIER"));
        }
        String csv = csv(beneficiaries);
        Path file = Path.of("target", "bench-import-" + run + ".csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv);
        say("generated " + rows + " rows (" + csv.length() / 1024 + " KiB) in " + file);

        long start = System.nanoTime();
        HttpResponse<String> accepted = send(HttpRequest.newBuilder(uri("/api/v1/payables/imports"))
                .header("Content-Type", "text/csv").header("X-API-Key", coreKey)
                .POST(HttpRequest.BodyPublishers.ofString(csv)).timeout(Duration.ofSeconds(300)));
        expect(accepted, 202, "upload");
        double uploadSeconds = seconds(start);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        say(String.format("upload answered 202 in %.1f s; following %s", uploadSeconds, location));

        JsonNode job = null;
        long deadline = start + timeoutSeconds * 1_000_000_000L;
        long lastReport = 0;
        while (System.nanoTime() < deadline) {
            job = json.readTree(send(HttpRequest.newBuilder(uri(location)).header("X-API-Key", coreKey).GET()
                    .timeout(Duration.ofSeconds(30))).body());
            if ("COMPLETED".equals(job.path("status").asString())) {
                break;
            }
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                lastReport = System.nanoTime();
                say(String.format("%5.0f s: %d of %d rows processed (%d registered)", seconds(start),
                        rows - job.path("pending").asInt(), rows, job.path("registered").asInt()));
            }
            Thread.sleep(500);
        }
        double total = seconds(start);
        boolean completed = job != null && "COMPLETED".equals(job.path("status").asString());
        int registered = job == null ? 0 : job.path("registered").asInt();
        boolean pass = completed && registered == rows && total < TARGET_SECONDS;
        say(String.format("%s after %.1f s: %s", completed ? "completed" : "NOT completed", total, job));
        System.out.printf(Locale.ROOT, "IMPORT_SUMMARY rows=%d registered=%d already=%d invalid=%d failed=%d "
                        + "upload_s=%.1f total_s=%.1f rows_per_s=%.1f target_s=%d pass=%s%n", rows, registered,
                job == null ? 0 : job.path("alreadyRegistered").asInt(), job == null ? 0 : job.path("invalid").asInt(),
                job == null ? 0 : job.path("failed").asInt(), uploadSeconds, total, registered / total, TARGET_SECONDS,
                pass);
        return pass;
    }

    private String csv(List<String> beneficiaries) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (int i = 1; i <= rows; i++) {
            csv.append("INV-").append(run).append('-').append(i).append(',')
                    .append(beneficiaries.get(i % beneficiaries.size())).append(',').append(10_000L + i).append(",CNY,")
                    .append(today).append(',').append(today.plusDays(30 + i % 90)).append(',')
                    .append(sha256("invoice:" + run + ":" + i)).append(',').append(sha256("document:" + run + ":" + i))
                    .append("\r\n");
        }
        return csv.toString();
    }

    // ---- the API in this JVM and its onboarding --------------------------------------------------------------------

    private void startApi(String schema) {
        String password = "bench-" + HexFormat.of().formatHex(randomBytes(12));
        say("starting the API in-process (schema " + schema + ")");
        app = new SpringApplicationBuilder(PlatformApiApplication.class).run(
                "--server.port=0", "--server.address=127.0.0.1",
                "--spring.datasource.url=" + dbUrl(), "--spring.datasource.username=" + env("SCF_DB_USER", "scf"),
                "--spring.datasource.password=" + env("SCF_DB_PASSWORD", "scf"),
                "--spring.datasource.hikari.schema=" + schema, "--spring.flyway.schemas=" + schema,
                "--scf.identity.key-encryption-key=" + Base64.getEncoder().encodeToString(randomBytes(32)),
                "--scf.identity.create-key-file=false",
                "--scf.security.bootstrap-admin.username=bench-admin",
                "--scf.security.bootstrap-admin.password=" + password,
                "--scf.projector.enabled=true",
                "--logging.structured.format.console=", "--logging.level.root=WARN",
                "--logging.level.com.scfledger=WARN", "--spring.main.banner-mode=off");
        json = app.getBean(JsonMapper.class);
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        say("the API listens on 127.0.0.1:" + port);
        admin = login("bench-admin", password);
        expect(post("/api/v1/admin/enterprises/PLATFORM/ledger-identity", "", admin), 201, "operator enrollment");
        String username = "bench-admin2-" + run.toLowerCase(Locale.ROOT);
        expect(post("/api/v1/admin/enterprises/PLATFORM/users", Map.of("username", username, "password", PASSWORD,
                "role", "PLATFORM_ADMIN"), admin), 201, "second admin");
        secondAdmin = login(username, PASSWORD);
    }

    private void stopApi(String schema) {
        if (app != null) {
            app.close();
        }
        if ("true".equals(env("BENCH_KEEP_SCHEMA", "false"))) {
            return;
        }
        try (Connection c = DriverManager.getConnection(dbUrl(), env("SCF_DB_USER", "scf"), env("SCF_DB_PASSWORD", "scf"));
             Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (Exception e) {
            say("could not drop schema " + schema + ": " + e.getMessage());
        }
    }

    private String onboard(String prefix, String role) {
        String id = prefix + "-" + run;
        expect(post("/api/v1/admin/enterprises", Map.of("id", id, "name", id, "role", role, "kycHash",
                sha256("kyc" + id)), admin), 201, "create " + id);
        expect(post("/api/v1/admin/enterprises/" + id + "/ledger-identity", "", admin), 201, "enroll " + id);
        expect(post("/api/v1/admin/enterprises/" + id + "/ledger-registration", "", admin), 200, "propose " + id);
        expect(post("/api/v1/admin/enterprises/" + id + "/ledger-registration", "", secondAdmin), 200, "admit " + id);
        return id;
    }

    private String apiKey(String enterpriseId, String... scopes) {
        HttpResponse<String> key = post("/api/v1/admin/enterprises/" + enterpriseId + "/api-keys",
                Map.of("name", "erp", "scopes", List.of(scopes)), admin);
        expect(key, 201, "api key " + enterpriseId);
        return json.readTree(key.body()).path("apiKey").asString();
    }

    private String login(String username, String password) {
        HttpResponse<String> r = post("/api/v1/auth/login", Map.of("username", username, "password", password), null);
        expect(r, 200, "login " + username);
        return json.readTree(r.body()).path("accessToken").asString();
    }

    private HttpResponse<String> post(String path, Object body, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json.writeValueAsString(body)))
                .timeout(Duration.ofSeconds(90));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        return BenchSupport.send(http, b);
    }


    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void say(String line) {
        System.out.println("[bench-import] " + line);
    }





}
