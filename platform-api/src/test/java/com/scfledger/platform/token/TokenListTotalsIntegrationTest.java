package com.scfledger.platform.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;

import com.scfledger.platform.IntegrationTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A token list's total stays exact whichever way it is found: from the page itself (the last page), from the table
 * of counts per holder and status that triggers keep (a filter on holder and status only), or from a count of the
 * filter (any other filter); and the table of counts follows inserts, status changes and deletes.
 */
class TokenListTotalsIntegrationTest extends IntegrationTestBase {

    private String holder;
    private String key;

    @BeforeEach
    void setUp() {
        String admin = adminToken();
        holder = createEnterprise(admin, "TOT", "SUPPLIER");
        key = createApiKey(admin, holder, "tokens:read");
        for (int i = 0; i < 7; i++) {
            project("T-TOTALS-" + holder + "-" + i, i < 5 ? "ACTIVE" : "SPENT", "2030-01-0" + (i + 1));
        }
    }

    /** The rows are the read model's only, never on the ledger (the rebuild test shares this database). */
    @AfterEach
    void removeProjectedRows() {
        jdbc.sql("DELETE FROM tokens WHERE holder_id = :h").param("h", holder).update();
    }

    private void project(String tokenId, String status, String maturity) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                INSERT INTO tokens (token_id, obligor_id, payable_id, holder_id, amount_minor, currency, maturity_date, tier,
                    status, created_at, created_tx, updated_at, updated_tx, block_number, tx_index)
                VALUES (:t, 'OBLIGOR', 'P', :h, 100, 'CNY', CAST(:m AS date), 0, :s, :now, 'tx', :now, 'tx', 1, 0)""")
                .param("t", tokenId).param("h", holder).param("s", status).param("m", maturity).param("now", now)
                .update();
    }

    private long total(String query) {
        Response r = get("/api/v1/tokens?" + query, apiKey(key));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("totalItems").asLong();
    }

    private long counted(String status) {
        return jdbc.sql("SELECT coalesce(sum(tokens), 0) FROM token_counts WHERE holder_id = :h AND status = :s")
                .param("h", holder).param("s", status).query(Long.class).single();
    }

    @Test
    void totalsAreExactOnEveryPath() {
        assertThat(total("size=2")).isEqualTo(5);                              // the table of counts
        assertThat(total("size=2&page=2")).isEqualTo(5);                       // the last page, 1 item
        assertThat(total("size=1&status=SPENT")).isEqualTo(2);
        assertThat(total("size=1&maturityFrom=2030-01-03")).isEqualTo(3);      // a count of the filter
        assertThat(total("size=1&page=9")).isEqualTo(5);                       // past the end: counted
    }

    @Test
    void theCountsFollowEveryChangeOfTheTokens() {
        assertThat(counted("ACTIVE")).isEqualTo(5);
        assertThat(counted("SPENT")).isEqualTo(2);

        jdbc.sql("UPDATE tokens SET status = 'SPENT' WHERE token_id = :t").param("t", "T-TOTALS-" + holder + "-0").update();
        jdbc.sql("UPDATE tokens SET amount_minor = 50 WHERE holder_id = :h").param("h", holder).update();
        assertThat(counted("ACTIVE")).isEqualTo(4);
        assertThat(counted("SPENT")).isEqualTo(3);
        assertThat(total("size=2")).isEqualTo(4);

        jdbc.sql("DELETE FROM tokens WHERE token_id = :t").param("t", "T-TOTALS-" + holder + "-6").update();
        assertThat(counted("SPENT")).isEqualTo(2);
        assertThat(total("size=1&status=SPENT")).isEqualTo(2);
    }
}
