package com.scfledger.platform.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.scfledger.platform.domain.NotFound;
import com.scfledger.platform.settings.BusinessCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * An enterprise's notifications, derived by one query from the read model (tokens, payables, financings) and the
 * financing applications; nothing is stored when a fact happens, so there is nothing to keep in step with the
 * projector. Only the reader's marks are stored ({@code notification_reads}). Every part of the query is filtered
 * by the caller's enterprise, so another enterprise's notification is indistinguishable from a missing one.
 */
@Service
class Notifications {

    /** Parameters: :e the enterprise, :today and :until the maturity window, :days its length, :zone the day's zone. */
    private static final String DERIVED = """
            WITH n AS (
                SELECT 'TOKEN_RECEIVED' AS type, 'TOKEN_RECEIVED~' || t.token_id AS id, t.created_at AS at,
                       p.holder_id AS counterparty_id, t.token_id, t.obligor_id, t.payable_id,
                       t.financing_id, t.amount_minor, t.currency, t.maturity_date
                  FROM tokens t JOIN tokens p ON p.token_id = t.parent_id
                 WHERE t.holder_id = :e AND p.holder_id <> :e
                UNION ALL
                SELECT 'PAYABLE_TO_ACCEPT', 'PAYABLE_TO_ACCEPT~' || obligor_id || '~' || payable_id, registered_at,
                       obligor_id, root_token_id, obligor_id, payable_id, NULL, amount_minor, currency, maturity_date
                  FROM payables WHERE beneficiary_id = :e AND status = 'PENDING_ACCEPTANCE'
                UNION ALL
                SELECT 'FINANCING_TO_REVIEW', 'FINANCING_TO_REVIEW~' || financing_id, requested_at, applicant_id,
                       token_id, NULL, NULL, financing_id, face_amount_minor, currency, maturity_date
                  FROM financings WHERE bank_id = :e AND status = 'REQUESTED'
                UNION ALL
                SELECT 'FINANCING_' || status, 'FINANCING_' || status || '~' || financing_id, updated_at, bank_id,
                       token_id, NULL, NULL, financing_id,
                       CASE WHEN status = 'APPROVED' THEN advance_minor ELSE face_amount_minor END, currency,
                       maturity_date
                  FROM financings WHERE applicant_id = :e AND status IN ('APPROVED', 'REJECTED')
                UNION ALL
                SELECT 'FINANCING_DISBURSED', 'FINANCING_DISBURSED~' || id, disbursed_at, bank_id, token_id,
                       obligor_id, payable_id, id, advance_minor, currency, maturity_date
                  FROM financing_applications
                 WHERE applicant_id = :e AND status = 'DISBURSED' AND disbursed_at IS NOT NULL
                UNION ALL
                SELECT 'TOKEN_MATURITY_DUE', 'TOKEN_MATURITY_DUE~' || token_id,
                       greatest(created_at, (maturity_date - :days)::timestamp AT TIME ZONE :zone), obligor_id,
                       token_id, obligor_id, payable_id, financing_id, amount_minor, currency, maturity_date
                  FROM tokens
                 WHERE holder_id = :e AND status IN ('ACTIVE', 'FINANCING_PENDING', 'FINANCED')
                   AND maturity_date BETWEEN :today AND :until
                UNION ALL
                SELECT 'PAYABLE_MATURITY_DUE', 'PAYABLE_MATURITY_DUE~' || obligor_id || '~' || payable_id,
                       greatest(registered_at, (maturity_date - :days)::timestamp AT TIME ZONE :zone), beneficiary_id,
                       root_token_id, obligor_id, payable_id, NULL, amount_minor, currency, maturity_date
                  FROM payables
                 WHERE obligor_id = :e AND status = 'ACCEPTED' AND maturity_date BETWEEN :today AND :until)
            """;

    private final JdbcClient jdbc;
    private final BusinessCalendar calendar;
    private final Clock clock;

    Notifications(JdbcClient jdbc, BusinessCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The enterprise's notifications, newest first, each marked read or not for this reader. */
    NotificationPage list(String enterpriseId, UUID reader, int dueWithinDays, int page, int size) {
        Counts counts = derived(DERIVED + """
                SELECT count(*) AS total, count(*) FILTER (WHERE r.read_at IS NULL) AS unread
                  FROM n LEFT JOIN notification_reads r ON r.reader_id = :r AND r.notification_id = n.id""",
                enterpriseId, dueWithinDays).param("r", reader)
                .query((rs, i) -> new Counts(rs.getLong("total"), rs.getLong("unread"))).single();
        List<Notification> items = derived(DERIVED + """
                SELECT n.*, r.read_at IS NOT NULL AS read, e.name AS counterparty_name
                  FROM n LEFT JOIN notification_reads r ON r.reader_id = :r AND r.notification_id = n.id
                         LEFT JOIN enterprises e ON e.id = n.counterparty_id
                 ORDER BY n.at DESC, n.id DESC LIMIT :limit OFFSET :offset""", enterpriseId, dueWithinDays)
                .param("r", reader).param("limit", size).param("offset", (long) page * size)
                .query(Notification::map).list();
        return new NotificationPage(items, page, size, counts.total(), (counts.total() + size - 1) / size,
                counts.unread());
    }

    /**
     * Marks one of the enterprise's notifications read for this reader (again: no change).
     *
     * @throws NotFound when the enterprise has no such notification (another enterprise's included)
     */
    long markRead(String enterpriseId, UUID reader, String notificationId, int dueWithinDays) {
        int marked = derived(DERIVED + """
                INSERT INTO notification_reads (reader_id, notification_id, read_at)
                SELECT :r, n.id, :now FROM n WHERE n.id = :id
                ON CONFLICT (reader_id, notification_id) DO UPDATE SET read_at = notification_reads.read_at""",
                enterpriseId, dueWithinDays).param("r", reader).param("id", notificationId).param("now", now())
                .update();
        if (marked == 0) {
            throw new NotFound("No notification " + notificationId + ".");
        }
        return unread(enterpriseId, reader, dueWithinDays);
    }

    /** Marks every current notification of the enterprise read for this reader. */
    long markAllRead(String enterpriseId, UUID reader, int dueWithinDays) {
        derived(DERIVED + """
                INSERT INTO notification_reads (reader_id, notification_id, read_at)
                SELECT :r, n.id, :now FROM n
                ON CONFLICT (reader_id, notification_id) DO NOTHING""", enterpriseId, dueWithinDays)
                .param("r", reader).param("now", now()).update();
        return unread(enterpriseId, reader, dueWithinDays);
    }

    private long unread(String enterpriseId, UUID reader, int dueWithinDays) {
        return derived(DERIVED + """
                SELECT count(*) FROM n WHERE NOT EXISTS (
                    SELECT 1 FROM notification_reads r WHERE r.reader_id = :r AND r.notification_id = n.id)""",
                enterpriseId, dueWithinDays).param("r", reader).query(Long.class).single();
    }

    private JdbcClient.StatementSpec derived(String sql, String enterpriseId, int dueWithinDays) {
        LocalDate today = calendar.today();
        return jdbc.sql(sql).param("e", enterpriseId).param("today", today)
                .param("until", today.plusDays(dueWithinDays)).param("days", dueWithinDays)
                .param("zone", sqlZone(calendar.zone()));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private record Counts(long total, long unread) {
    }

    /**
     * The zone as PostgreSQL's {@code AT TIME ZONE} reads it: a region id as it is; the ledger's default, UTC, is
     * Java's offset "Z", which PostgreSQL does not take as a zone name. Offsets are never set (the ledger refuses them).
     */
    static String sqlZone(ZoneId zone) {
        return zone instanceof ZoneOffset offset && offset.getTotalSeconds() == 0 ? "UTC" : zone.getId();
    }
}
