package com.scfledger.platform.readmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Leadership through a PostgreSQL advisory lock, named by schema and projector, held on a session of
 * its own: when the leader's process or connection dies, PostgreSQL lets the lock go and a standby
 * instance takes it.
 */
@Component
class AdvisoryLockLeadership implements ProjectorLeadership {

    private static final Logger log = LoggerFactory.getLogger(Projector.class);

    private final DataSource dataSource;
    private final String projector;
    /** The session that holds the lock while this instance leads (null: standby). */
    private volatile Connection session;

    AdvisoryLockLeadership(DataSource dataSource, ProjectorProperties properties) {
        this.dataSource = dataSource;
        this.projector = properties.name();
    }

    @Override
    public boolean tryLead() {
        if (session != null) {
            return true;
        }
        Connection c = null;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT pg_try_advisory_lock(hashtext(current_schema() || ':scf-projector:' || ?))")) {
                ps.setString(1, projector);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        session = c;
                        log.info("projector {} leads (advisory lock taken)", projector);
                        return true;
                    }
                }
            }
            log.debug("projector {} stands by: another instance leads", projector);
            close(c);
            return false;
        } catch (SQLException e) {
            close(c);
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public boolean leads() {
        return session != null;
    }

    @Override
    public boolean stillHeld() {
        Connection c = session;
        try {
            return c != null && c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void release() {
        Connection c = session;
        session = null;
        if (c == null) {
            return;
        }
        try (c; PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock_all()")) {
            ps.execute(); // the pool keeps the session: the lock must be let go before the connection goes back
        } catch (SQLException e) {
            log.debug("releasing the projector's lock: {}", e.getMessage());
        }
    }

    private static void close(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the session is gone anyway
            }
        }
    }
}
