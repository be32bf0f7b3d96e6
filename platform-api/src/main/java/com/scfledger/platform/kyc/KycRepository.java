package com.scfledger.platform.kyc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.scfledger.platform.approval.Approval;
import com.scfledger.platform.approval.Columns;
import com.scfledger.platform.approval.EventView;
import com.scfledger.platform.approval.Timeline;
import com.scfledger.platform.approval.TimelineEntry;
import com.scfledger.platform.domain.AlreadyExists;
import com.scfledger.platform.domain.Reason;
import com.scfledger.platform.verify.Canonical;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * kyc_applications and kyc_events: one mapper for {@link KycApplication}, saved whole with one upsert. Saves are
 * optimistic: a save over a row someone else changed since it was loaded is refused (CONCURRENT_UPDATE).
 */
@Repository
class KycRepository {

    private static final String UPSERT = """
            INSERT INTO kyc_applications (id, enterprise_id, role, created_by, created_at, legal_name, uscc, contacts,
                settlement_account, status, version, submitted_at, reviewer_id, reviewer_name, reviewed_at, approver_id,
                approver_name, approved_at, decision_reason, record_hash, enrollment_id, registered_tx, anchor_tx,
                activated_at, updated_at)
            VALUES (:id, :enterprise, :role, :createdBy, :createdAt, :name, :uscc, :contacts, :account, :status, :next,
                :submitted, :rid, :rname, :rat, :aid, :aname, :aat, :reason, :hash, :enrollment, :regtx, :anchortx,
                :activated, :updated)
            ON CONFLICT (id) DO UPDATE SET legal_name = EXCLUDED.legal_name, uscc = EXCLUDED.uscc,
                contacts = EXCLUDED.contacts, settlement_account = EXCLUDED.settlement_account, status = EXCLUDED.status,
                version = EXCLUDED.version, submitted_at = EXCLUDED.submitted_at, reviewer_id = EXCLUDED.reviewer_id,
                reviewer_name = EXCLUDED.reviewer_name, reviewed_at = EXCLUDED.reviewed_at,
                approver_id = EXCLUDED.approver_id, approver_name = EXCLUDED.approver_name,
                approved_at = EXCLUDED.approved_at, decision_reason = EXCLUDED.decision_reason,
                record_hash = EXCLUDED.record_hash, enrollment_id = EXCLUDED.enrollment_id,
                registered_tx = EXCLUDED.registered_tx, anchor_tx = EXCLUDED.anchor_tx,
                activated_at = EXCLUDED.activated_at, updated_at = EXCLUDED.updated_at
            WHERE kyc_applications.version = :version""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Timeline timeline;

    KycRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.timeline = new Timeline(jdbc, json, "kyc_events", "application_id");
    }

    /**
     * Saves the application as it is now, with the timeline entry of the step that changed it, if nobody changed it
     * since it was loaded.
     */
    void save(KycApplication a, TimelineEntry entry) {
        Approval<KycStatus> w = a.approval();
        KycApplication.Details d = a.details();
        KycApplication.Activation act = a.activation();
        int saved;
        try {
            saved = jdbc.sql(UPSERT)
                    .param("id", a.id()).param("enterprise", a.enterpriseId()).param("role", a.role())
                    .param("createdBy", a.createdBy()).param("createdAt", Columns.timestamp(a.createdAt()))
                    .param("name", d.legalName()).param("uscc", d.uscc()).param("contacts", contactsJson(d))
                    .param("account", Canonical.json(d.settlementAccount().canonical()))
                    .param("status", w.status().name()).param("version", w.version()).param("next", w.version() + 1)
                    .param("submitted", Columns.timestamp(w.submittedAt()))
                    .param("rid", Columns.actorId(w.maker())).param("rname", Columns.actorName(w.maker()))
                    .param("rat", Columns.signedAt(w.maker()))
                    .param("aid", Columns.actorId(w.checker())).param("aname", Columns.actorName(w.checker()))
                    .param("aat", Columns.signedAt(w.checker())).param("reason", w.reason())
                    .param("hash", a.recordHash()).param("enrollment", act.enrollmentId())
                    .param("regtx", act.registeredTx()).param("anchortx", act.anchorTx())
                    .param("activated", Columns.timestamp(act.activatedAt()))
                    .param("updated", Columns.timestamp(w.updatedAt()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new AlreadyExists(Reason.KYC_APPLICATION_OPEN, "Enterprise "
                    + a.enterpriseId() + " already has an open KYC application.");
        }
        if (saved == 0) {
            throw w.changedMeanwhile();
        }
        w.saved();
        timeline.append(a.id(), entry);
    }

    /** Records a step that did not change the application (a document, a failed ledger step). */
    void record(String applicationId, TimelineEntry entry) {
        timeline.append(applicationId, entry);
    }

    List<EventView> timeline(String applicationId) {
        return timeline.entries(applicationId);
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

    List<KycApplication> byStatus(List<KycStatus> statuses, int limit, int offset) {
        return jdbc.sql("""
                SELECT * FROM kyc_applications WHERE status IN (:s) ORDER BY submitted_at NULLS LAST, created_at
                LIMIT :limit OFFSET :offset""")
                .param("s", statuses.stream().map(Enum::name).toList()).param("limit", limit).param("offset", offset)
                .query(this::map).list();
    }

    private static String contactsJson(KycApplication.Details d) {
        List<Object> list = new ArrayList<>();
        d.contacts().forEach(c -> list.add(c.canonical()));
        return Canonical.json(list);
    }

    private KycApplication map(ResultSet rs, int i) throws SQLException {
        String id = rs.getString("id");
        List<KycApplication.Contact> contacts = json.readValue(rs.getString("contacts"),
                new TypeReference<List<KycApplication.Contact>>() { });
        KycApplication.SettlementAccount account = json.readValue(rs.getString("settlement_account"),
                KycApplication.SettlementAccount.class);
        Approval<KycStatus> approval = Approval.restore(id, KycApplication.REFUSALS,
                KycStatus.valueOf(rs.getString("status")), rs.getInt("version"), Columns.instant(rs, "submitted_at"),
                Columns.signature(rs, "reviewer_id", "reviewer_name", "reviewed_at"),
                Columns.signature(rs, "approver_id", "approver_name", "approved_at"), rs.getString("decision_reason"),
                Columns.instant(rs, "updated_at"));
        return KycApplication.restore(id, rs.getString("enterprise_id"), rs.getString("role"), rs.getString("created_by"),
                Columns.instant(rs, "created_at"),
                new KycApplication.Details(rs.getString("legal_name"), rs.getString("uscc"), contacts, account),
                approval, rs.getString("record_hash"),
                new KycApplication.Activation(rs.getString("enrollment_id"), rs.getString("registered_tx"),
                        rs.getString("anchor_tx"), Columns.instant(rs, "activated_at")));
    }
}
