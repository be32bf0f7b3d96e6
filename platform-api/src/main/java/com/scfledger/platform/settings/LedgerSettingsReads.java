package com.scfledger.platform.settings;

import java.time.Instant;
import java.time.OffsetDateTime;

import com.scfledger.contract.ledger.LedgerSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The ledger settings as the read model shows them; the defaults until the first change is projected. */
@Component
class LedgerSettingsReads {

    private final JdbcClient jdbc;

    LedgerSettingsReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    LedgerSettings current() {
        return jdbc.sql("""
                        SELECT min_unit, max_outputs, max_tier_depth, updated_at, updated_tx, business_zone
                        FROM ledger_settings WHERE id = 1""")
                .query((rs, n) -> new LedgerSettings(rs.getLong("min_unit"), rs.getInt("max_outputs"),
                        rs.getInt("max_tier_depth"), instant(rs.getObject("updated_at", OffsetDateTime.class)),
                        rs.getString("updated_tx"), rs.getString("business_zone")))
                .optional().orElse(LedgerSettings.DEFAULTS);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
