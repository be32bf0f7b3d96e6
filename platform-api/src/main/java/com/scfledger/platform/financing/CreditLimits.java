package com.scfledger.platform.financing;

import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A bank's credit limits per obligor (and currency), and how much of each is in use: the face amounts of its
 * financings of that obligor's tokens that are APPROVED or DISBURSED and whose token is not SETTLED yet (per the
 * read model), plus those being approved right now (APPROVING, a reservation). Pending applications are shown
 * but do not use the limit.
 */
@Repository
class CreditLimits {

    /**
     * @param limitMinor     null when the bank has set no limit for the obligor (then nothing can be approved)
     * @param inUseMinor     approved or disbursed, not settled
     * @param reservedMinor  approvals in progress (APPROVING)
     * @param pendingMinor   awaiting the bank's decision (not counted against the limit)
     * @param availableMinor limit - inUse - reserved (null without a limit)
     */
    record Exposure(String bankId, String obligorId, String currency, Long limitMinor, long inUseMinor, long reservedMinor,
                    long pendingMinor, Long availableMinor, String updatedBy, Instant updatedAt) {
    }

    private final JdbcClient jdbc;

    CreditLimits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void set(String bankId, String obligorId, String currency, long limitMinor, String by, Instant now) {
        jdbc.sql("""
                INSERT INTO credit_limits (bank_id, obligor_id, currency, limit_minor, updated_by, updated_at)
                VALUES (:b, :o, :c, :l, :by, :at)
                ON CONFLICT (bank_id, obligor_id, currency)
                DO UPDATE SET limit_minor = EXCLUDED.limit_minor, updated_by = EXCLUDED.updated_by,
                              updated_at = EXCLUDED.updated_at""")
                .param("b", bankId).param("o", obligorId).param("c", currency).param("l", limitMinor).param("by", by)
                .param("at", Timestamp.from(now)).update();
    }

    Exposure exposure(String bankId, String obligorId, String currency) {
        record Limit(long limit, String by, Instant at) {
        }
        Optional<Limit> limit = jdbc.sql("""
                SELECT limit_minor, updated_by, updated_at FROM credit_limits
                WHERE bank_id = :b AND obligor_id = :o AND currency = :c""")
                .param("b", bankId).param("o", obligorId).param("c", currency)
                .query((rs, i) -> new Limit(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant())).optional();
        return exposure(bankId, obligorId, currency, limit.map(Limit::limit).orElse(null), limit.map(Limit::by).orElse(null),
                limit.map(Limit::at).orElse(null));
    }

    /** Every limit the bank has set, with its use; and obligors it finances without a limit. */
    List<Exposure> ofBank(String bankId) {
        record Key(String obligor, String currency) {
        }
        List<Key> keys = jdbc.sql("""
                SELECT obligor_id, currency FROM credit_limits WHERE bank_id = :b
                UNION
                SELECT obligor_id, currency FROM financing_applications
                WHERE bank_id = :b AND status IN ('APPROVING', 'APPROVED', 'DISBURSED', 'SUBMITTED', 'AWAITING_SECOND_APPROVAL')
                ORDER BY 1, 2""")
                .param("b", bankId).query((rs, i) -> new Key(rs.getString(1), rs.getString(2).trim())).list();
        return keys.stream().map(k -> exposure(bankId, k.obligor(), k.currency())).toList();
    }

    /**
     * The exposure under a row lock on the limit, so that two approvals cannot both take the last of it (call inside
     * the transaction that moves the application to APPROVING); its limit is null when the bank has set none.
     */
    Exposure locked(String bankId, String obligorId, String currency) {
        Optional<Long> limit = jdbc.sql("""
                SELECT limit_minor FROM credit_limits WHERE bank_id = :b AND obligor_id = :o AND currency = :c FOR UPDATE""")
                .param("b", bankId).param("o", obligorId).param("c", currency).query(Long.class).optional();
        return exposure(bankId, obligorId, currency, limit.orElse(null), null, null);
    }

    private Exposure exposure(String bankId, String obligorId, String currency, Long limit, String by, Instant at) {
        record Use(BigInteger inUse, BigInteger reserved, BigInteger pending) {
        }
        // PostgreSQL sums bigints as numeric, so a sum past 2^63 - 1 is read exactly and saturated here, never a 500.
        Use use = jdbc.sql("""
                SELECT coalesce(sum(f.face_amount_minor) FILTER (WHERE f.status IN ('APPROVED', 'DISBURSED')
                                                            AND (t.status IS NULL OR t.status <> 'SETTLED')), 0),
                       coalesce(sum(f.face_amount_minor) FILTER (WHERE f.status = 'APPROVING'), 0),
                       coalesce(sum(f.face_amount_minor) FILTER (WHERE f.status IN ('SUBMITTED', 'AWAITING_SECOND_APPROVAL')), 0)
                FROM financing_applications f LEFT JOIN tokens t ON t.token_id = f.token_id
                WHERE f.bank_id = :b AND f.obligor_id = :o AND f.currency = :c""")
                .param("b", bankId).param("o", obligorId).param("c", currency)
                .query((rs, i) -> new Use(rs.getBigDecimal(1).toBigInteger(), rs.getBigDecimal(2).toBigInteger(),
                        rs.getBigDecimal(3).toBigInteger())).single();
        Long available = limit == null ? null
                : saturated(BigInteger.valueOf(limit).subtract(use.inUse()).subtract(use.reserved()));
        return new Exposure(bankId, obligorId, currency, limit, saturated(use.inUse()), saturated(use.reserved()),
                saturated(use.pending()), available, by, at);
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
