package com.scfledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.scfledger.platform.NetworkIntegrationTestBase;
import org.junit.jupiter.api.Test;

/** Prometheus metrics (ledger latency per operation, projector lag, errors by code) and the request id, live. */
class ObservabilityNetworkIntegrationTest extends NetworkIntegrationTestBase {

    @Test
    void metricsShowLedgerLatencyProjectorLagAndErrorsByCode() {
        Party core = onboard("OBC", "CORE");
        Party supplier = onboard("OBS", "SUPPLIER");
        registerPayable(core, unique("PO"), supplier, 10_000L, today().plusDays(10));
        Response missing = get("/api/v1/tokens/no-such-token", supplier.key()[0], supplier.key()[1], "X-Request-Id", "req-42");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("X-Request-Id")).isEqualTo("req-42");
        assertThat(get("/api/v1/tokens", core.key()).header("X-Request-Id")).matches("[0-9a-f]{16}");

        String metrics = get("/actuator/prometheus", bearer(adminToken())).body();
        assertThat(metrics).containsPattern("scf_ledger_operation_seconds_count\\{[^}]*kind=\"submit\"[^}]*outcome=\"ok\""
                + "[^}]*transaction=\"RegisterPayable\"")
                .containsPattern("scf_ledger_operation_seconds_bucket\\{[^}]*transaction=\"GetToken\"")
                .containsPattern("scf_api_errors_total\\{[^}]*code=\"NOT_FOUND\"[^}]*status=\"404\"")
                .contains("scf_projector_lag_events", "scf_projector_lag_seconds", "scf_projector_lag_blocks",
                        "scf_projector_checkpoint_block")
                .containsPattern("scf_projector_events_total\\{[^}]*event=\"PayableRegistered\"[^}]*outcome=\"applied\"");
    }
}
