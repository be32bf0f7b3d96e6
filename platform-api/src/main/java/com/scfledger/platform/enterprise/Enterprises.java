package com.scfledger.platform.enterprise;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.scfledger.platform.domain.AlreadyExists;
import com.scfledger.platform.domain.NotFound;
import com.scfledger.platform.domain.Reason;
import com.scfledger.platform.ledger.Org;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The enterprises table. */
@Service
public class Enterprises {

    private final JdbcClient jdbc;
    private final Clock clock;

    Enterprises(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Enterprise> find(String id) {
        return jdbc.sql("SELECT * FROM enterprises WHERE id = :id").param("id", id).query(Enterprises::map).optional();
    }

    public Enterprise require(String id) {
        return find(id).orElseThrow(() -> new NotFound(Reason.ENTERPRISE_NOT_FOUND, "No enterprise " + id + "."));
    }

    List<Enterprise> list(int limit, int offset) {
        return jdbc.sql("SELECT * FROM enterprises ORDER BY id LIMIT :limit OFFSET :offset")
                .param("limit", limit).param("offset", offset).query(Enterprises::map).list();
    }

    /**
     * Active enterprises of one role (or of every business role), whose id or name contains {@code text} (case
     * ignored), by name; {@code text} is matched literally (no LIKE wildcards).
     */
    List<Enterprise> active(String role, String text, int limit, int offset) {
        String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                SELECT * FROM enterprises
                 WHERE status = 'ACTIVE' AND role <> 'PLATFORM' AND (CAST(:role AS varchar) IS NULL OR role = :role)
                   AND (id ILIKE :pattern OR name ILIKE :pattern)
                 ORDER BY name, id LIMIT :limit OFFSET :offset""")
                .param("role", role).param("pattern", pattern).param("limit", limit).param("offset", offset)
                .query(Enterprises::map).list();
    }

    Enterprise create(String id, String name, String role, Org org, String kycHash) {
        try {
            jdbc.sql("""
                    INSERT INTO enterprises (id, name, role, org, status, kyc_hash, created_at, updated_at)
                    VALUES (:id, :name, :role, :org, 'PENDING', :kyc, :now, :now)""")
                    .param("id", id).param("name", name).param("role", role).param("org", org.name())
                    .param("kyc", kycHash).param("now", Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new AlreadyExists(Reason.ENTERPRISE_EXISTS, "An enterprise " + id + " already exists.");
        }
        return require(id);
    }

    /** Records that the enterprise is registered on the ledger, by which transaction. */
    public void markRegistered(String id, String transactionId) {
        jdbc.sql("UPDATE enterprises SET status = 'ACTIVE', ledger_registered_tx = :tx, updated_at = :now WHERE id = :id")
                .param("tx", transactionId).param("now", Timestamp.from(clock.instant())).param("id", id).update();
    }

    /** Records a status the ledger has committed (ACTIVE or SUSPENDED). */
    void markStatus(String id, String status) {
        jdbc.sql("UPDATE enterprises SET status = :s, updated_at = :now WHERE id = :id")
                .param("s", status).param("now", Timestamp.from(clock.instant())).param("id", id).update();
    }

    /** Records who holds the enterprise's keys now that the ledger says so. */
    public void markCustody(String id, String custody) {
        jdbc.sql("UPDATE enterprises SET custody = :c, updated_at = :now WHERE id = :id")
                .param("c", custody).param("now", Timestamp.from(clock.instant())).param("id", id).update();
    }

    private static Enterprise map(ResultSet rs, int i) throws SQLException {
        return new Enterprise(rs.getString("id"), rs.getString("name"), rs.getString("role"),
                Org.valueOf(rs.getString("org")), rs.getString("status"), rs.getString("kyc_hash"),
                rs.getString("ledger_registered_tx"), rs.getTimestamp("created_at").toInstant(), rs.getString("custody"));
    }
}
