package com.scfledger.platform.kyc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.scfledger.platform.problem.ApiProblem;
import com.scfledger.platform.verify.Canonical;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** kyc_applications and kyc_events. Updates are optimistic: a concurrent change makes the second one fail with 409. */
@Repository
class KycRepository {

    record EventView(long id, Instant at, String actorId, String actorName, String action, String fromStatus,
                     String toStatus, String note, String ledgerTxId) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    KycRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(KycApplication a) {
        try {
            jdbc.sql("""
                    INSERT INTO kyc_applications (id, enterprise_id, legal_name, uscc, role, contacts, settlement_account,
                                                  status, version, created_by, created_at, updated_at)
                    VALUES (:id, :e, :name, :uscc, :role, :contacts, :account, :status, 0, :by, :at, :at)""")
                    .param("id", a.id).param("e", a.enterpriseId).param("name", a.details.legalName())
                    .param("uscc", a.details.uscc()).param("role", a.role)
                    .param("contacts", contactsJson(a)).param("account", accountJson(a))
                    .param("status", a.status.name()).param("by", a.createdBy).param("at", ts(a.createdAt))
                    .update();
        } catch (DuplicateKeyException e) {
            throw ApiProblem.of(409, "KYC_APPLICATION_OPEN", "Enterprise " + a.enterpriseId
                    + " already has an open KYC application.");
        }
    }

    /** Saves every mutable field if nobody changed the row since it was loaded; bumps the version. */
    void update(KycApplication a) {
        int n = jdbc.sql("""
                UPDATE kyc_applications SET legal_name = :name, uscc = :uscc, contacts = :contacts,
                    settlement_account = :account, status = :status, version = version + 1, submitted_at = :submitted,
                    reviewer_id = :rid, reviewer_name = :rname, reviewed_at = :rat,
                    approver_id = :aid, approver_name = :aname, approved_at = :aat, decision_reason = :reason,
                    record_hash = :hash, enrollment_id = :enrollment, registered_tx = :regtx, anchor_tx = :anchortx,
                    activated_at = :activated, updated_at = :updated
                WHERE id = :id AND version = :version""")
                .param("name", a.details.legalName()).param("uscc", a.details.uscc())
                .param("contacts", contactsJson(a)).param("account", accountJson(a))
                .param("status", a.status.name()).param("submitted", ts(a.submittedAt))
                .param("rid", a.reviewer == null ? null : a.reviewer.id())
                .param("rname", a.reviewer == null ? null : a.reviewer.name()).param("rat", ts(a.reviewedAt))
                .param("aid", a.approver == null ? null : a.approver.id())
                .param("aname", a.approver == null ? null : a.approver.name()).param("aat", ts(a.approvedAt))
                .param("reason", a.decisionReason).param("hash", a.recordHash).param("enrollment", a.enrollmentId)
                .param("regtx", a.registeredTx).param("anchortx", a.anchorTx).param("activated", ts(a.activatedAt))
                .param("updated", ts(a.updatedAt)).param("id", a.id).param("version", a.version)
                .update();
        if (n == 0) {
            throw ApiProblem.of(409, "CONCURRENT_UPDATE", "Application " + a.id
                    + " was changed by someone else meanwhile; reload it and try again.").retryAfter(1);
        }
        a.version++;
    }

    Optional<KycApplication> find(String id) {
        return jdbc.sql("SELECT * FROM kyc_applications WHERE id = :id").param("id", id).query(this::map).optional();
    }

    List<KycApplication> byEnterprise(String enterpriseId) {
        return jdbc.sql("SELECT * FROM kyc_applications WHERE enterprise_id = :e ORDER BY created_at DESC")
                .param("e", enterpriseId).query(this::map).list();
    }

    Optional<KycApplication> latest(String enterpriseId) {
        return jdbc.sql("SELECT * FROM kyc_applications WHERE enterprise_id = :e ORDER BY created_at DESC LIMIT 1")
                .param("e", enterpriseId).query(this::map).optional();
    }

    List<KycApplication> byStatus(List<String> statuses, int limit, int offset) {
        return jdbc.sql("""
                SELECT * FROM kyc_applications WHERE status IN (:s) ORDER BY submitted_at NULLS LAST, created_at
                LIMIT :limit OFFSET :offset""")
                .param("s", statuses).param("limit", limit).param("offset", offset).query(this::map).list();
    }

    void event(String applicationId, KycApplication.Event e, Instant at) {
        jdbc.sql("""
                INSERT INTO kyc_events (application_id, at, actor_id, actor_name, action, from_status, to_status, note,
                                        ledger_tx_id)
                VALUES (:a, :at, :aid, :aname, :action, :from, :to, :note, :tx)""")
                .param("a", applicationId).param("at", ts(at)).param("aid", e.actor().id())
                .param("aname", e.actor().name()).param("action", e.action())
                .param("from", e.from() == null ? null : e.from().name()).param("to", e.to() == null ? null : e.to().name())
                .param("note", e.note()).param("tx", e.ledgerTxId())
                .update();
    }

    List<EventView> events(String applicationId) {
        return jdbc.sql("SELECT * FROM kyc_events WHERE application_id = :a ORDER BY id").param("a", applicationId)
                .query((rs, i) -> new EventView(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor_id"),
                        rs.getString("actor_name"), rs.getString("action"), rs.getString("from_status"),
                        rs.getString("to_status"), rs.getString("note"), rs.getString("ledger_tx_id")))
                .list();
    }

    private String contactsJson(KycApplication a) {
        List<Object> list = new ArrayList<>();
        a.details.contacts().forEach(c -> list.add(c.canonical()));
        return Canonical.json(list);
    }

    private String accountJson(KycApplication a) {
        return Canonical.json(a.details.settlementAccount().canonical());
    }

    private KycApplication map(ResultSet rs, int i) throws SQLException {
        List<KycApplication.Contact> contacts = json.readValue(rs.getString("contacts"),
                new TypeReference<List<KycApplication.Contact>>() { });
        KycApplication.SettlementAccount account = json.readValue(rs.getString("settlement_account"),
                KycApplication.SettlementAccount.class);
        KycApplication a = new KycApplication(rs.getString("id"), rs.getString("enterprise_id"), rs.getString("role"),
                rs.getString("created_by"), instant(rs, "created_at"),
                new KycApplication.Details(rs.getString("legal_name"), rs.getString("uscc"), contacts, account),
                KycStatus.valueOf(rs.getString("status")));
        a.version = rs.getInt("version");
        a.submittedAt = instant(rs, "submitted_at");
        a.reviewer = actor(rs.getString("reviewer_id"), rs.getString("reviewer_name"));
        a.reviewedAt = instant(rs, "reviewed_at");
        a.approver = actor(rs.getString("approver_id"), rs.getString("approver_name"));
        a.approvedAt = instant(rs, "approved_at");
        a.decisionReason = rs.getString("decision_reason");
        a.recordHash = rs.getString("record_hash");
        a.enrollmentId = rs.getString("enrollment_id");
        a.registeredTx = rs.getString("registered_tx");
        a.anchorTx = rs.getString("anchor_tx");
        a.activatedAt = instant(rs, "activated_at");
        a.updatedAt = instant(rs, "updated_at");
        return a;
    }

    private static Actor actor(String id, String name) {
        return id == null ? null : new Actor(id, name);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
