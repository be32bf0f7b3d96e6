package com.scfledger.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;

import com.scfledger.contract.ErrorCode;
import com.scfledger.platform.domain.NotFound;
import com.scfledger.platform.domain.Reason;
import com.scfledger.platform.ledger.LedgerOutage;
import com.scfledger.platform.ledger.LedgerRefusal;
import com.scfledger.platform.ledger.TransactionInvalid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The one mapping of the ledger's failures to answers: status, code, Retry-After and the properties clients read. */
class LedgerProblemsUnitTest {

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void aRefusalKeepsTheContractsCodeAndStatusAndSaysItCameFromTheChaincode(ErrorCode code) {
        ApiProblem p = ApiProblem.from(new LedgerRefusal(code, "refused", "RegisterPayable", "tx1"));
        assertThat(p.status()).isEqualTo(code.httpStatus());
        assertThat(p.code()).isEqualTo(code.name());
        assertThat(p.detail()).isEqualTo("refused");
        assertThat(p.retryAfterSeconds()).isNull();
        assertThat(p.properties()).containsEntry("source", "chaincode").containsEntry("transaction", "RegisterPayable")
                .containsEntry("transactionId", "tx1");
        assertThat(p.isNotExecuted()).isFalse();
    }

    @Test
    void aRefusalWithoutATransactionNamesOnlyWhatItKnows() {
        ApiProblem p = ApiProblem.from(new LedgerRefusal(ErrorCode.DUPLICATE_REQUEST, "done before", null, "tx7"));
        assertThat(p.properties()).containsEntry("transactionId", "tx7").doesNotContainKey("transaction");
        assertThat(ApiProblem.from(new LedgerRefusal(ErrorCode.NOT_FOUND, "none")).properties())
                .containsOnlyKeys("source");
    }

    @ParameterizedTest
    @CsvSource({
            "PEER_UNAVAILABLE, 503, 5",
            "LEDGER_TIMEOUT, 503, 5",
            "ORDERER_UNAVAILABLE, 503, 5",
            "COMMIT_STATUS_UNKNOWN, 503, 5",
            "LEDGER_BUSY, 503, 2",
            "LEDGER_NOT_READY, 503, 10",
            "LEDGER_NOT_CONFIGURED, 503, 30",
            "LEDGER_SUBMIT_FAILED, 503, 5",
            "COMMIT_STATUS_FAILED, 503, 5",
            "LEDGER_ERROR, 503, 5"})
    void anOutageKeepsItsStatusCodeAndRetryAfter(LedgerOutage.Kind kind, int status, Integer retryAfter) {
        ApiProblem p = ApiProblem.from(new LedgerOutage(kind, "down", "SplitTransfer", "tx2", null));
        assertThat(p.status()).isEqualTo(status);
        assertThat(p.code()).isEqualTo(kind.name());
        assertThat(p.retryAfterSeconds()).isEqualTo(retryAfter);
        assertThat(p.retryable()).isTrue();
        assertThat(p.properties()).containsEntry("transaction", "SplitTransfer").containsEntry("transactionId", "tx2")
                .doesNotContainKey("source");
    }

    @Test
    void everyOutageKindIsMapped() {
        for (LedgerOutage.Kind kind : EnumSet.allOf(LedgerOutage.Kind.class)) {
            assertThat(ApiProblem.from(new LedgerOutage(kind, "x", "T", null, null)).is(ProblemCode.valueOf(kind.name())))
                    .isTrue();
        }
    }

    @ParameterizedTest
    @CsvSource({
            "MVCC_READ_CONFLICT, 409, 1",
            "DUPLICATE_TRANSACTION, 409, ",
            "ENDORSEMENT_POLICY_FAILURE, 502, ",
            "TRANSACTION_INVALID, 502, "})
    void anInvalidTransactionKeepsItsStatusCodeRetryAfterAndValidationCode(TransactionInvalid.Kind kind, int status,
                                                                          Integer retryAfter) {
        ApiProblem p = ApiProblem.from(new TransactionInvalid(kind, "PHANTOM_READ_CONFLICT", "invalid", "Split", "tx3",
                null));
        assertThat(p.status()).isEqualTo(status);
        assertThat(p.code()).isEqualTo(kind.name());
        assertThat(p.retryAfterSeconds()).isEqualTo(retryAfter);
        assertThat(p.properties()).containsEntry("validationCode", "PHANTOM_READ_CONFLICT")
                .containsEntry("transactionId", "tx3");
    }

    @Test
    void anyRefusalHasOneAnswerAndABugIsNoRefusal() {
        assertThat(ApiProblem.answerTo(new LedgerOutage(LedgerOutage.Kind.LEDGER_BUSY, "busy", "T", null, null))
                .retryAfterSeconds()).isEqualTo(2);
        assertThat(ApiProblem.answerTo(new NotFound(Reason.TOKEN_NOT_FOUND, "no token")).status()).isEqualTo(404);
        ApiProblem own = ApiProblem.of(ProblemCode.CONFLICT, "x");
        assertThat(ApiProblem.answerTo(own)).isSameAs(own);
        assertThatThrownBy(() -> ApiProblem.answerTo(new IllegalStateException("bug")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
