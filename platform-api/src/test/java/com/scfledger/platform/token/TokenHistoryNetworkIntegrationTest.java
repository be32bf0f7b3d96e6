package com.scfledger.platform.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.scfledger.platform.NetworkIntegrationTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A token's history read from the ledger on the live network: each version names the transaction that wrote it and
 * who signed it (the signer's MSP and certificate CN from the block), with the token's state typed. Its parties and
 * auditors read it; a stranger gets the same 404 as for a token that does not exist.
 */
class TokenHistoryNetworkIntegrationTest extends NetworkIntegrationTestBase {

    private static Map<String, Object> outputs(String recipient, long amount, String keeper, long rest) {
        return Map.of("outputs", List.of(Map.of("recipient", recipient, "amountMinor", amount),
                Map.of("recipient", keeper, "amountMinor", rest)));
    }

    @Test
    void historyListsEachStepWithItsSigner() {
        Party core = onboard("THC", "CORE");
        Party tier1 = onboard("THS", "SUPPLIER");
        Party tier2 = onboard("THT", "SUPPLIER");
        Party tier3 = onboard("THU", "SUPPLIER");
        Party stranger = onboard("THX", "SUPPLIER");
        String payableId = unique("PO");
        String rootId = registerPayable(core, payableId, tier1, 1_000_000L, today().plusDays(40)).json()
                .path("ledger").path("tokens").get(0).path("id").asString();
        expect(post("/api/v1/payables/" + payableId + "/accept?obligorId=" + core.id(), "", tier1.key()), 200, "accept");
        JsonNode split = expect(post("/api/v1/tokens/" + rootId + "/split",
                outputs(tier2.id(), 400_000, tier1.id(), 600_000), tier1.key()), 201, "split").json();
        String toTier2 = null;
        for (JsonNode t : split.path("created")) {
            if (t.path("holderId").asString().equals(tier2.id())) {
                toTier2 = t.path("tokenId").asString();
            }
        }
        JsonNode transfer = expect(post("/api/v1/tokens/" + toTier2 + "/split",
                outputs(tier3.id(), 150_000, tier2.id(), 250_000), tier2.key()), 201, "transfer").json();

        // the root: registered by the obligor, accepted by the supplier, then split by it; newest first
        JsonNode root = expect(get("/api/v1/tokens/" + rootId + "/history", tier1.key()), 200, "root history").json();
        assertThat(root).hasSize(3);
        assertThat(root.findValuesAsString("status")).containsExactly("SPENT", "ACTIVE", "PENDING_ACCEPTANCE");
        assertThat(root.get(0).path("transactionId").asString()).isEqualTo(split.path("transactionId").asString());
        assertSignedBy(root.get(0), tier1);
        assertSignedBy(root.get(1), tier1);
        assertSignedBy(root.get(2), core);
        assertThat(root.get(2).path("state").path("holderId").asString()).isEqualTo(tier1.id());
        assertThat(root.get(2).path("state").path("amountMinor").asLong()).isEqualTo(1_000_000L);
        assertThat(root.get(0).path("timestamp").asString()).isNotBlank();
        assertThat(root.get(0).path("deleted").asBoolean()).isFalse();

        // the transferred part: created by tier 1's split, spent by tier 2's transfer
        JsonNode part = expect(get("/api/v1/tokens/" + toTier2 + "/history", tier2.key()), 200, "part history").json();
        assertThat(part).hasSize(2);
        assertThat(part.get(0).path("transactionId").asString()).isEqualTo(transfer.path("transactionId").asString());
        assertThat(part.findValuesAsString("status")).containsExactly("SPENT", "ACTIVE");
        assertSignedBy(part.get(0), tier2);
        assertSignedBy(part.get(1), tier1);
        assertThat(part.get(1).path("state").path("holderId").asString()).isEqualTo(tier2.id());
        assertThat(part.get(1).path("state").path("amountMinor").asLong()).isEqualTo(400_000L);

        // an auditor reads any token's history; the obligor reads its own payable's tokens
        assertThat(get("/api/v1/tokens/" + toTier2 + "/history", bearer(auditorToken())).json()).hasSize(2);
        assertThat(get("/api/v1/tokens/" + rootId + "/history", core.key()).status()).isEqualTo(200);

        // a stranger: the same 404 as for a token that does not exist
        Response foreign = get("/api/v1/tokens/" + toTier2 + "/history", stranger.key());
        Response missing = get("/api/v1/tokens/" + rootId.substring(0, 60) + "ffff.9/history", stranger.key());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(foreign.json().path("code").asString()).isEqualTo(missing.json().path("code").asString())
                .isEqualTo("NOT_FOUND");
    }

    /** The enterprise's ledger identity's CN is its id in lower case and a suffix (LedgerIdentityService). */
    private static void assertSignedBy(JsonNode entry, Party party) {
        assertThat(entry.path("signer").path("mspId").asString()).endsWith("MSP");
        assertThat(entry.path("signer").path("commonName").asString())
                .startsWith(party.id().toLowerCase(Locale.ROOT) + "-");
    }
}
