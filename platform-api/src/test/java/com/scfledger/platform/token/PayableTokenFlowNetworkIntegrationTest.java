package com.scfledger.platform.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.scfledger.platform.NetworkIntegrationTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The supplier and ERP endpoints end to end on the live network: register, list, accept, split and
 * transfer, lineage, the payable's tree, rejection and settlement; the chaincode's refusals arrive
 * with their codes, and what the API answers is what the read model then shows.
 */
class PayableTokenFlowNetworkIntegrationTest extends NetworkIntegrationTestBase {

    private Party core;
    private Party tier1;
    private Party tier2;

    @BeforeEach
    void parties() {
        if (core == null) {
            core = onboard("FLC", "CORE");
            tier1 = onboard("FLS", "SUPPLIER");
            tier2 = onboard("FLT", "SUPPLIER");
        }
    }

    private static Map<String, Object> outputs(Object... recipientAndAmount) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < recipientAndAmount.length; i += 2) {
            out.add(Map.of("recipient", recipientAndAmount[i], "amountMinor", recipientAndAmount[i + 1]));
        }
        return Map.of("outputs", out);
    }

    @Test
    void registerAcceptSplitTransferAndFollowTheLineage() {
        String payableId = unique("PO");
        String rootId = registerPayable(core, payableId, tier1, 1_000_000L, today().plusDays(45)).json()
                .path("ledger").path("tokens").get(0).path("id").asString();

        Response pendingForSupplier = get("/api/v1/payables?status=PENDING_ACCEPTANCE", tier1.key());
        assertThat(pendingForSupplier.status()).isEqualTo(200);
        assertThat(pendingForSupplier.json().path("items").findValuesAsString("payableId")).contains(payableId);
        Response coreList = get("/api/v1/payables?sort=-registeredAt&size=5", core.user());
        assertThat(coreList.json().path("items").get(0).path("payableId").asString()).isEqualTo(payableId);
        assertThat(coreList.json().path("totalItems").asLong()).isPositive();

        Response accepted = post("/api/v1/payables/" + payableId + "/accept?obligorId=" + core.id(), "", tier1.key());
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().path("payable").path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.json().path("tokens").get(0).path("status").asString()).isEqualTo("ACTIVE");

        Response mine = get("/api/v1/tokens?obligorId=" + core.id(), tier1.key());
        assertThat(mine.json().path("items").findValuesAsString("tokenId")).contains(rootId);

        Response split = post("/api/v1/tokens/" + rootId + "/split", outputs(tier2.id(), 300_000, tier1.id(), 700_000),
                tier1.user()[0], tier1.user()[1], "Idempotency-Key", unique("split"));
        assertThat(split.status()).isEqualTo(201);
        assertThat(split.json().path("spent").path("status").asString()).isEqualTo("SPENT");
        JsonNode created = split.json().path("created");
        assertThat(created).hasSize(2);
        String toTier2 = null;
        String remainder = null;
        for (JsonNode t : created) {
            if (t.path("holderId").asString().equals(tier2.id())) {
                toTier2 = t.path("tokenId").asString();
                assertThat(t.path("amountMinor").asLong()).isEqualTo(300_000);
                assertThat(t.path("tier").asInt()).isEqualTo(1);
            } else {
                remainder = t.path("tokenId").asString();
                assertThat(t.path("amountMinor").asLong()).isEqualTo(700_000);
                assertThat(t.path("tier").asInt()).isZero();
            }
        }

        // the read model shows the split as soon as the API has answered
        Response tier2Tokens = get("/api/v1/tokens?maturityFrom=" + today() + "&sort=-amountMinor", tier2.key());
        assertThat(tier2Tokens.json().path("items").findValuesAsString("tokenId")).containsExactly(toTier2);
        Response lineage = get("/api/v1/tokens/" + toTier2, tier2.key());
        assertThat(lineage.status()).isEqualTo(200);
        assertThat(lineage.json().path("lineage").findValuesAsString("tokenId")).containsExactly(toTier2, rootId);
        assertThat(lineage.json().path("lineage").get(1).path("status").asString()).isEqualTo("SPENT");

        // tier 2 cannot see tier 1's remainder: the same 404 as a token that does not exist
        Response foreign = get("/api/v1/tokens/" + remainder, tier2.key());
        Response missing = get("/api/v1/tokens/" + rootId.substring(0, 60) + "ffff.9", tier2.key());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(foreign.json().path("code").asString()).isEqualTo(missing.json().path("code").asString())
                .isEqualTo("NOT_FOUND");
        Response foreignSplit = post("/api/v1/tokens/" + remainder + "/split", outputs(tier2.id(), 700_000), tier2.key());
        assertThat(foreignSplit.status()).isEqualTo(404);

        // the chaincode's refusals, with their codes
        Response spentAgain = post("/api/v1/tokens/" + rootId + "/split", outputs(tier2.id(), 1_000_000), tier1.key());
        assertThat(spentAgain.status()).isEqualTo(409);
        assertThat(spentAgain.json().path("code").asString()).isEqualTo("TOKEN_NOT_ACTIVE");
        Response wrongSum = post("/api/v1/tokens/" + remainder + "/split", outputs(tier2.id(), 699_999), tier1.key());
        assertThat(wrongSum.status()).isEqualTo(422);
        assertThat(wrongSum.json().path("code").asString()).isEqualTo("CONSERVATION_VIOLATED");
        Response fraction = post("/api/v1/tokens/" + remainder + "/split",
                "{\"outputs\":[{\"recipient\":\"" + tier2.id() + "\",\"amountMinor\":699999.5}]}", tier1.key());
        assertThat(fraction.status()).isEqualTo(400);

        // the obligor sees the whole tree
        Response detail = get("/api/v1/payables/" + payableId, core.key());
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.json().path("tokens")).hasSize(3);
        assertThat(detail.json().path("tree")).hasSize(1);
        assertThat(detail.json().path("tree").get(0).path("children")).hasSize(2);
        // a lower-tier holder's view stops at its token's lineage (above): the obligor's payable, with its invoice
        // fingerprints and the other holders' parts, is not shown to it
        Response tier2View = get("/api/v1/payables/" + payableId + "?obligorId=" + core.id(), tier2.key());
        assertThat(tier2View.status()).isEqualTo(404);
    }

    @Test
    void theBeneficiaryRejectsAPayable() {
        String payableId = unique("PO");
        registerPayable(core, payableId, tier1, 50_000L, today().plusDays(20));
        Response byOther = post("/api/v1/payables/" + payableId + "/reject?obligorId=" + core.id(), "", tier2.key());
        assertThat(byOther.status()).isEqualTo(404);
        Response rejected = post("/api/v1/payables/" + payableId + "/reject?obligorId=" + core.id(), "", tier1.key());
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.json().path("payable").path("status").asString()).isEqualTo("REJECTED");
        Response again = post("/api/v1/payables/" + payableId + "/accept?obligorId=" + core.id(), "", tier1.key());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("code").asString()).isEqualTo("INVALID_STATE");
        assertThat(get("/api/v1/payables/" + payableId, core.key()).json().path("payable").path("status").asString())
                .isEqualTo("REJECTED");
    }

    /**
     * Settlement happens on or after maturity, by the transaction's date. Whether a payable may mature today
     * is the chaincode's call: if it accepts one, it is settled; if not, one maturing tomorrow is refused
     * NOT_MATURED, token by token and as a whole.
     */
    @Test
    void settlementFollowsTheChaincodesMaturityRule() {
        String payableId = unique("PO");
        Response today = post("/api/v1/payables", payable(payableId, tier1.id(), 80_000L, today()), core.key()[0],
                core.key()[1], "Idempotency-Key", "reg-" + payableId);
        if (today.status() == 201) {
            String root = today.json().path("ledger").path("tokens").get(0).path("id").asString();
            assertThat(post("/api/v1/payables/" + payableId + "/accept?obligorId=" + core.id(), "", tier1.key()).status())
                    .isEqualTo(200);
            Response settled = post("/api/v1/payables/" + payableId + "/settle", Map.of("paymentReference", "PAY/" + payableId),
                    core.key());
            assertThat(settled.status()).isEqualTo(200);
            assertThat(settled.json().path("payable").path("status").asString()).isEqualTo("SETTLED");
            assertThat(settled.json().path("payable").path("paymentReference").asString()).isEqualTo("PAY/" + payableId);
            assertThat(get("/api/v1/tokens/" + root, tier1.key()).json().path("token").path("status").asString())
                    .isEqualTo("SETTLED");
            return;
        }
        assertThat(today.status()).isEqualTo(422);
        assertThat(today.json().path("code").asString()).isEqualTo("MATURED");
        String tomorrowId = unique("PO");
        String root = registerPayable(core, tomorrowId, tier1, 80_000L, today().plusDays(1)).json()
                .path("ledger").path("tokens").get(0).path("id").asString();
        assertThat(post("/api/v1/payables/" + tomorrowId + "/accept?obligorId=" + core.id(), "", tier1.key()).status())
                .isEqualTo(200);
        Response whole = post("/api/v1/payables/" + tomorrowId + "/settle", Map.of("paymentReference", "PAY-1"), core.key());
        assertThat(whole.status()).isEqualTo(422);
        assertThat(whole.json().path("code").asString()).isEqualTo("NOT_MATURED");
        Response one = post("/api/v1/tokens/" + root + "/settle", Map.of("paymentReference", "PAY-1"), core.key());
        assertThat(one.status()).isEqualTo(422);
        assertThat(one.json().path("code").asString()).isEqualTo("NOT_MATURED");
        // a supplier may not settle (role), and the obligor of another payable does not see this token (404)
        assertThat(post("/api/v1/tokens/" + root + "/settle", Map.of("paymentReference", "PAY-1"), tier1.key()).status())
                .isEqualTo(403);
    }
}
