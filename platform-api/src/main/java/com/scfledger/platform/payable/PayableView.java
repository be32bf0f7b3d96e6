package com.scfledger.platform.payable;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import com.scfledger.contract.payable.Payable;
import com.scfledger.contract.payable.PayableStatus;

/** A payable as the API shows it (amounts in integer minor units). */
public record PayableView(String payableId, String obligorId, String beneficiaryId, long amountMinor, String currency,
                          LocalDate issueDate, LocalDate maturityDate, List<String> invoiceFingerprints,
                          String documentHash, String rootTokenId, PayableStatus status, String paymentReference,
                          Instant registeredAt, String registeredTx, Instant updatedAt, String updatedTx) {

    static final String COLUMNS = "payable_id, obligor_id, beneficiary_id, amount_minor, currency, issue_date, "
            + "maturity_date, invoice_fingerprints, document_hash, root_token_id, status, payment_reference, registered_at, "
            + "registered_tx, updated_at, updated_tx";

    static PayableView map(ResultSet rs, int row) throws SQLException {
        java.sql.Array fps = rs.getArray("invoice_fingerprints");
        return new PayableView(rs.getString("payable_id"), rs.getString("obligor_id"), rs.getString("beneficiary_id"),
                rs.getLong("amount_minor"), rs.getString("currency"), rs.getDate("issue_date").toLocalDate(),
                rs.getDate("maturity_date").toLocalDate(),
                fps == null ? List.of() : Arrays.asList((String[]) fps.getArray()), rs.getString("document_hash"),
                rs.getString("root_token_id"), PayableStatus.valueOf(rs.getString("status")), rs.getString("payment_reference"),
                rs.getTimestamp("registered_at").toInstant(), rs.getString("registered_tx"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_tx"));
    }

    /** The chaincode's payable (docs/chaincode.md, "Payable"). */
    static PayableView fromLedger(Payable p) {
        return new PayableView(p.id(), p.obligorId(), p.beneficiaryId(), p.amount(), p.currency(), p.issueDate(),
                p.maturityDate(), p.invoiceFingerprints(), p.documentHash(), p.rootTokenId(), p.status(),
                p.paymentReference(), p.registeredAt(), p.registeredByTx(), p.updatedAt(), p.updatedByTx());
    }
}
