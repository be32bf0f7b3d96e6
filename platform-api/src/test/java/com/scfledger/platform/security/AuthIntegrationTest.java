package com.scfledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

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

    private static String[] from(String address) {
        return new String[] {"X-Forwarded-For", address};
    }

    private UUID idOf(String username) {
        return jdbc.sql("SELECT id FROM users WHERE username = :u").param("u", username).query(UUID.class).single();
    }

    @Test
    void aHundredCorrectLogInsFromOneAddressWithinAMinuteAllSucceed() {
        String admin = adminToken();
        String ent = createEnterprise(admin, "OFFICE", "CORE");
        String user = createUser(admin, ent, "CORE");
        long start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            String who = i % 2 == 0 ? user : ADMIN;
            String pw = i % 2 == 0 ? "correct horse battery" : ADMIN_PASSWORD;
            Response r = post("/api/v1/auth/login", Map.of("username", who, "password", pw), from("198.51.100.10"));
            assertThat(r.status()).as("login " + i).isEqualTo(200);
        }
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofMinutes(1));
    }

    @Test
    void failuresFromOneAddressBlockNeitherTheAccountElsewhereNorOtherAccounts() {
        String admin = adminToken();
        String ent = createEnterprise(admin, "VICT", "SUPPLIER");
        String victim = createUser(admin, ent, "SUPPLIER");
        String colleague = createUser(admin, ent, "SUPPLIER");
        for (int i = 0; i < 5; i++) {
            assertThat(post("/api/v1/auth/login", Map.of("username", victim, "password", "guess" + i),
                    from("203.0.113.66")).status()).isEqualTo(401);
        }
        Response limited = post("/api/v1/auth/login", Map.of("username", victim, "password", "correct horse battery"),
                from("203.0.113.66"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();
        assertThat(post("/api/v1/auth/login", Map.of("username", victim, "password", "correct horse battery"),
                from("192.0.2.44")).status()).isEqualTo(200);
        assertThat(post("/api/v1/auth/login", Map.of("username", colleague, "password", "correct horse battery"),
                from("203.0.113.66")).status()).isEqualTo(200);
    }

    @Test
    void anAdminDisablesAUserAndTheirTokensStopWorkingAtOnce() {
        String admin = adminToken();
        String ent = createEnterprise(admin, "DIS", "CORE");
        String user = createUser(admin, ent, "CORE");
        String token = login(user, "correct horse battery");
        UUID id = idOf(user);
        Response r = post("/api/v1/admin/users/" + id + "/disable", "", bearer(admin));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("enabled").asBoolean()).isFalse();
        assertThat(r.json().path("tokensRevoked").asInt()).isEqualTo(1);
        assertThat(get("/api/v1/auth/me", bearer(token)).status()).isEqualTo(401);
        Response login = post("/api/v1/auth/login", Map.of("username", user, "password", "correct horse battery"));
        assertThat(login.json().path("code").asString()).isEqualTo("ACCOUNT_DISABLED");
        assertThat(post("/api/v1/admin/users/" + id + "/enable", "", bearer(admin)).status()).isEqualTo(200);
        String again = login(user, "correct horse battery");
        assertThat(post("/api/v1/admin/users/" + id + "/revoke-tokens", "", bearer(admin)).json()
                .path("tokensRevoked").asInt()).isEqualTo(1);
        assertThat(get("/api/v1/auth/me", bearer(again)).status()).isEqualTo(401);
        assertThat(post("/api/v1/admin/users/" + id + "/disable", "", bearer(again)).status()).isEqualTo(401);
        assertThat(post("/api/v1/admin/users/" + UUID.randomUUID() + "/disable", "", bearer(admin)).json()
                .path("code").asString()).isEqualTo("USER_NOT_FOUND");
        assertThat(post("/api/v1/admin/users/not-a-uuid/disable", "", bearer(admin)).status()).isEqualTo(400);
    }

    @Test
    void anAdminSetsAPasswordThatMeetsThePolicy() {
        String admin = adminToken();
        String ent = createEnterprise(admin, "PWD", "CORE");
        String user = createUser(admin, ent, "CORE");
        String token = login(user, "correct horse battery");
        String path = "/api/v1/admin/users/" + idOf(user) + "/password";
        Map<String, String> refusals = Map.of(
                "short-pw-11", "PASSWORD_TOO_SHORT",
                "x-" + user.toUpperCase() + "-x", "PASSWORD_CONTAINS_USERNAME",
                "Password1234", "PASSWORD_TOO_COMMON",
                "kkkkkkkkkkkkkkkk", "PASSWORD_REPEATED_CHARACTER");
        refusals.forEach((pw, code) -> {
            Response r = post(path, Map.of("password", pw), bearer(admin));
            assertThat(r.status()).as(pw).isEqualTo(400);
            assertThat(r.json().path("code").asString()).as(pw).isEqualTo(code);
        });
        assertThat(post(path, Map.of("password", "a new long passphrase"), bearer(admin)).status()).isEqualTo(200);
        assertThat(get("/api/v1/auth/me", bearer(token)).status()).isEqualTo(401);
        assertThat(post("/api/v1/auth/login", Map.of("username", user, "password", "correct horse battery")).status())
                .isEqualTo(401);
        login(user, "a new long passphrase");
        Response created = post("/api/v1/admin/enterprises/" + ent + "/users",
                Map.of("username", "weak." + user, "password", "password1234", "role", "CORE"), bearer(admin));
        assertThat(created.json().path("code").asString()).isEqualTo("PASSWORD_TOO_COMMON");
    }

    @Test
    void onlyPlatformAdminsManageUsers() {
        String admin = adminToken();
        String ent = createEnterprise(admin, "NADM", "CORE");
        String user = createUser(admin, ent, "CORE");
        String token = login(user, "correct horse battery");
        assertThat(post("/api/v1/admin/users/" + idOf(user) + "/revoke-tokens", "", bearer(token)).status())
                .isEqualTo(403);
    }
}
