package com.scfledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.scfledger.platform.IntegrationTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Operations endpoints as production runs them: the API docs switched off with {@code scf.api-docs.enabled=false},
 * the health status public but its details and the metrics only for a platform admin, and a strict Referrer-Policy
 * on every response.
 */
@TestPropertySource(properties = "scf.api-docs.enabled=false")
class OperationsEndpointsIntegrationTest extends IntegrationTestBase {

    private static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

    @Test
    void withTheApiDocsSwitchedOffTheDocumentAndSwaggerUiAre404Problems() {
        String[] paths = {"/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config", "/swagger-ui.html",
            "/swagger-ui/index.html"};
        for (String path : paths) {
            Response r = get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.contentType()).as(path).startsWith("application/problem+json");
            assertThat(r.json().path("code").asString()).as(path).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void theHealthStatusIsPublicButItsComponentsAreForAPlatformAdmin() {
        Response anonymous = get("/actuator/health");
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().path("status").asString()).isEqualTo("UP");
        assertThat(anonymous.json().has("components")).isFalse();
        assertThat(anonymous.body()).doesNotContain("ledger", "db");

        String member = login(createUser(adminToken(), createEnterprise(adminToken(), "OPS", "SUPPLIER"), "SUPPLIER"),
                "correct horse battery");
        Response user = get("/actuator/health", bearer(member));
        assertThat(user.status()).isEqualTo(200);
        assertThat(user.json().has("components")).isFalse();

        Response admin = get("/actuator/health", bearer(adminToken()));
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.json().path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(admin.json().path("components").has("ledger")).isTrue();
    }

    @Test
    void metricsNeedAPlatformAdmin() {
        for (String path : new String[] {"/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/jvm.memory.used"}) {
            Response anonymous = get(path);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.contentType()).as(path).startsWith("application/problem+json");
            assertThat(get(path, bearer(adminToken())).status()).as(path).isEqualTo(200);
        }
        String member = login(createUser(adminToken(), createEnterprise(adminToken(), "OPM", "SUPPLIER"), "SUPPLIER"),
                "correct horse battery");
        assertThat(get("/actuator/prometheus", bearer(member)).status()).isEqualTo(403);
    }

    @Test
    void everyResponseCarriesAStrictReferrerPolicy() {
        assertThat(get("/actuator/health").header("Referrer-Policy")).isEqualTo(REFERRER_POLICY);
        assertThat(get("/api/v1/tokens").header("Referrer-Policy")).isEqualTo(REFERRER_POLICY);          // 401
        assertThat(get("/api/v1/nothing-here", bearer(adminToken())).header("Referrer-Policy"))
                .isEqualTo(REFERRER_POLICY);                                                               // 404
        assertThat(get("/api/v1/auth/me", bearer(adminToken())).header("Referrer-Policy")).isEqualTo(REFERRER_POLICY);
        assertThat(get("/").header("Referrer-Policy")).isEqualTo(REFERRER_POLICY);                       // the web UI's chain
        assertThat(get("/api/v1/tokens?=x", bearer(adminToken())).header("Referrer-Policy"))
                .isEqualTo(REFERRER_POLICY);                                                               // hygiene 400
    }
}
