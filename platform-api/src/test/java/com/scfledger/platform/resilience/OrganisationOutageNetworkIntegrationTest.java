package com.scfledger.platform.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.scfledger.platform.NetworkIntegrationTestBase;
import org.junit.jupiter.api.Test;

/**
 * The endorsement policy needs two of the three organisations, so one organisation that cannot endorse must not
 * stop writes: with PlatformOrg's chaincode server stopped (the organisation of the API's own gateway peer), a
 * write is endorsed by the other two, and reads are answered by another organisation's peer.
 */
class OrganisationOutageNetworkIntegrationTest extends NetworkIntegrationTestBase {

    @Test
    void writesAndReadsContinueWhileOneOrganisationsChaincodeServerIsDown() throws Exception {
        Party core = onboard("CORE", "CORE");
        Party supplier = onboard("SUP", "SUPPLIER");
        NetworkProcesses network = NetworkProcesses.ofThisWorktree();
        network.stop("chaincode.platform");
        try {
            for (int i = 0; i < 3; i++) {
                String payableId = unique("PO");
                long start = System.nanoTime();
                Response written = post("/api/v1/payables", payable(payableId, supplier.id(), 10_000_00L,
                        today().plusDays(90)), core.key()[0], core.key()[1], "Idempotency-Key", "org-out-" + payableId);
                long millis = (System.nanoTime() - start) / 1_000_000;
                System.out.printf("write %d with PlatformOrg's chaincode down: %d in %d ms%n", i, written.status(), millis);
                assertThat(written.status()).as(written.body()).isEqualTo(201);
                assertThat(millis).isLessThan(30_000);
                Response read = get("/api/v1/payables/" + payableId, core.key()[0], core.key()[1]);
                assertThat(read.status()).as(read.body()).isEqualTo(200);
            }
            Response health = get("/actuator/health/ledger", bearer(adminToken()));
            System.out.println("ledger health with PlatformOrg's chaincode down: " + health.body());
        } finally {
            network.restartStopped();
        }
    }
}
