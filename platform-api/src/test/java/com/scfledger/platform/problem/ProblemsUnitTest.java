package com.scfledger.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProblemsUnitTest {

    @Test
    void aProblemDetailCarriesItsCodeTypeAndRetryHint() {
        ApiProblem problem = ApiProblem.of(ProblemCode.MVCC_READ_CONFLICT, "try again").retryAfter(1).with("transactionId", "t1");
        ProblemDetail pd = Problems.of(problem);
        assertThat(pd.getStatus()).isEqualTo(409);
        assertThat(pd.getTitle()).isEqualTo("Read conflict");
        assertThat(pd.getType().toString()).isEqualTo("urn:scf:problem:mvcc-read-conflict");
        assertThat(pd.getProperties()).containsEntry("code", "MVCC_READ_CONFLICT").containsEntry("retryAfterSeconds", 1)
                .containsEntry("transactionId", "t1");
    }

    @Test
    void theWriterProducesFlatRfc9457Json() {
        JsonMapper json = JsonMapper.builder().build();
        ProblemWriter writer = new ProblemWriter(json, new ProblemMetrics(new SimpleMeterRegistry()));
        String text = writer.toJson(Problems.of(ApiProblem.foreign(422, "INVALID_AMOUNT", "must be positive")));
        JsonNode node = json.readTree(text);
        assertThat(node.path("type").asString()).isEqualTo("urn:scf:problem:invalid-amount");
        assertThat(node.path("status").asInt()).isEqualTo(422);
        assertThat(node.path("code").asString()).isEqualTo("INVALID_AMOUNT");
        assertThat(node.path("detail").asString()).isEqualTo("must be positive");
        assertThat(node.has("properties")).isFalse();
    }

    @Test
    void retryableOutcomes() {
        assertThat(ApiProblem.of(ProblemCode.PEER_UNAVAILABLE, "x").retryable()).isTrue();
        assertThat(ApiProblem.of(ProblemCode.MVCC_READ_CONFLICT, "x").retryAfter(1).retryable()).isTrue();
        assertThat(ApiProblem.of(ProblemCode.RATE_LIMITED, "x").retryable()).isTrue();
        assertThat(ApiProblem.foreign(409, "TOKEN_NOT_ACTIVE", "x").retryable()).isFalse();
        assertThat(ApiProblem.foreign(422, "INVALID_AMOUNT", "x").retryable()).isFalse();
    }

    @Test
    void onlyErrorStatuses() {
        assertThatThrownBy(() -> ApiProblem.foreign(200, "OK", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void frameworkStatusesGetStableCodes() {
        assertThat(ProblemHandler.codeFor(404)).isEqualTo("NOT_FOUND");
        assertThat(ProblemHandler.codeFor(415)).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(ProblemHandler.codeFor(418)).isEqualTo("HTTP_418");
    }

    @Test
    void aProblemIsOfAPlatformCodeOnlyWhenThePlatformRaisedIt() {
        assertThat(ApiProblem.of(ProblemCode.LEDGER_IDENTITY_MISSING, "x").is(ProblemCode.LEDGER_IDENTITY_MISSING)).isTrue();
        assertThat(ApiProblem.of(ProblemCode.NOT_FOUND, "x").is(ProblemCode.LEDGER_IDENTITY_MISSING)).isFalse();
        assertThat(ApiProblem.foreign(404, "NOT_FOUND", "x").with("source", "chaincode").is(ProblemCode.NOT_FOUND)).isFalse();
    }
}
