package com.scfledger.platform.readmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.scfledger.contract.ledger.LedgerEvent;

import static com.scfledger.platform.readmodel.Column.date;
import static com.scfledger.platform.readmodel.Column.instant;
import static com.scfledger.platform.readmodel.Column.number;
import static com.scfledger.platform.readmodel.Column.text;
import static com.scfledger.platform.readmodel.Column.textList;

/**
 * The kinds of ledger record an event carries (its lists {@code enterprises}, {@code payables},
 * {@code tokens}, {@code financings}, {@code anchors}, {@code settings}), each with its read-model
 * table, its identity and its fields (named as on the wire, which the consistency check also reads).
 * Applying an event upserts each record by its identity.
 */
enum RecordType {
    ENTERPRISE(LedgerEvent::enterprises, "ledger_enterprises", List.of("enterprise_id"), List.of(
            text("id", "enterprise_id"), text("role", "role"), text("mspId", "msp_id"), text("status", "status"),
            text("kycHash", "kyc_hash"), instant("registeredAt", "registered_at"), instant("updatedAt", "updated_at"),
            text("updatedByTx", "updated_tx"))),
    PAYABLE(LedgerEvent::payables, "payables", List.of("obligor_id", "payable_id"), List.of(
            text("obligorId", "obligor_id"), text("id", "payable_id"), text("beneficiaryId", "beneficiary_id"),
            number("amount", "amount_minor"), text("currency", "currency"), date("issueDate", "issue_date"),
            date("maturityDate", "maturity_date"), textList("invoiceFingerprints", "invoice_fingerprints"),
            text("documentHash", "document_hash"), text("rootTokenId", "root_token_id"), text("status", "status"),
            text("paymentReference", "payment_reference"), instant("registeredAt", "registered_at"),
            text("registeredByTx", "registered_tx"), instant("updatedAt", "updated_at"), text("updatedByTx", "updated_tx"))),
    TOKEN(LedgerEvent::tokens, "tokens", List.of("token_id"), List.of(
            text("id", "token_id"), text("obligorId", "obligor_id"), text("payableId", "payable_id"),
            text("parentId", "parent_id"), text("holderId", "holder_id"), number("amount", "amount_minor"),
            text("currency", "currency"), date("maturityDate", "maturity_date"), number("tier", "tier"),
            text("status", "status"), text("financingId", "financing_id"), text("paymentReference", "payment_reference"),
            instant("createdAt", "created_at"), text("createdByTx", "created_tx"), instant("updatedAt", "updated_at"),
            text("updatedByTx", "updated_tx"))),
    FINANCING(LedgerEvent::financings, "financings", List.of("financing_id"), List.of(
            text("id", "financing_id"), text("tokenId", "token_id"), text("bankId", "bank_id"),
            text("applicantId", "applicant_id"), number("faceAmount", "face_amount_minor"), text("currency", "currency"),
            date("maturityDate", "maturity_date"), text("applicationDocumentHash", "application_document_hash"),
            text("dayCountBasis", "day_count_basis"), text("status", "status"), number("annualRateBps", "annual_rate_bps"),
            date("valueDate", "value_date"), number("days", "days"), number("discount", "discount_minor"),
            number("advance", "advance_minor"), instant("requestedAt", "requested_at"),
            text("requestedByTx", "requested_tx"), instant("updatedAt", "updated_at"), text("updatedByTx", "updated_tx"))),
    ANCHOR(LedgerEvent::anchors, "anchors", List.of("record_type", "record_id"), List.of(
            text("recordType", "record_type"), text("recordId", "record_id"), text("sha256", "sha256"),
            number("version", "version"), instant("anchoredAt", "anchored_at"), text("anchoredByTx", "anchored_tx"),
            text("anchoredBy", "anchored_by"))),
    SETTINGS(LedgerEvent::settings, "ledger_settings", List.of("id"), List.of(
            number("minUnit", "min_unit"), number("maxOutputs", "max_outputs"), number("maxTierDepth", "max_tier_depth"),
            instant("updatedAt", "updated_at"), text("updatedByTx", "updated_tx"),
            text("businessZone", "business_zone")));

    /** Every read-model table, in an order that a TRUNCATE of all of them accepts. */
    static final List<String> TABLES = List.of("ledger_enterprises", "payables", "tokens", "financings", "anchors",
            "ledger_settings", "projected_events");

    private final Function<LedgerEvent, List<?>> records;
    private final String table;
    private final List<String> keyColumns;
    private final List<Column> columns;
    private final String upsert;

    RecordType(Function<LedgerEvent, List<?>> records, String table, List<String> keyColumns, List<Column> columns) {
        this.records = records;
        this.table = table;
        this.keyColumns = keyColumns;
        this.columns = columns;
        this.upsert = upsertSql();
    }

    /** The records of this kind the event carries. */
    List<?> records(LedgerEvent event) {
        return records.apply(event);
    }

    String table() {
        return table;
    }

    List<String> keyColumns() {
        return keyColumns;
    }

    List<Column> columns() {
        return columns;
    }

    String upsert() {
        return upsert;
    }

    /** The ledger fields that identify a record, in key-column order. */
    List<Column> keyFields() {
        return columns.stream().filter(c -> keyColumns.contains(c.column())).collect(Collectors.toList());
    }

    private String upsertSql() {
        List<String> cols = new ArrayList<>();
        List<String> values = new ArrayList<>();
        boolean singleton = keyColumns.equals(List.of("id"));
        if (singleton) {
            cols.add("id");
            values.add("1");
        }
        for (Column c : columns) {
            cols.add(c.column());
            values.add(c.bind(c.column()));
        }
        cols.add("block_number");
        values.add(":block_number");
        cols.add("tx_index");
        values.add(":tx_index");
        String updates = cols.stream().filter(c -> !keyColumns.contains(c))
                .map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
        return "INSERT INTO " + table + " (" + String.join(", ", cols) + ") VALUES (" + String.join(", ", values)
                + ") ON CONFLICT (" + String.join(", ", keyColumns) + ") DO UPDATE SET " + updates;
    }
}
