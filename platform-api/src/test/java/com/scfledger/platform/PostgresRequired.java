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
 *
 * <p>Each test JVM works in a schema of its own ({@code it_<epoch seconds>_<random>}, in the system
 * property {@code scf.itest.schema} that the itest profile reads): a run never sees rows of another
 * run or of a developer's API on the same database, and its projector starts from block 0 as a
 * fresh deployment does. Schemas of runs older than three hours are dropped.
 */
public class PostgresRequired implements BeforeAllCallback {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:25432/scf";
    static final String SCHEMA_PROPERTY = "scf.itest.schema";
    private static final long KEEP_SECONDS = 3 * 3600;

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (PostgresRequired.class) {
            if (System.getProperty(SCHEMA_PROPERTY) == null) {
                String schema = "it_" + System.currentTimeMillis() / 1000 + "_"
                        + Integer.toHexString(new java.security.SecureRandom().nextInt() & 0xffff);
                dropStaleSchemas();
                System.setProperty(SCHEMA_PROPERTY, schema);
            }
        }
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

    private static void dropStaleSchemas() {
        long now = System.currentTimeMillis() / 1000;
        try (Connection c = connect(); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname ~ "
                     + "'^it_[0-9]+_[0-9a-f]+$'")) {
            java.util.List<String> stale = new java.util.ArrayList<>();
            while (rs.next()) {
                String name = rs.getString(1);
                if (now - Long.parseLong(name.split("_")[1]) > KEEP_SECONDS) {
                    stale.add(name);
                }
            }
            for (String name : stale) {
                try (java.sql.Statement drop = c.createStatement()) {
                    drop.execute("DROP SCHEMA IF EXISTS \"" + name + "\" CASCADE");
                }
            }
        } catch (SQLException e) {
            // housekeeping only: a schema another run still uses may be locked
        }
    }

    private static Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", env("SCF_TEST_DB_USER", "scf"));
        p.setProperty("password", env("SCF_TEST_DB_PASSWORD", "scf"));
        p.setProperty("connectTimeout", "3");
        return DriverManager.getConnection(env("SCF_TEST_JDBC_URL", DEFAULT_URL), p);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
