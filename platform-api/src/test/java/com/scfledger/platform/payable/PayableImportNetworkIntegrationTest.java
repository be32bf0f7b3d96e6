package com.scfledger.platform.payable;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.scfledger.platform.NetworkIntegrationTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A CSV of payables registered as a background job on the live network; the same file again registers nothing twice. */
class PayableImportNetworkIntegrationTest extends NetworkIntegrationTestBase {

    private Response upload(Party core, String csv, String idempotencyKey) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/payables/imports"))
                .header("Content-Type", "text/csv").header("X-API-Key", core.apiKey())
                .POST(HttpRequest.BodyPublishers.ofString(csv)).timeout(Duration.ofSeconds(30));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), r.headers(), r.body(), json.readTree(r.body()));
    }

    private JsonNode awaitCompleted(Party core, String location) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            Response progress = get(location, core.key());
            assertThat(progress.status()).isEqualTo(200);
            if ("COMPLETED".equals(progress.json().path("status").asString())) {
                return progress.json();
            }
            assertThat(System.currentTimeMillis()).as("the import finishes within 2 minutes").isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    private Map<String, JsonNode> rowsByPayable(Party core, String location) {
        Map<String, JsonNode> rows = new HashMap<>();
        get(location + "/rows?size=1000", core.key()).json().path("items")
                .forEach(r -> rows.put(r.path("payableId").asString(), r));
        return rows;
    }

    @Test
    void aCsvIsImportedRowByRowAndARerunRegistersNothingTwice() throws Exception {
        Party core = onboard("IMC", "CORE");
        Party supplier = onboard("IMS", "SUPPLIER");
        String run = unique("B");
        String maturity = today().plusDays(60).toString();
        String issue = today().toString();
        StringBuilder csv = new StringBuilder(String.join(",", PayableImports.HEADER)).append("\r\n");
        for (int i = 1; i <= 3; i++) {
            csv.append(run).append("-").append(i).append(',').append(supplier.id()).append(',').append(100_000 * i)
                    .append(",CNY,").append(issue).append(',').append(maturity).append(',')
                    .append(sha256(run + "inv" + i)).append(';').append(sha256(run + "inv" + i + "b")).append(',')
                    .append(sha256(run + "doc" + i)).append("\r\n");
        }
        csv.append(run).append("-bad,").append(supplier.id()).append(",12.50,CNY,").append(issue).append(',')
                .append(maturity).append(',').append(sha256(run + "x")).append(',').append(sha256(run + "y")).append("\r\n");
        csv.append("\"").append(run).append("-nobody\",NOBODY-").append(run).append(",5000,CNY,").append(issue).append(',')
                .append(maturity).append(',').append(sha256(run + "z")).append(',').append(sha256(run + "w")).append('\n');

        Response accepted = upload(core, csv.toString(), "import-" + run);
        assertThat(accepted.status()).isEqualTo(202);
        String location = accepted.header("Location");
        assertThat(accepted.json().path("totalRows").asInt()).isEqualTo(5);
        assertThat(accepted.json().path("invalid").asInt()).isEqualTo(1);

        JsonNode done = awaitCompleted(core, location);
        assertThat(done.path("registered").asInt()).isEqualTo(3);
        assertThat(done.path("failed").asInt()).isEqualTo(1);
        assertThat(done.path("pending").asInt()).isZero();
        Map<String, JsonNode> rows = rowsByPayable(core, location);
        assertThat(rows.get(run + "-bad").path("status").asString()).isEqualTo("INVALID");
        assertThat(rows.get(run + "-bad").path("detail").asString()).contains("amountMinor");
        assertThat(rows.get(run + "-nobody").path("code").asString()).isEqualTo("INVALID_COUNTERPARTY");
        assertThat(get(location + "/rows?status=INVALID,FAILED", core.key()).json().path("items")
                .findValuesAsString("status")).containsExactlyInAnyOrder("INVALID", "FAILED");
        assertThat(get(location + "/rows?status=INVALID,", core.key()).status()).isEqualTo(400);
        String firstTx = rows.get(run + "-1").path("transactionId").asString();
        assertThat(firstTx).matches("[0-9a-f]{64}");
        Response listed = get("/api/v1/payables?sort=payableId&size=10&beneficiaryId=" + supplier.id(), core.key());
        assertThat(listed.json().path("items").findValuesAsString("payableId"))
                .containsExactly(run + "-1", run + "-2", run + "-3");

        // the same upload under the same key is the same job; the same file as a new job registers nothing new
        Response replay = upload(core, csv.toString(), "import-" + run);
        assertThat(replay.header("Location")).isEqualTo(location);
        Response rerun = upload(core, csv.toString(), null);
        assertThat(rerun.header("Location")).isNotEqualTo(location);
        JsonNode again = awaitCompleted(core, rerun.header("Location"));
        assertThat(again.path("registered").asInt()).isZero();
        assertThat(again.path("alreadyRegistered").asInt()).isEqualTo(3);
        Map<String, JsonNode> rerunRows = rowsByPayable(core, rerun.header("Location"));
        assertThat(rerunRows.get(run + "-1").path("transactionId").asString()).isEqualTo(firstTx);
        assertThat(jdbc.sql("SELECT count(*) FROM payables WHERE obligor_id = :o").param("o", core.id())
                .query(Long.class).single()).isEqualTo(3);

        // another enterprise does not see the job
        Party other = onboard("IMO", "CORE");
        assertThat(get(location, other.key()).status()).isEqualTo(404);
    }
}
