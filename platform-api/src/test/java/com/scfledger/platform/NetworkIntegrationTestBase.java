package com.scfledger.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.scfledger.platform.ledger.LedgerClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The whole application on a random port over real HTTP, against the real PostgreSQL and the real
 * Fabric network of {@code fabric-network/.run/network.env}: identities enrolled at the live CAs,
 * transactions endorsed and committed, the read model fed by the chaincode events. The ledger
 * outlives test runs, so every enterprise and payable gets a fresh random id.
 */
@ExtendWith({PostgresRequired.class, NetworkRequired.class})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"itest", "network"})
public abstract class NetworkIntegrationTestBase extends ApiTestSupport {

    public static final String OPERATOR = "PLATFORM";

    /** Scopes an API key of each enterprise role gets in these tests: all its role allows. */
    static final Map<String, List<String>> SCOPES = Map.of(
            "CORE", List.of("payables:read", "payables:write", "tokens:read"),
            "SUPPLIER", List.of("payables:read", "tokens:read", "tokens:write", "financing:write"),
            "BANK", List.of("tokens:read", "financing:write"));

    private static final Object OPERATOR_LOCK = new Object();
    private static volatile boolean operatorEnrolled;

    @Autowired
    protected LedgerClient ledgerClient;

    /** An onboarded enterprise: registered on the ledger, with an ERP API key and a logged-in user. */
    public record Party(String id, String role, String apiKey, String userToken) {
        public String[] key() {
            return new String[] {"X-API-Key", apiKey};
        }

        public String[] user() {
            return new String[] {"Authorization", "Bearer " + userToken};
        }
    }

    /**
     * The platform operator's own identity (PLATFORM_ADMIN in PlatformMSP) is enrolled afresh once per
     * test JVM: one left in the database by an earlier run may come from a network that has since
     * been recreated.
     */
    @BeforeEach
    void enrollOperator() {
        if (operatorEnrolled) {
            return;
        }
        synchronized (OPERATOR_LOCK) {
            if (!operatorEnrolled) {
                Response r = post("/api/v1/admin/enterprises/" + OPERATOR + "/ledger-identity", "", bearer(adminToken()));
                if (r.status() != 201) {
                    throw new AssertionError("enrolling the operator failed: " + r.status() + " " + r.body());
                }
                operatorEnrolled = true;
                awaitReadModelCaughtUp(java.time.Duration.ofMinutes(5));
            }
        }
    }

    /**
     * Waits until the projector leads, follows both streams and has nothing pending, for a quiet
     * second (a test JVM's schema starts empty, so the first wait replays the chain from block 0).
     */
    protected void awaitReadModelCaughtUp(java.time.Duration timeout) {
        String admin = adminToken();
        long deadline = System.nanoTime() + timeout.toNanos();
        long quietSince = -1;
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = get("/api/v1/admin/read-model", bearer(admin)).json();
            boolean idle = last.path("leader").asBoolean() && last.path("connected").asBoolean()
                    && last.path("headConnected").asBoolean() && last.path("headBlock").asLong() >= 0
                    && last.path("lagEvents").asInt() == 0;
            if (!idle) {
                quietSince = -1;
            } else if (quietSince < 0) {
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > 1_000_000_000L) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the read model did not catch up within " + timeout + ": " + last);
    }

    protected static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** Creates the enterprise, enrolls its identity at its organisation's CA and registers it on the ledger. */
    protected Party onboard(String prefix, String role) {
        String admin = adminToken();
        String id = unique(prefix);
        Response created = post("/api/v1/admin/enterprises", Map.of("id", id, "name", prefix + " Ltd", "role", role,
                "kycHash", sha256("kyc:" + id)), bearer(admin));
        expect(created, 201, "create " + id);
        expect(post("/api/v1/admin/enterprises/" + id + "/ledger-identity", "", bearer(admin)), 201, "enroll " + id);
        // Admission takes two platform admins: the first call proposes, the second (another admin) confirms.
        expect(post("/api/v1/admin/enterprises/" + id + "/ledger-registration", "", bearer(admin)), 200, "propose " + id);
        expect(post("/api/v1/admin/enterprises/" + id + "/ledger-registration", "", bearer(secondAdminToken())), 200,
                "register " + id);
        String key = createApiKey(admin, id, SCOPES.get(role).toArray(String[]::new));
        String username = createUser(admin, id, role);
        return new Party(id, role, key, login(username, "correct horse battery"));
    }

    private static String secondAdmin;

    /** A second platform admin, logged in: confirms the admissions the bootstrap admin proposes. */
    protected synchronized String secondAdminToken() {
        if (secondAdmin == null) {
            secondAdmin = createUser(adminToken(), OPERATOR, "PLATFORM_ADMIN");
        }
        return login(secondAdmin, "correct horse battery");
    }

    /** A user of the platform's own enterprise with the AUDITOR role, logged in. */
    protected String auditorToken() {
        return login(createUser(adminToken(), OPERATOR, "AUDITOR"), "correct horse battery");
    }

    protected static Response expect(Response r, int status, String what) {
        if (r.status() != status) {
            throw new AssertionError(what + ": expected " + status + " but got " + r.status() + " " + r.body());
        }
        return r;
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A payable body for POST /api/v1/payables, with fingerprints unique to this payable. */
    protected static Map<String, Object> payable(String payableId, String beneficiaryId, long amountMinor, LocalDate maturity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("payableId", payableId);
        body.put("beneficiaryId", beneficiaryId);
        body.put("amountMinor", amountMinor);
        body.put("currency", "CNY");
        body.put("issueDate", today().minusDays(1).toString());
        body.put("maturityDate", maturity.toString());
        body.put("invoiceFingerprints", List.of(sha256("invoice:" + payableId + ":" + beneficiaryId)));
        body.put("documentHash", sha256("document:" + payableId));
        return body;
    }

    /** Registers a payable as the core enterprise (through its API key) and returns the 201 answer. */
    protected Response registerPayable(Party core, String payableId, Party supplier, long amountMinor, LocalDate maturity) {
        return expect(post("/api/v1/payables", payable(payableId, supplier.id(), amountMinor, maturity), core.key()[0],
                core.key()[1], "Idempotency-Key", "reg-" + payableId), 201, "register " + payableId);
    }
}
