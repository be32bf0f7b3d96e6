package com.scfledger.platform.payable;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.scfledger.contract.payable.PayableStatus;
import tools.jackson.databind.JsonNode;

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

    /** From the chaincode's payable JSON (docs/chaincode.md, "Payable"). */
    static PayableView fromLedger(JsonNode p) {
        List<String> fps = new ArrayList<>();
        p.path("invoiceFingerprints").forEach(f -> fps.add(f.asString()));
        return new PayableView(p.path("id").asString(), p.path("obligorId").asString(), p.path("beneficiaryId").asString(),
                p.path("amount").longValue(), p.path("currency").asString(), LocalDate.parse(p.path("issueDate").asString()),
                LocalDate.parse(p.path("maturityDate").asString()), fps, p.path("documentHash").asString(),
                p.path("rootTokenId").asString(), PayableStatus.valueOf(p.path("status").asString()),
                p.path("paymentReference").isNull() || p.path("paymentReference").isMissingNode() ? null
                        : p.path("paymentReference").asString(),
                Instant.parse(p.path("registeredAt").asString()), p.path("registeredByTx").asString(),
                Instant.parse(p.path("updatedAt").asString()), p.path("updatedByTx").asString());
    }
}
