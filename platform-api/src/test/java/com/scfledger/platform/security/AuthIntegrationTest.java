package com.scfledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.scfledger.platform.IntegrationTestBase;
import org.junit.jupiter.api.Test;

class AuthIntegrationTest extends IntegrationTestBase {

    @Test
    void theBootstrapAdminLogsInAndGetsAShortLivedBearerToken() {
        Response r = post("/api/v1/auth/login", Map.of("username", ADMIN, "password", ADMIN_PASSWORD));
        assertThat(r.status()).isEqualTo(200);
        String token = r.json().path("accessToken").asString();
        assertThat(token).startsWith("scf_at_");
        assertThat(r.json().path("tokenType").asString()).isEqualTo("Bearer");
        assertThat(r.json().path("expiresIn").asLong()).isBetween(1L, 1800L);

        Response me = get("/api/v1/auth/me", bearer(token));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("role").asString()).isEqualTo("PLATFORM_ADMIN");
        assertThat(me.json().path("kind").asString()).isEqualTo("USER");
    }

    @Test
    void passwordsAreStoredAsArgon2AndTokensOnlyAsDigests() {
        String token = adminToken();
        String hash = jdbc.sql("SELECT password_hash FROM users WHERE username = :u").param("u", ADMIN)
                .query(String.class).single();
        assertThat(hash).startsWith("{argon2}$argon2id$");
        long plain = jdbc.sql("SELECT count(*) FROM access_tokens WHERE encode(token_hash, 'escape') LIKE :t")
                .param("t", "%" + token + "%").query(Long.class).single();
        assertThat(plain).isZero();
    }

    @Test
    void aWrongPasswordIs401AndAnUnknownUserLooksTheSame() {
        Response wrong = post("/api/v1/auth/login", Map.of("username", ADMIN, "password", "not-it"));
        Response unknown = post("/api/v1/auth/login", Map.of("username", unique("nobody"), "password", "not-it"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.json().path("code").asString()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(unknown.json().path("detail").asString()).isEqualTo(wrong.json().path("detail").asString());
    }

    @Test
    void repeatedFailuresOfOneUsernameAreRateLimited() {
        String username = unique("victim").toLowerCase();
        for (int i = 0; i < 5; i++) {
            assertThat(post("/api/v1/auth/login", Map.of("username", username, "password", "guess" + i)).status())
                    .isEqualTo(401);
        }
        Response limited = post("/api/v1/auth/login", Map.of("username", username, "password", "guess-6"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().path("code").asString()).isEqualTo("RATE_LIMITED");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();
    }

    @Test
    void logoutRevokesTheToken() {
        String token = adminToken();
        assertThat(get("/api/v1/auth/me", bearer(token)).status()).isEqualTo(200);
        assertThat(post("/api/v1/auth/logout", "", bearer(token)).status()).isEqualTo(204);
        Response after = get("/api/v1/auth/me", bearer(token));
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.json().path("code").asString()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void aBadCredentialIsRefusedEvenOnOpenPaths() {
        assertThat(get("/api/v1/auth/me", bearer("scf_at_forged")).status()).isEqualTo(401);
        assertThat(get("/api/v1/auth/me", "Authorization", "Basic YWRtaW46YWRtaW4=").status()).isEqualTo(401);
        assertThat(get("/api/v1/auth/me", apiKey("scf_abcdefghijkm_forged")).status()).isEqualTo(401);
    }

    @Test
    void onlyPlatformAdminsReachAdministration() {
        String admin = adminToken();
        String core = createEnterprise(admin, "CORE", "CORE");
        String user = createUser(admin, core, "CORE");
        String token = login(user, "correct horse battery");
        Response r = get("/api/v1/admin/enterprises", bearer(token));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().path("code").asString()).isEqualTo("FORBIDDEN");
        Response me = get("/api/v1/auth/me", bearer(token));
        assertThat(me.json().path("enterpriseId").asString()).isEqualTo(core);
        assertThat(me.json().path("role").asString()).isEqualTo("CORE");
    }

    @Test
    void usersOfASuspendedEnterpriseCannotLogIn() {
        String admin = adminToken();
        String ent = createEnterprise(admin, "SUPP", "SUPPLIER");
        String user = createUser(admin, ent, "SUPPLIER");
        String token = login(user, "correct horse battery");
        jdbc.sql("UPDATE enterprises SET status = 'SUSPENDED' WHERE id = :id").param("id", ent).update();
        assertThat(get("/api/v1/auth/me", bearer(token)).status()).isEqualTo(401);
        Response r = post("/api/v1/auth/login", Map.of("username", user, "password", "correct horse battery"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().path("code").asString()).isEqualTo("ACCOUNT_DISABLED");
    }
}
