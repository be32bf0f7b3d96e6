package com.scfledger.platform.payable;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.scfledger.contract.Amounts;
import com.scfledger.contract.payable.RegisterPayables;
import com.scfledger.platform.NetworkIntegrationTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** POST /api/v1/payables/batches on the live network: one transaction for the good items, the bad ones reported. */
class PayableBatchNetworkIntegrationTest extends NetworkIntegrationTestBase {

    private Response send(Party core, List<Map<String, Object>> items) {
        return post("/api/v1/payables/batches", Map.of("items", items), core.key()[0], core.key()[1]);
    }

    @Test
    void goodItemsShareOneTransactionBadOnesAreReportedAndARetryRegistersNothingTwice() {
        Party core = onboard("BTC", "CORE");
        Party supplier = onboard("BTS", "SUPPLIER");
        String run = unique("BT");
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            items.add(payable(run + "-" + i, supplier.id(), 10_000L * (i + 1), today().plusDays(30)));
        }
        items.add(payable(run + "-nobody", "NOBODY-" + run, 5_000, today().plusDays(30)));
        Map<String, Object> tooLarge = payable(run + "-huge", supplier.id(), 1, today().plusDays(30));
        tooLarge.put("amountMinor", Amounts.MAX_MINOR + 1);
        items.add(tooLarge);
        Map<String, Object> sameInvoice = payable(run + "-twice", supplier.id(), 7_000, today().plusDays(30));
        sameInvoice.put("invoiceFingerprints", items.get(0).get("invoiceFingerprints"));
        items.add(sameInvoice);

        JsonNode first = expect(send(core, items), 200, "the batch").json();

        assertThat(first.path("registered").asInt()).isEqualTo(5);
        assertThat(first.path("invalid").asInt()).isEqualTo(1);
        assertThat(first.path("failed").asInt()).isEqualTo(2);
        JsonNode results = first.path("items");
        assertThat(results.get(5).path("code").asString()).isEqualTo("INVALID_COUNTERPARTY");
        assertThat(results.get(6).path("status").asString()).isEqualTo("INVALID");
        assertThat(results.get(6).path("detail").asString()).contains("amountMinor");
        assertThat(results.get(7).path("code").asString()).isEqualTo("DUPLICATE_INVOICE");
        String tx = results.get(0).path("transactionId").asString();
        assertThat(tx).matches("[0-9a-f]{64}");
        for (int i = 0; i < 5; i++) {
            assertThat(results.get(i).path("status").asString()).isEqualTo("REGISTERED");
            assertThat(results.get(i).path("transactionId").asString()).as("one transaction for the batch").isEqualTo(tx);
        }
        Response listed = get("/api/v1/payables?sort=payableId&size=20&beneficiaryId=" + supplier.id(), core.key());
        assertThat(listed.json().path("items").findValuesAsString("payableId"))
                .containsExactly(run + "-0", run + "-1", run + "-2", run + "-3", run + "-4");

        // the same items again (a retry after a lost answer), with one new item among them
        items.add(payable(run + "-5", supplier.id(), 60_000, today().plusDays(30)));
        JsonNode retry = expect(send(core, items), 200, "the retried batch").json();

        assertThat(retry.path("alreadyRegistered").asInt()).isEqualTo(5);
        assertThat(retry.path("registered").asInt()).isEqualTo(1);
        assertThat(retry.path("items").get(0).path("transactionId").asString()).isEqualTo(tx);
        assertThat(retry.path("items").get(8).path("status").asString()).isEqualTo("REGISTERED");
        assertThat(jdbc.sql("SELECT count(*) FROM payables WHERE obligor_id = :o").param("o", core.id())
                .query(Long.class).single()).isEqualTo(6);
    }

    @Test
    void aBatchOfMoreThanTheLimitOrNoneIsAProblem() {
        Party core = onboard("BTL", "CORE");
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i <= RegisterPayables.MAX_ITEMS; i++) {
            items.add(payable("L-" + i, "SUP", 1_000, today().plusDays(30)));
        }

        Response tooMany = send(core, items);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().path("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(send(core, List.of()).status()).isEqualTo(400);
        assertThat(post("/api/v1/payables/batches", Map.of(), core.key()[0], core.key()[1]).status()).isEqualTo(400);
    }
}
