package com.scfledger.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.enterprise.EnterpriseRole;
import com.scfledger.contract.enterprise.RegisterEnterprise;
import com.scfledger.contract.financing.CancelFinancing;
import com.scfledger.contract.financing.RejectFinancing;
import com.scfledger.contract.payable.RegisterPayable;
import com.scfledger.contract.payable.RegisterPayables;
import com.scfledger.contract.token.GetToken;
import com.scfledger.contract.token.SplitOutput;
import com.scfledger.contract.token.SplitTransfer;
import com.scfledger.contract.token.Token;
import com.scfledger.contract.token.TokenStatus;
import com.scfledger.platform.ScriptedLedger;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ScfLedgerUnitTest {

    private final ScriptedLedger client = new ScriptedLedger();
    private final List<String> awaited = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
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
    }, JsonMapper.builder().build(), meters, (enterpriseId, transaction, wire) -> Optional.empty());

    private static final String TOKEN = "{\"amount\":1000,\"createdAt\":\"2026-01-01T08:00:12Z\",\"createdByTx\":\"tx-0\","
            + "\"currency\":\"EUR\",\"financingId\":null,\"holderId\":\"SUP-1\",\"id\":\"T-1.0\",\"maturityDate\":\"2026-06-30\","
            + "\"obligorId\":\"CORE-1\",\"parentId\":null,\"payableId\":\"PO-1\",\"paymentReference\":null,"
            + "\"status\":\"ACTIVE\",\"tier\":0,\"updatedAt\":\"2026-01-01T08:00:12Z\",\"updatedByTx\":\"tx-0\"}";
    private static final String EVENT = "{\"schemaVersion\":1,\"eventType\":\"TokenSplit\",\"transaction\":\"SplitTransfer\","
            + "\"txId\":\"tx-1\",\"timestamp\":\"2026-01-01T08:00:12Z\",\"requestId\":\"req-1\","
            + "\"anchors\":[],\"enterprises\":[],"
            + "\"financings\":[],\"payables\":[],\"settings\":[],\"tokens\":[" + TOKEN + "]}";

    private static LedgerResult result(String txId, String payload) {
        return new LedgerResult(txId, 12, payload.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aWriteCarriesItsRequestIdLastAndWaitsForTheReadModel() {
        client.answer(call -> result("tx-1", EVENT));
        Committed c = ledger.splitTransfer("SUP-1", new SplitTransfer("T-1", List.of(new SplitOutput("SUP-2", 400),
                new SplitOutput("SUP-1", 600))), RequestId.of("req-1"));
        assertThat(client.calls).singleElement().satisfies(call -> {
            assertThat(call.enterpriseId()).isEqualTo("SUP-1");
            assertThat(call.transaction()).isEqualTo("SplitTransfer");
            assertThat(call.args()).containsExactly("T-1",
                    "[{\"amount\":400,\"recipient\":\"SUP-2\"},{\"amount\":600,\"recipient\":\"SUP-1\"}]", "req-1");
        });
        assertThat(c.transactionId()).isEqualTo("tx-1");
        assertThat(c.blockNumber()).isEqualTo(12);
        assertThat(c.result()).hasValueSatisfying(e -> assertThat(e.tokens()).extracting(Token::id).containsExactly("T-1.0"));
        assertThat(c.confirmedFromLedger()).isFalse();
        assertThat(c.readModelApplied()).isTrue();
        assertThat(awaited).containsExactly("tx-1");
        assertThat(meters.counter("scf.ledger.writes", "transaction", "SplitTransfer", "outcome", "committed").count())
                .isEqualTo(1);
    }

    @Test
    void aUsedRequestIdOfTheSameTransactionIsConfirmedWithTheEarlierTransaction() {
        client.answer(call -> switch (call.transaction()) {
            case "RejectFinancing" -> throw new LedgerRefusal(ErrorCode.DUPLICATE_REQUEST,
                    "request id fin-reject-F1 was already used");
            case "GetRequest" -> result("",
                    "{\"requestId\":\"fin-reject-F1\",\"transaction\":\"RejectFinancing\",\"txId\":\"tx-earlier\"}");
            case "GetBlockByTxID" -> new LedgerResult(call.args().get(0), 9, EVENT.getBytes(StandardCharsets.UTF_8));
            default -> throw new AssertionError(call.transaction());
        });
        Committed c = ledger.rejectFinancing("BANK-1", new RejectFinancing("F1"), RequestId.of("fin-reject-F1"));
        assertThat(c.confirmedFromLedger()).isTrue();
        assertThat(c.transactionId()).isEqualTo("tx-earlier");
        assertThat(c.blockNumber()).isEqualTo(9);
        assertThat(c.result()).hasValueSatisfying(e -> assertThat(e.tokens()).hasSize(1));
        assertThat(client.calls.get(2)).isEqualTo(new ScriptedLedger.Call("BANK-1", "GetBlockByTxID", List.of("tx-earlier")));
        assertThat(meters.counter("scf.ledger.writes", "transaction", "RejectFinancing", "outcome", "already_done")
                .count()).isEqualTo(1);
        assertThat(client.calls.get(1).enterpriseId()).isEqualTo("BANK-1");
        assertThat(client.calls.get(1).args()).containsExactly("fin-reject-F1");
        assertThat(awaited).containsExactly("tx-earlier");
    }

    @Test
    void aRequestIdUsedByAnotherTransactionLeavesTheRefusalStanding() {
        client.answer(call -> switch (call.transaction()) {
            case "CancelFinancing" -> throw new LedgerRefusal(ErrorCode.DUPLICATE_REQUEST, "request id r was already used");
            case "GetRequest" -> result("", "{\"transaction\":\"RejectFinancing\",\"txId\":\"tx-other\"}");
            default -> throw new AssertionError(call.transaction());
        });
        assertThatThrownBy(() -> ledger.cancelFinancing("SUP-1", new CancelFinancing("F1"), RequestId.of("r")))
                .isInstanceOfSatisfying(LedgerFailure.class,
                        Answers.answered(p -> assertThat(p.code()).isEqualTo("DUPLICATE_REQUEST")));
        assertThat(awaited).isEmpty();
    }

    @Test
    void aBatchItemsUsedRequestIdIsTheItemsRefusalNotTheBatchsEarlierWrite() {
        RegisterPayable payable = new RegisterPayable("PO-1", "SUP-1", 1_000, "EUR", LocalDate.parse("2026-01-02"),
                LocalDate.parse("2026-06-30"), List.of("f".repeat(64)), "d".repeat(64));
        client.answer(call -> {
            if (call.transaction().equals("RegisterPayables")) {
                throw new LedgerRefusal(ErrorCode.DUPLICATE_REQUEST, "item 0: request id row-1 was already used");
            }
            throw new LedgerRefusal(ErrorCode.NOT_FOUND, "request " + call.args().get(0) + " not found");
        });
        assertThatThrownBy(() -> ledger.registerPayables("CORE-1",
                new RegisterPayables(List.of(new RegisterPayables.Item(payable, "row-1"))), RequestId.of("batch-1")))
                .isInstanceOfSatisfying(LedgerRefusal.class, refusal -> {
                    assertThat(refusal.is(ErrorCode.DUPLICATE_REQUEST)).isTrue();
                    assertThat(RegisterPayables.refusedItem(refusal.detail())).hasValue(0);
                });
        assertThat(awaited).isEmpty();
    }

    @Test
    void otherRefusalsPassThroughWithoutAskingTheLedgerAgain() {
        client.answer(call -> {
            throw new LedgerRefusal(ErrorCode.ALREADY_EXISTS, "enterprise E1 is already registered");
        });
        assertThatThrownBy(() -> ledger.registerEnterprise(Signer.person("PLATFORM", "admin2"),
                new RegisterEnterprise("E1", EnterpriseRole.CORE, "CoreMSP", "h"), RequestId.of("r")))
                .isInstanceOfSatisfying(LedgerFailure.class,
                        Answers.answered(p -> assertThat(p.code()).isEqualTo("ALREADY_EXISTS")));
        assertThat(client.calls).hasSize(1);
    }

    @Test
    void anAnswerThatIsNotTheContractsRecordIsTheLedgersFault() {
        client.answer(call -> result("", "[1,2]"));
        assertThatThrownBy(() -> ledger.getToken("SUP-1", new GetToken("T-1")))
                .isInstanceOfSatisfying(LedgerFailure.class, Answers.answered(p -> {
                    assertThat(p.status()).isEqualTo(503);
                    assertThat(p.code()).isEqualTo("LEDGER_ERROR");
                }));
    }

    @Test
    void queriesReturnTheContractsRecords() {
        client.answer(call -> result("", TOKEN));
        Token token = ledger.getToken("SUP-1", new GetToken("T-1.0"));
        assertThat(client.calls.get(0).args()).containsExactly("T-1.0");
        assertThat(token.amount()).isEqualTo(1000);
        assertThat(token.status()).isEqualTo(TokenStatus.ACTIVE);
        assertThat(token.parentId()).isNull();
    }

    @Test
    void requestIdsOfAnIdempotencyKeyAreStableAndScoped() {
        assertThat(RequestId.forIdempotencyKey("enterprise:A", "k1")).isEqualTo(RequestId.forIdempotencyKey("enterprise:A", "k1"))
                .isNotEqualTo(RequestId.forIdempotencyKey("enterprise:B", "k1"));
        assertThat(RequestId.forIdempotencyKey("enterprise:A", "k1").value()).matches("idem-[0-9a-f]{32}");
        assertThat(RequestId.fresh()).isNotEqualTo(RequestId.fresh());
    }
}
