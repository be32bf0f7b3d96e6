package com.scfledger.platform.financing;

import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The platform's copy of which credit limits a bank has set (bank, obligor, currency) and how much of its
 * applications await a decision. The limit and the exposure held against it are the ledger's ({@code CreditLimit},
 * read through {@link FinancingService}); this table only lets the bank's list find its limits without a range
 * query on the ledger.
 */
@Repository
class CreditLimits {

    /**
     * A bank's limit for an obligor in a currency and its use, as the ledger records them.
     *
     * @param limitMinor         the limit in force; null when the bank has none (then nothing can be financed)
     * @param inUseMinor         consumed on the ledger: approved financings whose token is not settled
     * @param reservedMinor      reserved on the ledger: requested financings awaiting the bank's decision
     * @param pendingMinor       of the reserved, the platform's applications awaiting a decision (a copy)
     * @param availableMinor     limit - inUse - reserved: what a new request may still reserve (null without a limit)
     * @param updatedBy          the bank user who confirmed the limit in force
     * @param updatedAt          when the ledger record last changed
     * @param proposedLimitMinor a limit proposed by one bank user and waiting for a second one's confirmation
     * @param proposedBy         who proposed it
     */
    record Exposure(String bankId, String obligorId, String currency, Long limitMinor, long inUseMinor, long reservedMinor,
                    long pendingMinor, Long availableMinor, String updatedBy, Instant updatedAt, Long proposedLimitMinor,
                    String proposedBy) {
    }

    private final JdbcClient jdbc;

    CreditLimits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Copies a limit the ledger committed (a proposal or a confirmation), so the bank's list finds it. */
    void copy(String bankId, String obligorId, String currency, long limitMinor, String by, Instant now) {
        jdbc.sql("""
                INSERT INTO credit_limits (bank_id, obligor_id, currency, limit_minor, updated_by, updated_at)
                VALUES (:b, :o, :c, :l, :by, :at)
                ON CONFLICT (bank_id, obligor_id, currency)
                DO UPDATE SET limit_minor = EXCLUDED.limit_minor, updated_by = EXCLUDED.updated_by,
                              updated_at = EXCLUDED.updated_at""")
                .param("b", bankId).param("o", obligorId).param("c", currency).param("l", limitMinor).param("by", by)
                .param("at", Timestamp.from(now)).update();
    }

    /** Every (obligor, currency) the bank has a limit for or financing requests against. */
    record Key(String obligorId, String currency) {
    }

    List<Key> keysOf(String bankId) {
        return jdbc.sql("""
                SELECT obligor_id, currency FROM credit_limits WHERE bank_id = :b
                UNION
                SELECT obligor_id, currency FROM financing_applications
                WHERE bank_id = :b AND status IN ('APPROVING', 'APPROVED', 'DISBURSED', 'SUBMITTED', 'AWAITING_SECOND_APPROVAL')
                ORDER BY 1, 2""")
                .param("b", bankId).query((rs, i) -> new Key(rs.getString(1), rs.getString(2).trim())).list();
    }

    /** Face amounts of the bank's applications awaiting its decision (part of what the ledger has reserved). */
    long pendingMinor(String bankId, String obligorId, String currency) {
        // PostgreSQL sums bigints as numeric, so a sum past 2^63 - 1 is read exactly and saturated here, never a 500.
        BigInteger pending = jdbc.sql("""
                SELECT coalesce(sum(face_amount_minor), 0) FROM financing_applications
                WHERE bank_id = :b AND obligor_id = :o AND currency = :c
                  AND status IN ('SUBMITTED', 'AWAITING_SECOND_APPROVAL', 'APPROVING')""")
                .param("b", bankId).param("o", obligorId).param("c", currency)
                .query((rs, i) -> rs.getBigDecimal(1).toBigInteger()).single();
        return saturated(pending);
    }

    /**
     * A figure clamped to the range of a long: a sum that large can only come from amounts above the ledger's
     * ceiling (rows written before it), and clamping keeps every comparison on the safe side (in use at most
     * Long.MAX_VALUE still exceeds any limit; available at least Long.MIN_VALUE still admits nothing).
     */
    static long saturated(BigInteger value) {
        if (value.bitLength() < Long.SIZE) {
            return value.longValueExact();
        }
        return value.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
}
