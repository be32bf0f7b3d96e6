package com.scfledger.platform.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.scfledger.platform.NetworkIntegrationTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The split limit is the ledger's: a split with more outputs than GetLedgerSettings' maxOutputs is refused by the
 * API itself (TOO_MANY_OUTPUTS 422, the chaincode's code, without the chaincode's {@code source}) before the ledger
 * is called, and the token stays as it was; one with exactly maxOutputs outputs passes.
 */
class SplitLimitNetworkIntegrationTest extends NetworkIntegrationTestBase {

    @Test
    void moreOutputsThanTheLedgersSettingAreRefusedBeforeTheLedgerWithItsCode() {
        Party core = onboard("SLC", "CORE");
        Party holder = onboard("SLH", "SUPPLIER");
        Party other = onboard("SLO", "SUPPLIER");
        JsonNode settings = json.readTree(ledgerClient.evaluate(core.id(), "GetLedgerSettings"));
        int max = settings.path("maxOutputs").asInt();
        long part = Math.max(settings.path("minUnit").asLong(), 1_000L);
        assertThat(max).isBetween(1, 100);

        String payableId = unique("SL");
        String token = registerPayable(core, payableId, holder, part * (max + 1), today().plusDays(30)).json()
                .path("ledger").path("tokens").get(0).path("id").asString();
        expect(post("/api/v1/payables/" + payableId + "/accept?obligorId=" + core.id(), "", holder.key()), 200, "accept");
        awaitReadModelCaughtUp(java.time.Duration.ofSeconds(30));

        Response refused = post("/api/v1/tokens/" + token + "/split", outputs(holder.id(), part, max + 1), holder.key());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("code").asString()).isEqualTo("TOO_MANY_OUTPUTS");
        assertThat(refused.json().path("detail").asString()).contains((max + 1) + " outputs; at most " + max);
        assertThat(refused.json().has("source")).as("refused by the API, not the chaincode").isFalse();
        assertThat(get("/api/v1/tokens/" + token, holder.key()).json().path("token").path("status").asString())
                .isEqualTo("ACTIVE");

        List<Map<String, Object>> allowed = outputs(holder.id(), part, max).get("outputs");
        allowed.set(0, Map.of("recipient", other.id(), "amountMinor", part * 2));
        Response split = post("/api/v1/tokens/" + token + "/split", Map.of("outputs", allowed), holder.key());
        assertThat(split.status()).as(split.body()).isEqualTo(201);
        assertThat(split.json().path("created")).hasSize(max);
    }

    private static Map<String, List<Map<String, Object>>> outputs(String recipient, long each, int count) {
        List<Map<String, Object>> outputs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            outputs.add(Map.of("recipient", recipient, "amountMinor", each));
        }
        return Map.of("outputs", outputs);
    }
}
