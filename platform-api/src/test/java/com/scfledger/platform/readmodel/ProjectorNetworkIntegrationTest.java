package com.scfledger.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import com.scfledger.platform.NetworkIntegrationTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The projector against the live network: events become rows, with the checkpoint, exactly once. */
class ProjectorNetworkIntegrationTest extends NetworkIntegrationTestBase {

    @Autowired
    Projector projector;

    @Test
    void aRegisteredPayableAndItsRootTokenAreInTheReadModelWhenTheApiAnswers() {
        Party core = onboard("PJC", "CORE");
        Party supplier = onboard("PJS", "SUPPLIER");
        String payableId = unique("PO");
        Response r = registerPayable(core, payableId, supplier, 777_000L, today().plusDays(40));
        String txId = r.json().path("transactionId").asString();
        assertThat(projector.awaitApplied(txId, Duration.ofSeconds(10))).isTrue();

        Map<String, Object> row = jdbc.sql("SELECT * FROM payables WHERE obligor_id = :o AND payable_id = :p")
                .param("o", core.id()).param("p", payableId).query().singleRow();
        assertThat(row.get("beneficiary_id")).isEqualTo(supplier.id());
        assertThat(row.get("amount_minor")).isEqualTo(777_000L);
        assertThat(row.get("status")).isEqualTo("PENDING_ACCEPTANCE");
        assertThat(row.get("registered_tx")).isEqualTo(txId);
        JsonNode rootToken = r.json().path("ledger").path("tokens").get(0);
        Map<String, Object> token = jdbc.sql("SELECT * FROM tokens WHERE token_id = :t")
                .param("t", rootToken.path("id").asString()).query().singleRow();
        assertThat(token.get("holder_id")).isEqualTo(supplier.id());
        assertThat(token.get("tier")).isEqualTo(0);
        assertThat(token.get("block_number")).isEqualTo(r.json().path("blockNumber").asLong());
        assertThat(jdbc.sql("SELECT event_name FROM projected_events WHERE tx_id = :t").param("t", txId)
                .query(String.class).single()).isEqualTo("PayableRegistered");
        // the enterprises registered by onboarding are projected too
        assertThat(jdbc.sql("SELECT msp_id FROM ledger_enterprises WHERE enterprise_id = :e").param("e", core.id())
                .query(String.class).single()).isEqualTo("CoreMSP");

        Projector.Status s = projector.status();
        assertThat(s.running()).isTrue();
        assertThat(s.checkpointBlock()).isGreaterThanOrEqualTo(r.json().path("blockNumber").asLong());
        assertThat(s.duplicates()).isZero();
    }
}
