package com.scfledger.platform.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.scfledger.platform.NetworkIntegrationTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The notification centre on the live network: a payable waiting for its beneficiary, a token transferred to a
 * tier-2 supplier, a maturity inside the window, and read marks that are the reader's own and cannot reach another
 * enterprise's notifications.
 */
class NotificationNetworkIntegrationTest extends NetworkIntegrationTestBase {

    @Test
    void aTransferredTokenReachesTheRecipientsListAndOnlyItsReadersMarkIt() {
        Party core = onboard("NTC", "CORE");
        Party a = onboard("NTA", "SUPPLIER");
        Party b = onboard("NTB", "SUPPLIER");
        String payableId = unique("PO");
        String rootId = registerPayable(core, payableId, a, 1_000_000L, today().plusDays(30)).json()
                .path("ledger").path("tokens").get(0).path("id").asString();

        JsonNode toAccept = find(get("/api/v1/notifications", a.user()).json(),
                "PAYABLE_TO_ACCEPT~" + core.id() + "~" + payableId);
        assertThat(toAccept.path("type").asString()).isEqualTo("PAYABLE_TO_ACCEPT");
        assertThat(toAccept.path("counterpartyId").asString()).isEqualTo(core.id());
        assertThat(toAccept.path("amountMinor").asLong()).isEqualTo(1_000_000L);

        assertThat(post("/api/v1/payables/" + payableId + "/accept?obligorId=" + core.id(), "", a.key()).status())
                .isEqualTo(200);
        assertThat(ids(get("/api/v1/notifications", a.user()).json()))
                .doesNotContain("PAYABLE_TO_ACCEPT~" + core.id() + "~" + payableId);

        JsonNode split = post("/api/v1/tokens/" + rootId + "/split", Map.of("outputs", List.of(
                Map.of("recipient", b.id(), "amountMinor", 300_000), Map.of("recipient", a.id(), "amountMinor", 700_000))),
                a.key()).json();
        String toB = null;
        for (JsonNode t : split.path("created")) {
            if (t.path("holderId").asString().equals(b.id())) {
                toB = t.path("tokenId").asString();
            }
        }
        String id = "TOKEN_RECEIVED~" + toB;

        JsonNode before = get("/api/v1/notifications", b.user()).json();
        JsonNode received = before.path("items").get(0);
        assertThat(received.path("id").asString()).isEqualTo(id);
        assertThat(received.path("type").asString()).isEqualTo("TOKEN_RECEIVED");
        assertThat(received.path("tokenId").asString()).isEqualTo(toB);
        assertThat(received.path("amountMinor").asLong()).isEqualTo(300_000L);
        assertThat(received.path("currency").asString()).isEqualTo("CNY");
        assertThat(received.path("counterpartyId").asString()).isEqualTo(a.id());
        assertThat(received.path("counterpartyName").asString()).isEqualTo("NTA Ltd");
        assertThat(received.path("read").asBoolean()).isFalse();
        long unread = before.path("unread").asLong();
        assertThat(unread).isPositive();
        // A's own part is no arrival for A
        assertThat(ids(get("/api/v1/notifications", a.user()).json())).noneMatch(n -> n.startsWith("TOKEN_RECEIVED~"));

        // another enterprise's notification is a missing one
        Response foreign = post("/api/v1/notifications/" + id + "/read", "", a.user());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().path("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(get("/api/v1/notifications", b.user()).json().path("unread").asLong()).isEqualTo(unread);
        assertThat(post("/api/v1/notifications/TOKEN_RECEIVED~nope.0/read", "", b.user()).status()).isEqualTo(404);
        assertThat(post("/api/v1/notifications/not%20an%20id/read", "", b.user()).status()).isEqualTo(400);

        Response marked = post("/api/v1/notifications/" + id + "/read", "", b.user());
        assertThat(marked.status()).isEqualTo(200);
        assertThat(marked.json().path("unread").asLong()).isEqualTo(unread - 1);
        assertThat(post("/api/v1/notifications/" + id + "/read", "", b.user()).json().path("unread").asLong())
                .isEqualTo(unread - 1);
        JsonNode after = get("/api/v1/notifications", b.user()).json();
        assertThat(after.path("unread").asLong()).isEqualTo(unread - 1);
        assertThat(find(after, id).path("read").asBoolean()).isTrue();

        // the token matures in 30 days: due within a 30-day window, not within the default week
        assertThat(ids(get("/api/v1/notifications", b.user()).json())).doesNotContain("TOKEN_MATURITY_DUE~" + toB);
        assertThat(ids(get("/api/v1/notifications?dueWithinDays=30", b.user()).json()))
                .contains("TOKEN_MATURITY_DUE~" + toB);
        assertThat(ids(get("/api/v1/notifications?dueWithinDays=30", core.user()).json()))
                .contains("PAYABLE_MATURITY_DUE~" + core.id() + "~" + payableId);

        assertThat(post("/api/v1/notifications/read-all", "", b.user()).json().path("unread").asLong()).isZero();
        assertThat(get("/api/v1/notifications", b.user()).json().path("unread").asLong()).isZero();
        assertThat(get("/api/v1/notifications?size=1&page=0", b.user()).json().path("items")).hasSize(1);

        // an API key without notifications:read is refused
        assertThat(get("/api/v1/notifications", b.key()).status()).isEqualTo(403);
    }

    private static JsonNode find(JsonNode page, String id) {
        for (JsonNode n : page.path("items")) {
            if (n.path("id").asString().equals(id)) {
                return n;
            }
        }
        throw new AssertionError("no notification " + id + " in " + page);
    }

    private static List<String> ids(JsonNode page) {
        return page.path("items").findValuesAsString("id");
    }
}
