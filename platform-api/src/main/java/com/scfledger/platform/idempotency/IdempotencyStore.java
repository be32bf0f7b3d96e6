package com.scfledger.platform.idempotency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The idempotency_keys table. {@link #begin} runs in the caller's transaction. */
@Repository
class IdempotencyStore {

    record Stored(byte[] requestHash, String status, Instant lockedUntil, Instant createdAt,
                  Integer responseStatus, String responseType, String responseHeaders, String responseBody) {
        boolean completed() {
            return "COMPLETED".equals(status);
        }
    }

    private final JdbcClient jdbc;

    IdempotencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts an in-flight record; false when the key already has one (waits for a concurrent inserter's commit). */
    boolean tryInsert(String scope, String key, String operation, byte[] hash, UUID lockToken, Instant now, Instant lockedUntil) {
        return jdbc.sql("""
                INSERT INTO idempotency_keys (scope, idempotency_key, operation, request_hash, status, lock_token,
                                              locked_until, created_at)
                VALUES (:scope, :key, :op, :hash, 'IN_FLIGHT', :lock, :until, :now)
                ON CONFLICT (scope, idempotency_key) DO NOTHING""")
                .param("scope", scope).param("key", key).param("op", operation).param("hash", hash)
                .param("lock", lockToken).param("until", Timestamp.from(lockedUntil)).param("now", Timestamp.from(now))
                .update() == 1;
    }

    Optional<Stored> findForUpdate(String scope, String key) {
        return jdbc.sql("""
                SELECT request_hash, status, locked_until, created_at, response_status, response_type,
                       response_headers, response_body
                FROM idempotency_keys WHERE scope = :scope AND idempotency_key = :key FOR UPDATE""")
                .param("scope", scope).param("key", key)
                .query((rs, i) -> new Stored(rs.getBytes("request_hash"), rs.getString("status"),
                        instant(rs.getTimestamp("locked_until")), rs.getTimestamp("created_at").toInstant(),
                        (Integer) rs.getObject("response_status"), rs.getString("response_type"),
                        rs.getString("response_headers"), rs.getString("response_body")))
                .optional();
    }

    void takeOver(String scope, String key, String operation, byte[] hash, UUID lockToken, Instant now,
                  Instant lockedUntil, boolean restart) {
        jdbc.sql("""
                UPDATE idempotency_keys
                SET operation = :op, request_hash = :hash, status = 'IN_FLIGHT', lock_token = :lock,
                    locked_until = :until, response_status = NULL, response_type = NULL, response_headers = NULL,
                    response_body = NULL, completed_at = NULL,
                    created_at = CASE WHEN :restart THEN :now ELSE created_at END
                WHERE scope = :scope AND idempotency_key = :key""")
                .param("op", operation).param("hash", hash).param("lock", lockToken)
                .param("until", Timestamp.from(lockedUntil)).param("restart", restart).param("now", Timestamp.from(now))
                .param("scope", scope).param("key", key)
                .update();
    }

    boolean complete(String scope, String key, UUID lockToken, int status, String type, String headers, String body,
                     Instant now) {
        return jdbc.sql("""
                UPDATE idempotency_keys
                SET status = 'COMPLETED', lock_token = NULL, locked_until = NULL, response_status = :status,
                    response_type = :type, response_headers = :headers, response_body = :body, completed_at = :now
                WHERE scope = :scope AND idempotency_key = :key AND lock_token = :lock""")
                .param("status", status).param("type", type).param("headers", headers).param("body", body)
                .param("now", Timestamp.from(now)).param("scope", scope).param("key", key).param("lock", lockToken)
                .update() == 1;
    }

    /** Extends the leases of the attempts still running in this process; returns how many were renewed. */
    int renew(Collection<UUID> lockTokens, Instant lockedUntil) {
        return jdbc.sql("UPDATE idempotency_keys SET locked_until = :until WHERE status = 'IN_FLIGHT' AND lock_token IN (:locks)")
                .param("until", Timestamp.from(lockedUntil)).param("locks", lockTokens).update();
    }

    /** Forgets an attempt that produced no storable result, so the client may retry under the same key. */
    boolean release(String scope, String key, UUID lockToken) {
        return jdbc.sql("DELETE FROM idempotency_keys WHERE scope = :scope AND idempotency_key = :key AND lock_token = :lock")
                .param("scope", scope).param("key", key).param("lock", lockToken).update() == 1;
    }

    int purgeCreatedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM idempotency_keys WHERE created_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff)).update();
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
