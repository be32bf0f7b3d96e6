package com.scfledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import com.scfledger.contract.ErrorCode;
import com.scfledger.platform.IntegrationTestBase;
import com.scfledger.platform.ScriptedLedger;
import com.scfledger.platform.ledger.LedgerRefusal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Another enterprise's token or payable answers 404 after the same work as a missing one (the projection, then the
 * ledger query as the caller), so the time a 404 takes does not tell which ids exist. Proven by the calls each path
 * makes, which do not depend on the machine's load as timings would.
 */
class ForeignNotFoundIntegrationTest extends IntegrationTestBase {

    private String owner;
    private String stranger;
    private String strangerKey;

    @BeforeEach
    void setUp() {
        String admin = adminToken();
        owner = createEnterprise(admin, "OWN", "CORE");
        stranger = createEnterprise(admin, "STR", "CORE");
        strangerKey = createApiKey(admin, stranger, "payables:read", "tokens:read");
        ledger.reset();
        // the chaincode refuses a read of what the caller may not see, and has nothing under a missing id
        ledger.answer(call -> {
            throw new LedgerRefusal(call.args().toString().contains("FOREIGN") ? ErrorCode.UNAUTHORIZED
                    : ErrorCode.NOT_FOUND, "not visible");
        });
    }

    /**
     * The rows are the read model's only, never on the ledger: they go again, or the rebuild test that shares this
     * database (ProjectorNetworkIntegrationTest) would find them "gone after the rebuild".
     */
    @AfterEach
    void removeProjectedRows() {
        jdbc.sql("DELETE FROM tokens WHERE obligor_id = :o AND token_id LIKE 'T-FOREIGN-%'").param("o", owner).update();
        jdbc.sql("DELETE FROM payables WHERE obligor_id = :o AND payable_id LIKE 'PO-FOREIGN-%'").param("o", owner).update();
    }

    private void projectPayableAndToken(String payableId, String tokenId) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                INSERT INTO payables (obligor_id, payable_id, beneficiary_id, amount_minor, currency, issue_date,
                    maturity_date, invoice_fingerprints, document_hash, root_token_id, status, registered_at, registered_tx,
                    updated_at, updated_tx, block_number, tx_index)
                VALUES (:o, :p, :o, 100, 'CNY', DATE '2025-01-10', DATE '2025-07-10', ARRAY['f'], :h, :t, 'ACCEPTED', :now,
                    'tx', :now, 'tx', 1, 0)""")
                .param("o", owner).param("p", payableId).param("h", "d".repeat(64)).param("t", tokenId).param("now", now)
                .update();
        jdbc.sql("""
                INSERT INTO tokens (token_id, obligor_id, payable_id, holder_id, amount_minor, currency, maturity_date, tier,
                    status, created_at, created_tx, updated_at, updated_tx, block_number, tx_index)
                VALUES (:t, :o, :p, :o, 100, 'CNY', DATE '2025-07-10', 0, 'ACTIVE', :now, 'tx', :now, 'tx', 1, 0)""")
                .param("t", tokenId).param("o", owner).param("p", payableId).param("now", now).update();
    }

    private List<String> ledgerWorkFor(String path) {
        ledger.calls.clear();
        Response r = get(path, apiKey(strangerKey));
        assertThat(r.status()).as(r.body()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        // the stranger's own calls: background work (the audit checkpoint reads its anchor) may call meanwhile
        return ledger.calls.stream().filter(c -> stranger.equals(c.enterpriseId()))
                .map(ScriptedLedger.Call::transaction).toList();
    }

    @Test
    void aForeignTokenCostsTheSameLedgerQueryAsAMissingOne() {
        String foreign = unique("T-FOREIGN");
        projectPayableAndToken(unique("PO-FOREIGN"), foreign);
        List<String> foreignWork = ledgerWorkFor("/api/v1/tokens/" + foreign);
        List<String> missingWork = ledgerWorkFor("/api/v1/tokens/" + unique("T-MISSING"));
        assertThat(foreignWork).containsExactly("GetToken").isEqualTo(missingWork);
    }

    @Test
    void aForeignPayableCostsTheSameLedgerQueryAsAMissingOne() {
        String foreign = unique("PO-FOREIGN");
        projectPayableAndToken(foreign, unique("T-FOREIGN"));
        List<String> foreignWork = ledgerWorkFor("/api/v1/payables/" + foreign + "?obligorId=" + owner);
        List<String> missingWork = ledgerWorkFor("/api/v1/payables/" + unique("PO-MISSING") + "?obligorId=" + owner);
        assertThat(foreignWork).containsExactly("GetPayable").isEqualTo(missingWork);
    }
}
