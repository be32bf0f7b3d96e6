package com.scfledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.scfledger.platform.IntegrationTestBase;
import org.junit.jupiter.api.Test;

class ApiFoundationIntegrationTest extends IntegrationTestBase {

    @Test
    void flywayCreatedTheSchema() {
        List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")
                .query(String.class).list();
        assertThat(tables).contains("users", "enterprises", "api_keys", "access_tokens", "ledger_identities",
                "idempotency_keys", "payables", "tokens", "financings", "anchors", "ledger_enterprises", "ledger_settings",
                "projected_events", "projector_checkpoint", "import_jobs", "import_rows", "flyway_schema_history",
                "documents", "kyc_applications", "kyc_events", "financing_applications", "financing_events", "credit_limits",
                "audit_log");
    }

    @Test
    void healthIsUpWithTheDatabaseAndShowsTheLedger() {
        Response r = get("/actuator/health", bearer(adminToken()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("status").asString()).isEqualTo("UP");
        assertThat(r.json().path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(r.json().path("components").path("ledger").path("status").asString()).isEqualTo("UP");
        assertThat(r.json().path("components").path("ledger").path("details").path("organisations").toString())
                .contains("PLATFORM", "BANK", "CORE");
    }

    @Test
    void prometheusMetricsAreExposed() {
        get("/actuator/health");
        Response r = get("/actuator/prometheus", bearer(adminToken()));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    @Test
    void openApiDescribesTheApiAndSwaggerUiIsServed() {
        Response docs = get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").has("/api/v1/payables")).isTrue();
        assertThat(docs.json().path("paths").has("/api/v1/auth/login")).isTrue();
        assertThat(docs.json().path("components").path("securitySchemes").has("apiKey")).isTrue();
        assertThat(get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void anUnknownPathIsA404Problem() {
        Response r = get("/api/v1/nothing-here", bearer(adminToken()));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(r.json().path("type").asString()).isEqualTo("urn:scf:problem:not-found");
        assertThat(r.json().path("instance").asString()).isEqualTo("/api/v1/nothing-here");
    }

    @Test
    void anonymousCallsGetA401Problem() {
        Response r = get("/api/v1/auth/me");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void malformedJsonIsA400Problem() {
        Response r = post("/api/v1/auth/login", "{\"username\": ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("code").asString()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void invalidFieldsAreListed() {
        Response r = post("/api/v1/auth/login", Map.of("username", "", "password", "x"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("username");
    }

    @Test
    void aWrongMethodIsA405Problem() {
        Response r = get("/api/v1/auth/login");
        assertThat(r.status()).isIn(401, 405);
        assertThat(r.json().path("code").asString()).isIn("METHOD_NOT_ALLOWED", "UNAUTHENTICATED");
        Response authed = get("/api/v1/auth/login", bearer(adminToken()));
        assertThat(authed.status()).isEqualTo(405);
        assertThat(authed.json().path("code").asString()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void aStatusFilterBindsAsAnEnumAndABlankOrUnknownValueIsA400() {
        String admin = adminToken();
        assertThat(get("/api/v1/admin/kyc/applications?status=SUBMITTED", bearer(admin)).status()).isEqualTo(200);
        for (String query : List.of("status=SUBMITTED,", "status=%20", "status=NOPE", "status=SUBMITTED,,REVIEWED")) {
            Response r = get("/api/v1/admin/kyc/applications?" + query, bearer(admin));
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.contentType()).as(query).startsWith("application/problem+json");
            assertThat(r.json().path("code").asString()).as(query).isEqualTo("VALIDATION_FAILED");
            assertThat(r.json().path("errors").get(0).path("field").asString()).as(query).isEqualTo("status");
        }
        assertThat(get("/api/v1/admin/kyc/applications?status=NOPE", bearer(admin)).json().path("errors").get(0)
                .path("message").asString()).startsWith("must be one of ").contains("SUBMITTED");
    }

    @Test
    void theOpenApiDocumentNamesEverySchemaOnceWithTypedBodiesAndEnums() {
        var schemas = get("/v3/api-docs").json().path("components").path("schemas");
        assertThat(schemas.has("Summary")).as("two lists used to share the name Summary").isFalse();
        assertThat(schemas.has("KycSummary")).isTrue();
        assertThat(schemas.has("FinancingSummary")).isTrue();
        assertThat(schemas.has("SplitResult")).as("the split answer has a schema").isTrue();
        assertThat(schemas.has("RegisteredPayable")).isTrue();
        assertThat(schemas.path("PayableView").path("properties").path("status").path("enum").toString())
                .contains("PENDING_ACCEPTANCE", "SETTLED");
        assertThat(schemas.path("TokenView").path("properties").path("status").path("enum").toString())
                .contains("FINANCING_PENDING");
    }
}
