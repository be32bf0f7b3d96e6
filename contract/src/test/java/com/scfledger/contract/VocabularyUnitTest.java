package com.scfledger.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class VocabularyUnitTest {

    @Test
    void everyTransactionHasItsOwnWireName() {
        assertThat(Arrays.stream(Transaction.values()).map(Transaction::wireName)).doesNotHaveDuplicates();
        assertThat(Transaction.byWireName("SplitTransfer")).contains(Transaction.SPLIT_TRANSFER);
        assertThat(Transaction.byWireName("health:Ping")).contains(Transaction.HEALTH_PING);
        assertThat(Transaction.byWireName("splittransfer")).isEmpty();
    }

    @Test
    void everyEventIsEmittedByExactlyOneTransaction() {
        Map<EventType, Long> emitters = Arrays.stream(Transaction.values())
                .filter(Transaction::takesRequestId)
                .collect(Collectors.groupingBy(Transaction::event, Collectors.counting()));
        assertThat(emitters).containsOnlyKeys(EventType.values());
        assertThat(emitters.values()).containsOnly(1L);
        assertThat(EventType.byEventName("TokenSplit")).contains(EventType.TOKEN_SPLIT);
        assertThat(EventType.byEventName("TOKEN_SPLIT")).isEmpty();
    }

    @Test
    void submitsAndEvaluationsAreTold() {
        assertThat(Transaction.SPLIT_TRANSFER.submit()).isTrue();
        assertThat(Transaction.GET_TOKEN.kind()).isEqualTo(Transaction.Kind.EVALUATE);
        assertThat(Transaction.GET_TOKEN.takesRequestId()).isFalse();
    }

    @Test
    void errorCodesCarryTheHttpStatusTheApiAnswers() {
        assertThat(ErrorCode.NOT_FOUND.httpStatus()).isEqualTo(404);
        assertThat(ErrorCode.UNAUTHORIZED.httpStatus()).isEqualTo(403);
        assertThat(Arrays.stream(ErrorCode.values()).filter(c -> c.httpStatus() == 409))
                .containsExactlyInAnyOrder(ErrorCode.ALREADY_EXISTS, ErrorCode.DUPLICATE_REQUEST,
                        ErrorCode.DUPLICATE_INVOICE, ErrorCode.TOKEN_NOT_ACTIVE, ErrorCode.INVALID_STATE,
                        ErrorCode.TERMS_MISMATCH);
        assertThat(ErrorCode.LIMIT_EXCEEDED.httpStatus()).isEqualTo(422);
        assertThat(ErrorCode.SAME_APPROVER.httpStatus()).isEqualTo(403);
        assertThat(ErrorCode.UNKNOWN_TRANSACTION.httpStatus()).isEqualTo(502);
        assertThat(ErrorCode.INVALID_TERMS.httpStatus()).isEqualTo(422);
        assertThat(ErrorCode.MATURED.message("token t is due")).isEqualTo("MATURED: token t is due");
    }

    @Test
    void aRefusalMessageTellsItsCode() {
        assertThat(ErrorCode.fromMessage("TOKEN_NOT_ACTIVE: token t is SPENT")).contains(ErrorCode.TOKEN_NOT_ACTIVE);
        assertThat(ErrorCode.fromMessage(ErrorCode.NOT_FOUND.message("x: y"))).contains(ErrorCode.NOT_FOUND);
        assertThat(ErrorCode.fromMessage("UNKNOWN_TRANSACTION")).contains(ErrorCode.UNKNOWN_TRANSACTION);
        assertThat(ErrorCode.fromMessage("NOT_HOLDER: not ours")).isEmpty();
        assertThat(ErrorCode.fromMessage("chaincode crashed")).isEmpty();
        assertThat(ErrorCode.fromMessage(null)).isEmpty();
    }
}
