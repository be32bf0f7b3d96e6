package com.scfledger.platform.security;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reads that authentication needs from the users table (the enterprise package owns writes). */
@Repository
class UserAccounts {

    record Account(UUID id, String username, String passwordHash, Role role, String enterpriseId,
                   boolean enabled, String enterpriseStatus) {
        boolean active() {
            return enabled && !"SUSPENDED".equals(enterpriseStatus);
        }
    }

    private final JdbcClient jdbc;

    UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> findByUsername(String username) {
        return jdbc.sql("""
                SELECT u.id, u.username, u.password_hash, u.role, u.enterprise_id, u.enabled, e.status AS enterprise_status
                FROM users u LEFT JOIN enterprises e ON e.id = u.enterprise_id
                WHERE lower(u.username) = lower(:username)""")
                .param("username", username)
                .query((rs, i) -> new Account(rs.getObject("id", UUID.class), rs.getString("username"),
                        rs.getString("password_hash"), Role.valueOf(rs.getString("role")),
                        rs.getString("enterprise_id"), rs.getBoolean("enabled"), rs.getString("enterprise_status")))
                .optional();
    }

    void updatePasswordHash(UUID id, String hash) {
        jdbc.sql("UPDATE users SET password_hash = :hash WHERE id = :id").param("hash", hash).param("id", id).update();
    }

    /** The user with this id, if any. */
    Optional<Account> findById(UUID id) {
        return jdbc.sql("""
                SELECT u.id, u.username, u.password_hash, u.role, u.enterprise_id, u.enabled, e.status AS enterprise_status
                FROM users u LEFT JOIN enterprises e ON e.id = u.enterprise_id
                WHERE u.id = :id""")
                .param("id", id)
                .query((rs, i) -> new Account(rs.getObject("id", UUID.class), rs.getString("username"),
                        rs.getString("password_hash"), Role.valueOf(rs.getString("role")),
                        rs.getString("enterprise_id"), rs.getBoolean("enabled"), rs.getString("enterprise_status")))
                .optional();
    }

    void setEnabled(UUID id, boolean enabled) {
        jdbc.sql("UPDATE users SET enabled = :e WHERE id = :id").param("e", enabled).param("id", id).update();
    }

    boolean exists(String username) {
        return jdbc.sql("SELECT count(*) FROM users WHERE lower(username) = lower(:u)").param("u", username)
                .query(Long.class).single() > 0;
    }

    void insertAdmin(UUID id, String username, String hash) {
        jdbc.sql("INSERT INTO users (id, username, password_hash, role) VALUES (:id, :u, :h, 'PLATFORM_ADMIN')")
                .param("id", id).param("u", username).param("h", hash).update();
    }
}
