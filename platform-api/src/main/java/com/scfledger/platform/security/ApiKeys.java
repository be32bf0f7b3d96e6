package com.scfledger.platform.security;

import java.security.MessageDigest;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.scfledger.platform.domain.InvalidInput;
import com.scfledger.platform.domain.NotFound;
import com.scfledger.platform.domain.Reason;
import com.scfledger.platform.domain.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys for ERP clients: {@code scf_<12-char prefix>_<43-char secret>}. The prefix finds the
 * row; the SHA-256 of the whole key is compared in constant time. A key belongs to exactly one
 * enterprise and carries scopes no wider than that enterprise's role allows; the plain key is
 * returned once, at creation.
 */
@Service
class ApiKeys {

    static final String PREFIX = "scf_";
    private static final int PREFIX_LENGTH = 12;

    record Created(UUID id, String key, String prefix, String enterpriseId, String name, Set<ApiScope> scopes,
                   Instant createdAt, Instant expiresAt) {
    }

    record KeyView(UUID id, String prefix, String enterpriseId, String name, List<String> scopes,
                   Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    /** When this instance last wrote each key's last_used_at. */
    private final java.util.Map<UUID, Instant> lastTouched = new java.util.concurrent.ConcurrentHashMap<>();

    ApiKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    Created create(String enterpriseId, String name, Set<ApiScope> scopes, Instant expiresAt, UUID createdBy) {
        String enterpriseRole = jdbc.sql("SELECT role FROM enterprises WHERE id = :id").param("id", enterpriseId)
                .query(String.class).optional()
                .orElseThrow(() -> new NotFound(Reason.ENTERPRISE_NOT_FOUND, "No enterprise " + enterpriseId + "."));
        if ("PLATFORM".equals(enterpriseRole)) {
            throw new RuleViolation(Reason.API_KEY_NOT_ALLOWED, "The platform's own enterprise has no ERP API keys.");
        }
        Set<ApiScope> allowed = Role.forEnterpriseRole(enterpriseRole).scopes();
        if (scopes.isEmpty() || !allowed.containsAll(scopes)) {
            throw new RuleViolation(Reason.SCOPE_NOT_ALLOWED, "A " + enterpriseRole + " enterprise's keys may hold only "
                    + allowed.stream().map(ApiScope::value).toList() + ".");
        }
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new InvalidInput("expiresAt", "expiresAt must be in the future.");
        }
        String prefix = Secrets.randomAlphanumeric(PREFIX_LENGTH);
        String key = PREFIX + prefix + "_" + Secrets.randomToken(32);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO api_keys (id, prefix, key_hash, enterprise_id, name, scopes, created_by, created_at, expires_at)
                VALUES (:id, :prefix, :hash, :ent, :name, :scopes, :by, :now, :exp)""")
                .param("id", id).param("prefix", prefix).param("hash", Secrets.sha256(key))
                .param("ent", enterpriseId).param("name", name)
                .param("scopes", scopes.stream().map(ApiScope::value).sorted().toArray(String[]::new))
                .param("by", createdBy).param("now", Timestamp.from(now))
                .param("exp", expiresAt == null ? null : Timestamp.from(expiresAt))
                .update();
        return new Created(id, key, prefix, enterpriseId, name, EnumSet.copyOf(scopes), now, expiresAt);
    }

    List<KeyView> list(String enterpriseId) {
        return jdbc.sql("""
                SELECT id, prefix, enterprise_id, name, scopes, created_at, expires_at, last_used_at, revoked_at
                FROM api_keys WHERE enterprise_id = :ent ORDER BY created_at""")
                .param("ent", enterpriseId)
                .query((rs, i) -> new KeyView(rs.getObject("id", UUID.class), rs.getString("prefix"),
                        rs.getString("enterprise_id"), rs.getString("name"), strings(rs.getArray("scopes")),
                        instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("expires_at")),
                        instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at"))))
                .list();
    }

    boolean revoke(String enterpriseId, UUID id) {
        return jdbc.sql("UPDATE api_keys SET revoked_at = :now WHERE id = :id AND enterprise_id = :ent AND revoked_at IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("id", id).param("ent", enterpriseId)
                .update() > 0;
    }

    Optional<ScfPrincipal> authenticate(String key) {
        if (key == null || key.length() > 100 || !key.startsWith(PREFIX)
                || key.length() < PREFIX.length() + PREFIX_LENGTH + 2
                || key.charAt(PREFIX.length() + PREFIX_LENGTH) != '_') {
            return Optional.empty();
        }
        String prefix = key.substring(PREFIX.length(), PREFIX.length() + PREFIX_LENGTH);
        Timestamp now = Timestamp.from(clock.instant());
        record Row(UUID id, byte[] hash, String name, String enterpriseId, String enterpriseRole, List<String> scopes) {
        }
        Optional<Row> row = jdbc.sql("""
                SELECT k.id, k.key_hash, k.name, k.enterprise_id, e.role AS enterprise_role, k.scopes
                FROM api_keys k JOIN enterprises e ON e.id = k.enterprise_id
                WHERE k.prefix = :prefix AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > :now)
                  AND e.status <> 'SUSPENDED'""")
                .param("prefix", prefix).param("now", now)
                .query((rs, i) -> new Row(rs.getObject("id", UUID.class), rs.getBytes("key_hash"), rs.getString("name"),
                        rs.getString("enterprise_id"), rs.getString("enterprise_role"), strings(rs.getArray("scopes"))))
                .optional();
        if (row.isEmpty() || !MessageDigest.isEqual(row.get().hash(), Secrets.sha256(key))) {
            return Optional.empty();
        }
        Row r = row.get();
        Role role = Role.forEnterpriseRole(r.enterpriseRole());
        Set<ApiScope> stored = EnumSet.noneOf(ApiScope.class);
        r.scopes().forEach(s -> ApiScope.parse(s).ifPresent(stored::add));
        Set<ApiScope> scopes = ApiScope.withImplied(stored);
        scopes.retainAll(role.scopes());
        touch(r.id(), now);
        return Optional.of(new ScfPrincipal(ScfPrincipal.Kind.API_KEY, r.id().toString(), r.name(),
                r.enterpriseId(), role, scopes));
    }

    /**
     * Records when a key was last used, to the minute: the row is written at most once a minute per key, and this
     * instance does not even ask within a minute of its own last write (a key calls on every request).
     */
    private void touch(UUID keyId, Timestamp now) {
        Instant last = lastTouched.get(keyId);
        if (last != null && last.isAfter(now.toInstant().minusSeconds(60))) {
            return;
        }
        lastTouched.put(keyId, now.toInstant());
        jdbc.sql("""
                UPDATE api_keys SET last_used_at = :now
                WHERE id = :id AND (last_used_at IS NULL OR last_used_at < CAST(:now AS timestamptz) - interval '1 minute')""")
                .param("now", now).param("id", keyId).update();
    }

    private static List<String> strings(Array array) throws SQLException {
        List<String> out = new ArrayList<>();
        if (array != null) {
            for (Object o : (Object[]) array.getArray()) {
                out.add((String) o);
            }
        }
        return out;
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
