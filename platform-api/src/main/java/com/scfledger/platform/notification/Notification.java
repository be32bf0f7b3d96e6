package com.scfledger.platform.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One notification: its type and its parameters as data. Parameters a type does not use are null.
 *
 * @param id               stable for the same fact (the type and the object's key), so a read mark sticks
 * @param occurredAt       when the fact arrived (for a maturity: when it entered the window)
 * @param counterpartyId   the other enterprise: the sender, the obligor, the applicant or the bank
 * @param counterpartyName its legal name, when the platform knows it
 * @param amountMinor      in integer minor units: the token's or payable's amount, a face amount, or an advance
 */
public record Notification(String id, NotificationType type, Instant occurredAt, boolean read,
                           String counterpartyId, String counterpartyName, String tokenId, String obligorId,
                           String payableId, String financingId, Long amountMinor, String currency,
                           LocalDate maturityDate) {

    static Notification map(ResultSet rs, int row) throws SQLException {
        return new Notification(rs.getString("id"), NotificationType.valueOf(rs.getString("type")),
                rs.getTimestamp("at").toInstant(), rs.getBoolean("read"), rs.getString("counterparty_id"),
                rs.getString("counterparty_name"), rs.getString("token_id"), rs.getString("obligor_id"),
                rs.getString("payable_id"), rs.getString("financing_id"), rs.getObject("amount_minor", Long.class),
                rs.getString("currency"), rs.getObject("maturity_date", LocalDate.class));
    }
}
