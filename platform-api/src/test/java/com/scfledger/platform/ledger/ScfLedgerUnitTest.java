package com.scfledger.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.scfledger.platform.ScriptedLedger;
import com.scfledger.platform.problem.ApiProblem;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ScfLedgerUnitTest {

    private final ScriptedLedger client = new ScriptedLedger();
    private final List<String> awaited = new ArrayList<>();
    private final ScfLedger ledger = new ScfLedger(client, new ReadModelSync() {
        @Override
        public boolean awaitApplied(String transactionId, Duration timeout) {
            return awaitApplied(transactionId);
        }

        @Override
        public boolean awaitApplied(String transactionId) {
            awaited.add(transactionId);
            return true;
        }
    }, JsonMapper.builder().build(), new SimpleMeterRegistry());

    private static LedgerResult result(String txId, String payload) {
        return new LedgerResult(txId, 12, payload.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aWriteCarriesItsRequestIdLastAndWaitsForTheReadModel() {
        client.answer(call -> result("tx-1", "{\"tokens\":[{\"id\":\"T-1\"}]}"));
        Committed c = ledger.splitTransfer("SUP-1", "T-1", "[]", RequestId.of("req-1"));
        assertThat(client.calls).singleElement().satisfies(call -> {
            assertThat(call.enterpriseId()).isEqualTo("SUP-1");
            assertThat(call.transaction()).isEqualTo("SplitTransfer");
            assertThat(call.args()).containsExactly("T-1", "[]", "req-1");
        });
        assertThat(c.transactionId()).isEqualTo("tx-1");
        assertThat(c.blockNumber()).isEqualTo(12);
        assertThat(c.event().path("tokens").path(0).path("id").asString()).isEqualTo("T-1");
        assertThat(c.confirmedFromLedger()).isFalse();
        assertThat(c.readModelApplied()).isTrue();
        assertThat(awaited).containsExactly("tx-1");
    }

    @Test
    void aUsedRequestIdOfTheSameTransactionIsConfirmedWithTheEarlierTransaction() {
        client.answer(call -> switch (call.transaction()) {
            case "RejectFinancing" -> throw ApiProblem.of(409, "DUPLICATE_REQUEST", "request id fin-reject-F1 was already used");
            case "GetRequest" -> result("", "{\"requestId\":\"fin-reject-F1\",\"transaction\":\"RejectFinancing\",\"txId\":\"tx-earlier\"}");
            default -> throw new AssertionError(call.transaction());
        });
        Committed c = ledger.rejectFinancing("BANK-1", "F1", RequestId.of("fin-reject-F1"));
        assertThat(c.confirmedFromLedger()).isTrue();
        assertThat(c.transactionId()).isEqualTo("tx-earlier");
        assertThat(c.blockNumber()).isEqualTo(-1);
        assertThat(c.event().isEmpty()).isTrue();
        assertThat(client.calls.get(1).enterpriseId()).isEqualTo("BANK-1");
        assertThat(client.calls.get(1).args()).containsExactly("fin-reject-F1");
        assertThat(awaited).containsExactly("tx-earlier");
    }

    @Test
    void aRequestIdUsedByAnotherTransactionLeavesTheRefusalStanding() {
        client.answer(call -> switch (call.transaction()) {
            case "CancelFinancing" -> throw ApiProblem.of(409, "DUPLICATE_REQUEST", "request id r was already used");
            case "GetRequest" -> result("", "{\"transaction\":\"RejectFinancing\",\"txId\":\"tx-other\"}");
            default -> throw new AssertionError(call.transaction());
        });
        assertThatThrownBy(() -> ledger.cancelFinancing("SUP-1", "F1", RequestId.of("r")))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.code()).isEqualTo("DUPLICATE_REQUEST"));
        assertThat(awaited).isEmpty();
    }

    @Test
    void otherRefusalsPassThroughWithoutAskingTheLedgerAgain() {
        client.answer(call -> {
            throw ApiProblem.of(409, "ALREADY_EXISTS", "enterprise E1 is already registered");
        });
        assertThatThrownBy(() -> ledger.registerEnterprise("PLATFORM", "E1", "CORE", "CoreMSP", "h", RequestId.of("r")))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.code()).isEqualTo("ALREADY_EXISTS"));
        assertThat(client.calls).hasSize(1);
    }

    @Test
    void requestIdsOfAnIdempotencyKeyAreStableAndScoped() {
        assertThat(RequestId.forIdempotencyKey("enterprise:A", "k1")).isEqualTo(RequestId.forIdempotencyKey("enterprise:A", "k1"))
                .isNotEqualTo(RequestId.forIdempotencyKey("enterprise:B", "k1"));
        assertThat(RequestId.forIdempotencyKey("enterprise:A", "k1").value()).matches("idem-[0-9a-f]{32}");
        assertThat(RequestId.fresh()).isNotEqualTo(RequestId.fresh());
    }
}
