package com.scfledger.platform.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.scfledger.platform.IntegrationTestBase;
import org.junit.jupiter.api.Test;

class AdminIntegrationTest extends IntegrationTestBase {

    @Test
    void enterprisesAreCreatedPendingAndDuplicatesRefused() {
        String admin = adminToken();
        String id = unique("BANK");
        Response r = post("/api/v1/admin/enterprises", Map.of("id", id, "name", "A Bank", "role", "BANK"), bearer(admin));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.header("Location")).isEqualTo("/api/v1/admin/enterprises/" + id);
        assertThat(r.json().path("status").asString()).isEqualTo("PENDING");
        assertThat(r.json().path("org").asString()).isEqualTo("BANK");
        Response dup = post("/api/v1/admin/enterprises", Map.of("id", id, "name", "Again", "role", "BANK"), bearer(admin));
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.json().path("code").asString()).isEqualTo("ENTERPRISE_EXISTS");
        assertThat(get("/api/v1/admin/enterprises/" + id, bearer(admin)).json().path("name").asString()).isEqualTo("A Bank");
        Response missing = get("/api/v1/admin/enterprises/NOPE-" + id, bearer(admin));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("code").asString()).isEqualTo("ENTERPRISE_NOT_FOUND");
    }

    @Test
    void suppliersDefaultToThePlatformOrganisation() {
        String admin = adminToken();
        String id = createEnterprise(admin, "SUPP", "SUPPLIER");
        assertThat(get("/api/v1/admin/enterprises/" + id, bearer(admin)).json().path("org").asString()).isEqualTo("PLATFORM");
    }

    @Test
    void invalidEnterprisesAreRefusedField() {
        Response r = post("/api/v1/admin/enterprises", Map.of("id", "x", "name", "", "role", "CORE"), bearer(adminToken()));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(r.json().path("errors").toString()).contains("\"field\":\"id\"").contains("\"field\":\"name\"");
        Response badRole = post("/api/v1/admin/enterprises", Map.of("id", unique("X"), "name", "n", "role", "KING"),
                bearer(adminToken()));
        assertThat(badRole.status()).isEqualTo(400);
    }

    @Test
    void aUsersRoleMustFitItsEnterprise() {
        String admin = adminToken();
        String core = createEnterprise(admin, "CORE", "CORE");
        Response r = post("/api/v1/admin/enterprises/" + core + "/users",
                Map.of("username", unique("u").toLowerCase(), "password", "correct horse battery", "role", "BANK"),
                bearer(admin));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().path("code").asString()).isEqualTo("ROLE_NOT_ALLOWED");
        Response weak = post("/api/v1/admin/enterprises/" + core + "/users",
                Map.of("username", unique("u").toLowerCase(), "password", "short", "role", "CORE"), bearer(admin));
        assertThat(weak.status()).isEqualTo(400);
        String name = createUser(admin, core, "CORE");
        Response taken = post("/api/v1/admin/enterprises/" + core + "/users",
                Map.of("username", name.toUpperCase(), "password", "correct horse battery", "role", "CORE"), bearer(admin));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().path("code").asString()).isEqualTo("USERNAME_TAKEN");
    }

    @Test
    void anApiKeyIsShownOnceStoredHashedAndActsForItsEnterpriseWithItsScopes() {
        String admin = adminToken();
        String core = createEnterprise(admin, "CORE", "CORE");
        Response created = post("/api/v1/admin/enterprises/" + core + "/api-keys",
                Map.of("name", "SAP", "scopes", List.of("payables:write", "payables:read")), bearer(admin));
        assertThat(created.status()).isEqualTo(201);
        String key = created.json().path("apiKey").asString();
        assertThat(key).startsWith("scf_");

        Response me = get("/api/v1/auth/me", apiKey(key));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("kind").asString()).isEqualTo("API_KEY");
        assertThat(me.json().path("enterpriseId").asString()).isEqualTo(core);
        assertThat(me.json().path("role").asString()).isEqualTo("CORE");
        assertThat(me.json().path("scopes").toString()).isEqualTo("[\"payables:read\",\"payables:write\"]");

        Response list = get("/api/v1/admin/enterprises/" + core + "/api-keys", bearer(admin));
        assertThat(list.body()).doesNotContain(key.substring(18));
        long inClear = jdbc.sql("SELECT count(*) FROM api_keys WHERE encode(key_hash, 'hex') = :k OR name = :k")
                .param("k", key).query(Long.class).single();
        assertThat(inClear).isZero();

        String keyId = created.json().path("id").asString();
        assertThat(delete("/api/v1/admin/enterprises/" + core + "/api-keys/" + keyId, bearer(admin)).status()).isEqualTo(204);
        assertThat(get("/api/v1/auth/me", apiKey(key)).status()).isEqualTo(401);
    }

    @Test
    void keysCannotBeWiderThanTheEnterprisesRole() {
        String admin = adminToken();
        String supplier = createEnterprise(admin, "SUPP", "SUPPLIER");
        Response r = post("/api/v1/admin/enterprises/" + supplier + "/api-keys",
                Map.of("name", "erp", "scopes", List.of("payables:write")), bearer(admin));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().path("code").asString()).isEqualTo("SCOPE_NOT_ALLOWED");
        Response unknown = post("/api/v1/admin/enterprises/" + supplier + "/api-keys",
                Map.of("name", "erp", "scopes", List.of("everything")), bearer(admin));
        assertThat(unknown.status()).isEqualTo(400);
        String platform = createEnterprise(admin, "PLAT", "PLATFORM");
        Response none = post("/api/v1/admin/enterprises/" + platform + "/api-keys",
                Map.of("name", "erp", "scopes", List.of("tokens:read")), bearer(admin));
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.json().path("code").asString()).isEqualTo("API_KEY_NOT_ALLOWED");
    }
}
