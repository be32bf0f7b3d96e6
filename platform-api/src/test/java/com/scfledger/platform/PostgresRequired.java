package com.scfledger.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Integration tests need the real PostgreSQL: when it cannot be reached they fail at once with
 * the way to start it, rather than skipping or waiting for a connection pool to time out.
 */
public class PostgresRequired implements BeforeAllCallback {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:55432/scf";

    @Override
    public void beforeAll(ExtensionContext context) {
        String url = env("SCF_TEST_JDBC_URL", DEFAULT_URL);
        Properties p = new Properties();
        p.setProperty("user", env("SCF_TEST_DB_USER", "scf"));
        p.setProperty("password", env("SCF_TEST_DB_PASSWORD", "scf"));
        p.setProperty("connectTimeout", "3");
        p.setProperty("loginTimeout", "5");
        try (Connection c = DriverManager.getConnection(url, p)) {
            c.isValid(3);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + url + " (" + e.getMessage()
                    + "). Start it with `scripts/postgres.sh start`, or point SCF_TEST_JDBC_URL at a server.", e);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
