package com.scfledger.platform.verify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

import com.scfledger.platform.web.PageResult;
import com.scfledger.platform.web.PagedQuery;
import com.scfledger.platform.web.SortSpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The ledger's anchors as the read model projects them (the first version of each record's anchor, its owner's),
 * newest first: what an auditor picks a record to verify from.
 */
@Service
class AnchorList {

    /**
     * One anchored record.
     *
     * @param verifiable whether the platform holds the record and can recompute its hash (GET /verify/{type}/{id})
     */
    record AnchorView(String recordType, String recordId, String sha256, int version, Instant anchoredAt,
                      String anchoredTx, String anchoredBy, long blockNumber, boolean verifiable) {
    }

    private static final String COLUMNS = "record_type, record_id, sha256, version, anchored_at, anchored_tx, anchored_by, "
            + "block_number";

    private final JdbcClient jdbc;
    private final VerificationService verification;

    AnchorList(JdbcClient jdbc, VerificationService verification) {
        this.jdbc = jdbc;
        this.verification = verification;
    }

    PageResult<AnchorView> page(String recordType, int page, int size) {
        return new PagedQuery("anchors")
                .equalTo("record_type", recordType == null || recordType.isBlank() ? null : recordType)
                .page(jdbc, COLUMNS, SortSpec.orderBy(null, Map.of(), "anchored_at DESC", "record_type, record_id"),
                        page, size, this::map);
    }

    private AnchorView map(ResultSet rs, int row) throws SQLException {
        String type = rs.getString("record_type");
        return new AnchorView(type, rs.getString("record_id"), rs.getString("sha256"), rs.getInt("version"),
                rs.getTimestamp("anchored_at").toInstant(), rs.getString("anchored_tx"), rs.getString("anchored_by"),
                rs.getLong("block_number"), verification.types().contains(type));
    }
}
