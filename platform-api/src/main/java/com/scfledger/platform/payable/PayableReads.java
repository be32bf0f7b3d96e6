package com.scfledger.platform.payable;

import com.scfledger.platform.domain.NotYetPossible;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.payable.GetPayable;
import com.scfledger.platform.domain.NotFound;
import com.scfledger.platform.domain.Reason;
import com.scfledger.platform.ledger.LedgerRefusal;
import com.scfledger.platform.ledger.ScfLedger;
import com.scfledger.platform.security.Role;
import com.scfledger.platform.security.ScfPrincipal;
import com.scfledger.platform.web.PageResult;
import com.scfledger.platform.web.PagedQuery;
import com.scfledger.platform.web.SortSpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Payables from the read model, and who may see one: its obligor, its beneficiary, whoever may see
 * one of its tokens (holders, and the banks and applicants of their financings), and auditors. One
 * the caller may not see is a 404 NOT_FOUND, exactly like one that does not exist.
 */
@Service
class PayableReads {

    private static final Map<String, String> SORTABLE = Map.of("maturityDate", "maturity_date",
            "amountMinor", "amount_minor", "registeredAt", "registered_at", "updatedAt", "updated_at",
            "payableId", "payable_id", "status", "status", "beneficiaryId", "beneficiary_id", "obligorId", "obligor_id",
            "issueDate", "issue_date");

    /**
     * @param obligorId     owed by (null: anyone)
     * @param beneficiaryId owed to (null: anyone)
     * @param statuses      any of these (empty: all)
     */
    record Filter(String obligorId, String beneficiaryId, List<String> statuses, LocalDate maturityFrom,
                  LocalDate maturityTo, String currency) {
    }

    private final JdbcClient jdbc;
    private final ScfLedger ledger;
    private final String operatorId;

    PayableReads(JdbcClient jdbc, ScfLedger ledger,
                 @Value("${scf.platform.operator-enterprise-id:PLATFORM}") String operatorId) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.operatorId = operatorId;
    }

    Optional<PayableView> find(String obligorId, String payableId) {
        return jdbc.sql("SELECT " + PayableView.COLUMNS + " FROM payables WHERE obligor_id = :o AND payable_id = :p")
                .param("o", obligorId).param("p", payableId).query(PayableView::map).optional();
    }

    boolean visibleTo(PayableView p, ScfPrincipal caller) {
        if (caller.role() == Role.AUDITOR) {
            return true;
        }
        String e = caller.enterpriseId();
        if (e == null) {
            return false;
        }
        if (e.equals(p.obligorId()) || e.equals(p.beneficiaryId())) {
            return true;
        }
        // A bank financing one of its tokens underwrites the whole obligation; a lower-tier holder sees only its own
        // token's lineage, as on the ledger (GetPayable), not the obligor's payable and its invoice fingerprints.
        return jdbc.sql("""
                SELECT count(*) FROM tokens t JOIN financings f ON f.financing_id = t.financing_id
                WHERE t.obligor_id = :o AND t.payable_id = :p AND f.bank_id = :e""")
                .param("o", p.obligorId()).param("p", p.payableId()).param("e", e).query(Long.class).single() > 0;
    }

    /**
     * The payable if the caller may see it (committed but not yet projected: asked of the ledger); else 404, after
     * the same work whether it is missing or another enterprise's.
     */
    PayableView requireVisible(String obligorId, String payableId, ScfPrincipal caller) {
        Optional<PayableView> projected = find(obligorId, payableId);
        if (projected.isPresent() && visibleTo(projected.get(), caller)) {
            return projected.get();
        }
        // Another enterprise's payable costs the same ledger query as a missing one, so that the time a 404 takes
        // does not tell which ids exist; its answer is not used (the projection already said no).
        PayableView onLedger = fromLedger(obligorId, payableId, caller);
        if (projected.isPresent()) {
            throw notFound(obligorId, payableId);
        }
        return onLedger;
    }

    private PayableView fromLedger(String obligorId, String payableId, ScfPrincipal caller) {
        String as = caller.role() == Role.AUDITOR ? operatorId : caller.enterpriseId();
        if (as == null || !obligorId.matches("[A-Za-z0-9._-]{1,64}") || !payableId.matches("[A-Za-z0-9._-]{1,64}")) {
            throw notFound(obligorId, payableId);
        }
        try {
            return PayableView.fromLedger(ledger.getPayable(as, new GetPayable(obligorId, payableId)));
        } catch (LedgerRefusal refusal) {
            if (refusal.is(ErrorCode.NOT_FOUND, ErrorCode.UNAUTHORIZED, ErrorCode.INVALID_ARGUMENT)) {
                throw notFound(obligorId, payableId);
            }
            throw refusal;
        } catch (NotYetPossible notYet) {
            if (notYet.reason() == Reason.LEDGER_IDENTITY_MISSING) {
                throw notFound(obligorId, payableId);
            }
            throw notYet;
        }
    }

    static NotFound notFound(String obligorId, String payableId) {
        return new NotFound(Reason.NOT_FOUND, "No payable " + payableId + " of " + obligorId + ".");
    }

    PageResult<PayableView> list(Filter f, List<String> sort, int page, int size) {
        return new PagedQuery("payables")
                .equalTo("obligor_id", f.obligorId())
                .equalTo("beneficiary_id", f.beneficiaryId())
                .in("status", f.statuses())
                .atLeast("maturity_date", f.maturityFrom())
                .atMost("maturity_date", f.maturityTo())
                .equalTo("currency", f.currency())
                .page(jdbc, PayableView.COLUMNS,
                        SortSpec.orderBy(sort, SORTABLE, "registered_at DESC", "obligor_id ASC, payable_id ASC"),
                        page, size, PayableView::map);
    }
}
