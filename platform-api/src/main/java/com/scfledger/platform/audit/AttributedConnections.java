package com.scfledger.platform.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Names the write request and its caller to PostgreSQL on every connection taken while serving one (the settings
 * {@code scf.request} and {@code scf.actor}, read by the {@code audit_pending} trigger, V9). Session settings rather
 * than transaction-local ones, because many writes run outside a transaction (one statement, auto-commit).
 *
 * <p>The names a physical connection carries are remembered, and a connection is named again only when it is taken
 * for another request, or, still named, outside any request (a scheduled job, the projector): then its names are
 * cleared first, so that its writes are recorded without a request. The pool hands a thread back the connection it
 * used last, so a request that takes a connection for each of its statements pays one round trip, not two for
 * every one of them.
 */
@Component
class AttributedConnections implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(AttributedConnections.class);
    private static final String NAME = "SELECT set_config('scf.request', ?, false), set_config('scf.actor', ?, false)";
    private static final String UNNAMED = "";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource ds && !(bean instanceof Attributing) ? new Attributing(ds) : bean;
    }

    static final class Attributing extends DelegatingDataSource {

        /** The names each physical connection carries now (the driver's, which outlives the pool's proxies). */
        private final Map<Connection, String> names = Collections.synchronizedMap(new WeakHashMap<>());

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
            String requestId = request == null ? "" : request.id();
            String actor = request == null || request.actor() == null ? "" : request.actor();
            String wanted = request == null ? UNNAMED : requestId + '\u0000' + actor;
            try {
                Connection physical = c.isWrapperFor(Connection.class) ? c.unwrap(Connection.class) : c;
                if (wanted.equals(names.getOrDefault(physical, UNNAMED))) {
                    return c;
                }
                if (!c.getAutoCommit()) {
                    // a setting made inside a transaction is undone by its rollback: never remember one
                    names.remove(physical);
                    name(c, requestId, actor);
                    return c;
                }
                name(c, requestId, actor);
                names.put(physical, wanted);
            } catch (SQLException e) {
                log.warn("a connection could not be named for request {}, it is evicted: {}", requestId, e.getMessage());
                if (getTargetDataSource() instanceof HikariDataSource pool) {
                    pool.evictConnection(c);
                } else {
                    c.close();
                }
                throw e;
            }
            return c;
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
