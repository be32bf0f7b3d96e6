package com.scfledger.platform.financing;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
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
 * financing_applications and financing_events: one mapper for {@link FinancingApplication}, saved whole with one
 * upsert. Saves are optimistic: a save over a row someone else changed since it was loaded is refused
 * (CONCURRENT_UPDATE).
 */
@Repository
class FinancingRepository {

    /** Another live application that carries one of the same invoice numbers. */
    record InvoiceMatch(String financingId, String status, String invoiceNumber) {
    }

    private static final String UPSERT = """
            INSERT INTO financing_applications (id, applicant_id, bank_id, token_id, obligor_id, payable_id, token_tier,
                face_amount_minor, currency, maturity_date, invoice_numbers, created_by, created_at, status, version,
                record_hash, request_tx, lineage, submitted_at, maker_id, maker_name, maker_at, proposed_rate_bps,
                checker_id, checker_name, approved_rate_bps, value_date, days, discount_minor, advance_minor, decision_tx,
                decided_at, rejection_reason, disbursement_ref, disbursed_at, updated_at)
            VALUES (:id, :applicant, :bank, :token, :obligor, :payable, :tier, :face, :currency, :maturity, :invoices,
                :createdBy, :createdAt, :status, :next, :hash, :rtx, :lineage, :submitted, :mid, :mname, :mat, :prate,
                :cid, :cname, :arate, :vdate, :days, :discount, :advance, :dtx, :dat, :reason, :ref, :disbursed, :updated)
            ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, version = EXCLUDED.version,
                record_hash = EXCLUDED.record_hash, request_tx = EXCLUDED.request_tx, lineage = EXCLUDED.lineage,
                submitted_at = EXCLUDED.submitted_at, maker_id = EXCLUDED.maker_id, maker_name = EXCLUDED.maker_name,
                maker_at = EXCLUDED.maker_at, proposed_rate_bps = EXCLUDED.proposed_rate_bps,
                checker_id = EXCLUDED.checker_id, checker_name = EXCLUDED.checker_name,
                approved_rate_bps = EXCLUDED.approved_rate_bps, value_date = EXCLUDED.value_date, days = EXCLUDED.days,
                discount_minor = EXCLUDED.discount_minor, advance_minor = EXCLUDED.advance_minor,
                decision_tx = EXCLUDED.decision_tx, decided_at = EXCLUDED.decided_at,
                rejection_reason = EXCLUDED.rejection_reason, disbursement_ref = EXCLUDED.disbursement_ref,
                disbursed_at = EXCLUDED.disbursed_at, updated_at = EXCLUDED.updated_at
            WHERE financing_applications.version = :version""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Timeline timeline;

    FinancingRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.timeline = new Timeline(jdbc, json, "financing_events", "financing_id");
    }

    /**
     * Saves the application as it is now, with the timeline entry of the step that changed it, if nobody changed it
     * since it was loaded.
     */
    void save(FinancingApplication a, TimelineEntry entry) {
        Approval<FinancingStatus> w = a.approval();
        FinancingApplication.TokenFacts t = a.token();
        FinancingApplication.Submission sub = a.submission();
        FinancingApplication.Terms terms = a.terms();
        FinancingApplication.Disbursement paid = a.disbursement();
        int saved;
        try {
            saved = jdbc.sql(UPSERT)
                    .param("id", a.id()).param("applicant", a.applicantId()).param("bank", a.bankId())
                    .param("token", t.tokenId()).param("obligor", t.obligorId()).param("payable", t.payableId())
                    .param("tier", t.tier()).param("face", t.faceAmountMinor()).param("currency", t.currency())
                    .param("maturity", Date.valueOf(t.maturityDate()))
                    .param("invoices", Canonical.json(a.invoiceNumbers())).param("createdBy", a.createdBy())
                    .param("createdAt", Columns.timestamp(a.createdAt()))
                    .param("status", w.status().name()).param("version", w.version()).param("next", w.version() + 1)
                    .param("hash", sub.recordHash()).param("rtx", sub.requestTx()).param("lineage", sub.lineage())
                    .param("submitted", Columns.timestamp(w.submittedAt()))
                    .param("mid", Columns.actorId(w.maker())).param("mname", Columns.actorName(w.maker()))
                    .param("mat", Columns.signedAt(w.maker())).param("prate", a.rates().proposedBps())
                    .param("cid", Columns.actorId(w.checker())).param("cname", Columns.actorName(w.checker()))
                    .param("arate", a.rates().approvedBps())
                    .param("vdate", terms == null ? null : Date.valueOf(terms.valueDate()))
                    .param("days", terms == null ? null : terms.days())
                    .param("discount", terms == null ? null : terms.discountMinor())
                    .param("advance", terms == null ? null : terms.advanceMinor())
                    .param("dtx", a.decision().tx()).param("dat", Columns.timestamp(a.decision().at()))
                    .param("reason", w.reason())
                    .param("ref", paid == null ? null : paid.reference())
                    .param("disbursed", paid == null ? null : Columns.timestamp(paid.disbursedAt()))
                    .param("updated", Columns.timestamp(w.updatedAt()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new AlreadyExists(Reason.TOKEN_ALREADY_IN_APPLICATION, "Token "
                    + t.tokenId() + " already has a live financing application.");
        }
        if (saved == 0) {
            throw w.changedMeanwhile();
        }
        w.saved();
        timeline.append(a.id(), entry);
    }

    /** Records a step that did not change the application (a document, an unknown ledger outcome). */
    void record(String financingId, TimelineEntry entry) {
        timeline.append(financingId, entry);
    }

    List<EventView> timeline(String financingId) {
        return timeline.entries(financingId);
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
        if (a.invoiceNumbers().isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT f.id, f.status, n.value AS invoice FROM financing_applications f,
                       jsonb_array_elements_text(f.invoice_numbers::jsonb) n
                WHERE f.applicant_id = :applicant AND f.id <> :id
                  AND f.status NOT IN ('DRAFT', 'REJECTED', 'CANCELLED') AND n.value IN (:numbers)
                ORDER BY f.id""")
                .param("applicant", a.applicantId()).param("id", a.id()).param("numbers", a.invoiceNumbers())
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

    private FinancingApplication map(ResultSet rs, int i) throws SQLException {
        String id = rs.getString("id");
        List<String> invoices = json.readValue(rs.getString("invoice_numbers"), new TypeReference<List<String>>() { });
        Approval<FinancingStatus> approval = Approval.restore(id, FinancingApplication.REFUSALS,
                FinancingStatus.valueOf(rs.getString("status")), rs.getInt("version"),
                Columns.instant(rs, "submitted_at"), Columns.signature(rs, "maker_id", "maker_name", "maker_at"),
                Columns.signature(rs, "checker_id", "checker_name", null), rs.getString("rejection_reason"),
                Columns.instant(rs, "updated_at"));
        LocalDate valueDate = date(rs, "value_date");
        String disbursementRef = rs.getString("disbursement_ref");
        return FinancingApplication.restore(id, rs.getString("applicant_id"), rs.getString("bank_id"),
                new FinancingApplication.TokenFacts(rs.getString("token_id"), rs.getString("obligor_id"),
                        rs.getString("payable_id"), rs.getInt("token_tier"), rs.getLong("face_amount_minor"),
                        rs.getString("currency").trim(), date(rs, "maturity_date")),
                invoices, rs.getString("created_by"), Columns.instant(rs, "created_at"), approval,
                new FinancingApplication.Submission(rs.getString("record_hash"), rs.getString("request_tx"),
                        rs.getString("lineage")),
                new FinancingApplication.Rates((Integer) rs.getObject("proposed_rate_bps"),
                        (Integer) rs.getObject("approved_rate_bps")),
                valueDate == null ? null : new FinancingApplication.Terms(valueDate, rs.getLong("days"),
                        rs.getLong("discount_minor"), rs.getLong("advance_minor")),
                new FinancingApplication.Decision(rs.getString("decision_tx"), Columns.instant(rs, "decided_at")),
                disbursementRef == null ? null
                        : new FinancingApplication.Disbursement(disbursementRef, Columns.instant(rs, "disbursed_at")));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
