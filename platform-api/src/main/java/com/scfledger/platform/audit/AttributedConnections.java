package com.scfledger.platform.audit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Names the write request and its caller to PostgreSQL on every connection taken while serving one (the settings
 * {@code scf.request} and {@code scf.actor}, read by the {@code audit_pending} trigger, V9), and clears them before
 * the connection goes back to the pool. Session settings rather than transaction-local ones, because many writes
 * run outside a transaction (one statement, auto-commit). Only write requests pay the two round trips; reads,
 * scheduled jobs and the projector take connections untouched, and their writes are recorded without a request.
 */
@Component
class AttributedConnections implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(AttributedConnections.class);
    private static final String NAME = "SELECT set_config('scf.request', ?, false), set_config('scf.actor', ?, false)";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource ds && !(bean instanceof Attributing) ? new Attributing(ds) : bean;
    }

    static final class Attributing extends DelegatingDataSource {

        Attributing(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return attributed(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return attributed(super.getConnection(username, password));
        }

        private Connection attributed(Connection c) throws SQLException {
            WriteRequest.Current request = WriteRequest.current();
            if (request == null) {
                return c;
            }
            try {
                name(c, request.id(), request.actor() == null ? "" : request.actor());
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if ("close".equals(method.getName()) && method.getParameterCount() == 0) {
                            release(c);
                            return null;
                        }
                        if ("equals".equals(method.getName())) {
                            return proxy == args[0];
                        }
                        if ("hashCode".equals(method.getName())) {
                            return System.identityHashCode(proxy);
                        }
                        try {
                            return method.invoke(c, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        /** Clears the names, so the pool's next borrower (a scheduled job, say) is not taken for this request. */
        private void release(Connection c) throws SQLException {
            try {
                if (!c.isClosed()) {
                    if (!c.getAutoCommit()) {
                        c.rollback(); // what the pool does with work left uncommitted; a rollback would undo the clearing
                        c.setAutoCommit(true);
                    }
                    name(c, "", "");
                }
            } catch (SQLException e) {
                log.warn("a connection's request names could not be cleared, it is evicted: {}", e.getMessage());
                if (getTargetDataSource() instanceof HikariDataSource pool) {
                    pool.evictConnection(c);
                    return;
                }
            }
            c.close();
        }

        private static void name(Connection c, String requestId, String actor) throws SQLException {
            try (PreparedStatement s = c.prepareStatement(NAME)) {
                s.setString(1, requestId);
                s.setString(2, actor);
                s.execute();
            }
        }
    }
}
