package com.scfledger.platform.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.scfledger.platform.NetworkIntegrationTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The business time zone goes to the ledger and back: a platform admin sets Asia/Shanghai, every signed-in user reads
 * it, the chaincode's settings carry it, and a name that is not a region of the time-zone database is refused with a
 * 400 problem before the ledger is called. The zone in force before the test is restored, so the other tests keep
 * the business day they were written for.
 */
class BusinessZoneNetworkIntegrationTest extends NetworkIntegrationTestBase {

    private static final String PATH = "/api/v1/admin/ledger-settings/business-zone";

    @Test
    void anAdminSetsTheZoneEveryoneReadsItAndANonZoneIsRefused() {
        String admin = adminToken();
        Party core = onboard("BZC", "CORE");
        String before = expect(get("/api/v1/ledger-settings", bearer(admin)), 200, "settings").json()
                .path("businessZone").asString();
        try {
            Response set = put(PATH, Map.of("businessZone", "Asia/Shanghai"), bearer(admin));
            assertThat(set.status()).as(set.body()).isEqualTo(200);
            assertThat(set.json().path("businessZone").asString()).isEqualTo("Asia/Shanghai");
            assertThat(set.json().path("updatedByTx").asString()).isNotBlank();

            Response read = get("/api/v1/ledger-settings", core.user());
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            assertThat(read.json().path("businessZone").asString()).isEqualTo("Asia/Shanghai");
            assertThat(read.json().path("maxOutputs").asInt()).isBetween(1, 100);
            JsonNode onLedger = json.readTree(ledgerClient.evaluate(core.id(), "GetLedgerSettings"));
            assertThat(onLedger.path("businessZone").asString()).isEqualTo("Asia/Shanghai");

            Response refused = put(PATH, Map.of("businessZone", "Mars/Olympus"), bearer(admin));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().path("code").asString()).isEqualTo("VALIDATION_FAILED");
            assertThat(refused.body()).contains("businessZone");
            assertThat(put(PATH, Map.of("businessZone", "+08:00"), bearer(admin)).status()).isEqualTo(400);

            assertThat(put(PATH, Map.of("businessZone", "UTC"), core.user()).status()).isEqualTo(403);
            assertThat(get("/api/v1/ledger-settings", core.key()).status()).isEqualTo(200);
        } finally {
            expect(put(PATH, Map.of("businessZone", before), bearer(admin)), 200, "restore the zone");
        }
    }
}
