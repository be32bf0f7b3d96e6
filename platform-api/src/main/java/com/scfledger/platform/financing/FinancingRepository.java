package com.scfledger.platform.financing;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.scfledger.platform.problem.ApiProblem;
import com.scfledger.platform.verify.Canonical;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** financing_applications and financing_events; optimistic updates (a concurrent change fails with 409). */
@Repository
class FinancingRepository {

    record EventView(long id, Instant at, String actorId, String actorName, String action, String fromStatus,
                     String toStatus, String note, String ledgerTxId) {
    }

    /** Another live application that carries one of the same invoice numbers. */
    record InvoiceMatch(String financingId, String status, String invoiceNumber) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    FinancingRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(FinancingApplication a) {
        try {
            jdbc.sql("""
                    INSERT INTO financing_applications (id, applicant_id, bank_id, token_id, obligor_id, payable_id, token_tier,
                        face_amount_minor, currency, maturity_date, invoice_numbers, status, version, created_by, created_at,
                        updated_at)
                    VALUES (:id, :applicant, :bank, :token, :obligor, :payable, :tier, :face, :currency, :maturity, :invoices,
                        :status, 0, :by, :at, :at)""")
                    .param("id", a.id).param("applicant", a.applicantId).param("bank", a.bankId)
                    .param("token", a.token.tokenId()).param("obligor", a.token.obligorId())
                    .param("payable", a.token.payableId()).param("tier", a.token.tier())
                    .param("face", a.token.faceAmountMinor()).param("currency", a.token.currency())
                    .param("maturity", Date.valueOf(a.token.maturityDate()))
                    .param("invoices", Canonical.json(a.invoiceNumbers)).param("status", a.status.name())
                    .param("by", a.createdBy).param("at", ts(a.createdAt))
                    .update();
        } catch (DuplicateKeyException e) {
            throw ApiProblem.of(409, "TOKEN_ALREADY_IN_APPLICATION", "Token " + a.token.tokenId()
                    + " already has a live financing application.");
        }
    }

    void update(FinancingApplication a) {
        int n = jdbc.sql("""
                UPDATE financing_applications SET status = :status, version = version + 1, record_hash = :hash,
                    request_tx = :rtx, lineage = :lineage, submitted_at = :submitted, maker_id = :mid, maker_name = :mname,
                    maker_at = :mat, proposed_rate_bps = :prate, checker_id = :cid, checker_name = :cname,
                    approved_rate_bps = :arate, value_date = :vdate, days = :days, discount_minor = :discount,
                    advance_minor = :advance, decision_tx = :dtx, decided_at = :dat, rejection_reason = :reason,
                    disbursement_ref = :ref, disbursed_at = :disbursed, updated_at = :updated
                WHERE id = :id AND version = :version""")
                .param("status", a.status.name()).param("hash", a.recordHash).param("rtx", a.requestTx)
                .param("lineage", a.lineage).param("submitted", ts(a.submittedAt))
                .param("mid", a.maker == null ? null : a.maker.id()).param("mname", a.maker == null ? null : a.maker.name())
                .param("mat", ts(a.makerAt)).param("prate", a.proposedRateBps)
                .param("cid", a.checker == null ? null : a.checker.id())
                .param("cname", a.checker == null ? null : a.checker.name()).param("arate", a.approvedRateBps)
                .param("vdate", a.valueDate == null ? null : Date.valueOf(a.valueDate)).param("days", a.days)
                .param("discount", a.discountMinor).param("advance", a.advanceMinor).param("dtx", a.decisionTx)
                .param("dat", ts(a.decidedAt)).param("reason", a.rejectionReason).param("ref", a.disbursementRef)
                .param("disbursed", ts(a.disbursedAt)).param("updated", ts(a.updatedAt))
                .param("id", a.id).param("version", a.version)
                .update();
        if (n == 0) {
            throw ApiProblem.of(409, "CONCURRENT_UPDATE", "Application " + a.id
                    + " was changed by someone else meanwhile; reload it and try again.").retryAfter(1);
        }
        a.version++;
    }

    Optional<FinancingApplication> find(String id) {
        return jdbc.sql("SELECT * FROM financing_applications WHERE id = :id").param("id", id).query(this::map).optional();
    }

    /** The row locked for this transaction (SELECT ... FOR UPDATE). */
    Optional<FinancingApplication> lock(String id) {
        return jdbc.sql("SELECT * FROM financing_applications WHERE id = :id FOR UPDATE").param("id", id)
                .query(this::map).optional();
    }

    List<FinancingApplication> list(String applicantId, String bankId, List<String> statuses, int limit, int offset) {
        return jdbc.sql("""
                SELECT * FROM financing_applications
                WHERE (CAST(:applicant AS varchar) IS NULL OR applicant_id = :applicant)
                  AND (CAST(:bank AS varchar) IS NULL OR bank_id = :bank)
                  AND status IN (:statuses)
                ORDER BY coalesce(submitted_at, created_at), id LIMIT :limit OFFSET :offset""")
                .param("applicant", applicantId).param("bank", bankId).param("statuses", statuses)
                .param("limit", limit).param("offset", offset).query(this::map).list();
    }

    List<InvoiceMatch> sameInvoiceNumbers(FinancingApplication a) {
        if (a.invoiceNumbers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT f.id, f.status, n.value AS invoice FROM financing_applications f,
                       jsonb_array_elements_text(f.invoice_numbers::jsonb) n
                WHERE f.applicant_id = :applicant AND f.id <> :id
                  AND f.status NOT IN ('DRAFT', 'REJECTED', 'CANCELLED') AND n.value IN (:numbers)
                ORDER BY f.id""")
                .param("applicant", a.applicantId).param("id", a.id).param("numbers", a.invoiceNumbers)
                .query((rs, i) -> new InvoiceMatch(rs.getString("id"), rs.getString("status"), rs.getString("invoice")))
                .list();
    }

    /** Of these applications, the live ones (not draft, rejected or cancelled), with their status. */
    List<InvoiceMatch> live(List<String> ids, String reason) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, status FROM financing_applications
                WHERE id IN (:ids) AND status NOT IN ('DRAFT', 'REJECTED', 'CANCELLED') ORDER BY id""")
                .param("ids", ids)
                .query((rs, i) -> new InvoiceMatch(rs.getString("id"), rs.getString("status"), reason)).list();
    }

    void event(String financingId, FinancingApplication.Event e, Instant at) {
        jdbc.sql("""
                INSERT INTO financing_events (financing_id, at, actor_id, actor_name, action, from_status, to_status, note,
                                              ledger_tx_id)
                VALUES (:f, :at, :aid, :aname, :action, :from, :to, :note, :tx)""")
                .param("f", financingId).param("at", ts(at)).param("aid", e.actor().id()).param("aname", e.actor().name())
                .param("action", e.action()).param("from", e.from() == null ? null : e.from().name())
                .param("to", e.to() == null ? null : e.to().name()).param("note", e.note()).param("tx", e.ledgerTxId())
                .update();
    }

    List<EventView> events(String financingId) {
        return jdbc.sql("SELECT * FROM financing_events WHERE financing_id = :f ORDER BY id").param("f", financingId)
                .query((rs, i) -> new EventView(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor_id"),
                        rs.getString("actor_name"), rs.getString("action"), rs.getString("from_status"),
                        rs.getString("to_status"), rs.getString("note"), rs.getString("ledger_tx_id")))
                .list();
    }

    private FinancingApplication map(ResultSet rs, int i) throws SQLException {
        List<String> invoices = json.readValue(rs.getString("invoice_numbers"), new TypeReference<List<String>>() { });
        FinancingApplication a = new FinancingApplication(rs.getString("id"), rs.getString("applicant_id"),
                rs.getString("bank_id"), new FinancingApplication.TokenFacts(rs.getString("token_id"),
                        rs.getString("obligor_id"), rs.getString("payable_id"), rs.getInt("token_tier"),
                        rs.getLong("face_amount_minor"), rs.getString("currency").trim(), date(rs, "maturity_date")),
                invoices, rs.getString("created_by"), instant(rs, "created_at"), FinancingStatus.valueOf(rs.getString("status")));
        a.version = rs.getInt("version");
        a.recordHash = rs.getString("record_hash");
        a.requestTx = rs.getString("request_tx");
        a.lineage = rs.getString("lineage");
        a.submittedAt = instant(rs, "submitted_at");
        a.maker = actor(rs.getString("maker_id"), rs.getString("maker_name"));
        a.makerAt = instant(rs, "maker_at");
        a.proposedRateBps = (Integer) rs.getObject("proposed_rate_bps");
        a.checker = actor(rs.getString("checker_id"), rs.getString("checker_name"));
        a.approvedRateBps = (Integer) rs.getObject("approved_rate_bps");
        a.valueDate = date(rs, "value_date");
        a.days = (Long) rs.getObject("days");
        a.discountMinor = (Long) rs.getObject("discount_minor");
        a.advanceMinor = (Long) rs.getObject("advance_minor");
        a.decisionTx = rs.getString("decision_tx");
        a.decidedAt = instant(rs, "decided_at");
        a.rejectionReason = rs.getString("rejection_reason");
        a.disbursementRef = rs.getString("disbursement_ref");
        a.disbursedAt = instant(rs, "disbursed_at");
        a.updatedAt = instant(rs, "updated_at");
        return a;
    }

    private static Actor actor(String id, String name) {
        return id == null ? null : new Actor(id, name);
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
