package com.scfledger.platform.token;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

import com.scfledger.contract.token.Token;
import com.scfledger.contract.token.TokenStatus;

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

    /** The chaincode's token (docs/chaincode.md, "Token"). */
    public static TokenView fromLedger(Token t) {
        return new TokenView(t.id(), t.payableId(), t.obligorId(), t.parentId(), t.holderId(), t.amount(), t.currency(),
                t.maturityDate(), t.tier(), t.status(), t.financingId(), t.paymentReference(), t.createdAt(),
                t.createdByTx(), t.updatedAt(), t.updatedByTx());
    }
}
