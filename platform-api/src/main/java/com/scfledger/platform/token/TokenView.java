package com.scfledger.platform.token;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

import com.scfledger.contract.token.TokenStatus;
import tools.jackson.databind.JsonNode;

/**
 * A receivable token as the API shows it (amounts in integer minor units).
 *
 * @param tier    0 for the root token; +1 for each transfer to another enterprise
 */
public record TokenView(String tokenId, String payableId, String obligorId, String parentId, String holderId,
                        long amountMinor, String currency, LocalDate maturityDate, int tier, TokenStatus status,
                        String financingId, String paymentReference, Instant createdAt, String createdTx,
                        Instant updatedAt, String updatedTx) {

    static final String COLUMNS = "token_id, payable_id, obligor_id, parent_id, holder_id, amount_minor, currency, "
            + "maturity_date, tier, status, financing_id, payment_reference, created_at, created_tx, updated_at, updated_tx";

    static TokenView map(ResultSet rs, int row) throws SQLException {
        return new TokenView(rs.getString("token_id"), rs.getString("payable_id"), rs.getString("obligor_id"),
                rs.getString("parent_id"), rs.getString("holder_id"), rs.getLong("amount_minor"), rs.getString("currency"),
                rs.getDate("maturity_date").toLocalDate(), rs.getInt("tier"), TokenStatus.valueOf(rs.getString("status")),
                rs.getString("financing_id"), rs.getString("payment_reference"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_tx"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_tx"));
    }

    /** From the chaincode's token JSON (docs/chaincode.md, "Token"). */
    public static TokenView fromLedger(JsonNode t) {
        return new TokenView(t.path("id").asString(), t.path("payableId").asString(), t.path("obligorId").asString(),
                text(t, "parentId"), t.path("holderId").asString(), t.path("amount").longValue(),
                t.path("currency").asString(), LocalDate.parse(t.path("maturityDate").asString()), t.path("tier").intValue(),
                TokenStatus.valueOf(t.path("status").asString()), text(t, "financingId"), text(t, "paymentReference"),
                Instant.parse(t.path("createdAt").asString()), t.path("createdByTx").asString(),
                Instant.parse(t.path("updatedAt").asString()), t.path("updatedByTx").asString());
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
