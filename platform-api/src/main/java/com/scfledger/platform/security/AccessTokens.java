package com.scfledger.platform.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Short-lived opaque bearer tokens issued at login: 256 random bits, shown once, stored only as a
 * SHA-256 digest with an expiry, revocable at logout. No cookies and no server session, so no CSRF
 * surface; a stolen token is only good until it expires (default 30 minutes).
 */
@Service
class AccessTokens {

    static final String PREFIX = "scf_at_";

    record Issued(String token, Instant expiresAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecurityProperties properties;

    AccessTokens(JdbcClient jdbc, Clock clock, SecurityProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    Issued issue(UUID userId) {
        String token = PREFIX + Secrets.randomToken(32);
        Instant expiresAt = clock.instant().plus(properties.accessTokenTtl());
        jdbc.sql("INSERT INTO access_tokens (token_hash, user_id, created_at, expires_at) VALUES (:h, :u, :c, :e)")
                .param("h", Secrets.sha256(token)).param("u", userId)
                .param("c", Timestamp.from(clock.instant())).param("e", Timestamp.from(expiresAt))
                .update();
        return new Issued(token, expiresAt);
    }

    Optional<ScfPrincipal> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT u.id, u.username, u.role, u.enterprise_id
                FROM access_tokens t
                JOIN users u ON u.id = t.user_id
                LEFT JOIN enterprises e ON e.id = u.enterprise_id
                WHERE t.token_hash = :h AND t.revoked_at IS NULL AND t.expires_at > :now
                  AND u.enabled AND (e.status IS NULL OR e.status <> 'SUSPENDED')""")
                .param("h", Secrets.sha256(token)).param("now", Timestamp.from(clock.instant()))
                .query((rs, i) -> {
                    Role role = Role.valueOf(rs.getString("role"));
                    return new ScfPrincipal(ScfPrincipal.Kind.USER, rs.getObject("id", UUID.class).toString(),
                            rs.getString("username"), rs.getString("enterprise_id"), role,
                            role.scopes().isEmpty() ? EnumSet.noneOf(ApiScope.class) : role.scopes());
                })
                .optional();
    }

    void revoke(String token) {
        jdbc.sql("UPDATE access_tokens SET revoked_at = :now WHERE token_hash = :h AND revoked_at IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("h", Secrets.sha256(token)).update();
    }

    /** Revokes every live token of this user; the number revoked. */
    int revokeAllOf(UUID userId) {
        return jdbc.sql("UPDATE access_tokens SET revoked_at = :now WHERE user_id = :u AND revoked_at IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("u", userId).update();
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void purgeExpired() {
        jdbc.sql("DELETE FROM access_tokens WHERE expires_at < :cutoff")
                .param("cutoff", Timestamp.from(clock.instant().minusSeconds(3600))).update();
    }
}
