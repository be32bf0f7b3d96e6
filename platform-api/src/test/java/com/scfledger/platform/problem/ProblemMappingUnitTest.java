package com.scfledger.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;
import java.util.function.Supplier;

import com.scfledger.contract.ErrorCode;
import com.scfledger.platform.domain.AlreadyExists;
import com.scfledger.platform.domain.ConcurrentUpdate;
import com.scfledger.platform.domain.InvalidInput;
import com.scfledger.platform.domain.InvalidTransition;
import com.scfledger.platform.domain.NotFound;
import com.scfledger.platform.domain.NotPermitted;
import com.scfledger.platform.domain.NotYetPossible;
import com.scfledger.platform.domain.Reason;
import com.scfledger.platform.domain.RuleViolation;
import com.scfledger.platform.ledger.LedgerOutage;
import com.scfledger.platform.ledger.LedgerRefusal;
import com.scfledger.platform.ledger.TransactionInvalid;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Each kind of refusal leaves the API once, through the problem handler, with its status, code and media type. */
class ProblemMappingUnitTest {

    private static Supplier<RuntimeException> failure = () -> new IllegalStateException("no failure set");

    @RestController
    static class Failing {
        @GetMapping("/fail")
        String fail() {
            throw failure.get();
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new ProblemHandler(new ProblemMetrics(new SimpleMeterRegistry()))).build();

    private ResultActions answer(RuntimeException thrown) throws Exception {
        failure = () -> thrown;
        return mvc.perform(get("/fail").accept(MediaType.APPLICATION_JSON))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.instance").value("/fail"));
    }

    @Test
    void notFoundIs404WithItsReason() throws Exception {
        answer(new NotFound(Reason.ENTERPRISE_NOT_FOUND, "No enterprise X."))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("ENTERPRISE_NOT_FOUND"))
                .andExpect(jsonPath("$.type").value("urn:scf:problem:enterprise-not-found"))
                .andExpect(jsonPath("$.title").value("Enterprise not found"))
                .andExpect(jsonPath("$.detail").value("No enterprise X."));
        answer(new NotFound("No payable P.")).andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
    }

    @Test
    void conflictsAre409() throws Exception {
        answer(new AlreadyExists(Reason.ENTERPRISE_EXISTS, "x")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ENTERPRISE_EXISTS"));
        answer(new InvalidTransition(Reason.ALREADY_REGISTERED, "x")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ALREADY_REGISTERED"))
                .andExpect(header().doesNotExist("Retry-After"));
    }

    @Test
    void aConcurrentUpdateIsWorthRetrying() throws Exception {
        answer(new ConcurrentUpdate("changed meanwhile")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CONCURRENT_UPDATE"))
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(jsonPath("$.retryAfterSeconds").value(1));
        assertThat(ApiProblem.from(new ConcurrentUpdate("x")).retryable()).isTrue();
    }

    @Test
    void ruleViolationsTakeTheStatusOfTheirCode() throws Exception {
        answer(new RuleViolation(Reason.SCOPE_NOT_ALLOWED, "x")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("SCOPE_NOT_ALLOWED"));
        answer(new RuleViolation(Reason.CSV_MALFORMED, "x")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("CSV_MALFORMED"));
        answer(new NotPermitted("not yours")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
    }

    @Test
    void anInvalidInputNamesItsField() throws Exception {
        answer(new InvalidInput("expiresAt", "expiresAt must be in the future.")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("expiresAt"));
    }

    @Test
    void aRefusalNotYetPossibleIsNotKeptUnderAnIdempotencyKey() throws Exception {
        answer(new NotYetPossible(Reason.LEDGER_IDENTITY_MISSING, "not enrolled yet")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("LEDGER_IDENTITY_MISSING"));
        assertThat(ApiProblem.from(new NotYetPossible(Reason.LEDGER_IDENTITY_MISSING, "x")).isNotExecuted()).isTrue();
        assertThat(ApiProblem.from(new RuleViolation(Reason.ROLE_MISMATCH, "x")).isNotExecuted()).isFalse();
    }

    @Test
    void theLedgersFailuresAreAnsweredByTheHandlerWithStatusCodeAndRetryAfter() throws Exception {
        answer(new LedgerRefusal(ErrorCode.TOKEN_NOT_ACTIVE, "token T-1 is SPENT", "SplitTransfer", "tx1"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("TOKEN_NOT_ACTIVE"))
                .andExpect(jsonPath("$.detail").value("token T-1 is SPENT"))
                .andExpect(jsonPath("$.source").value("chaincode"))
                .andExpect(jsonPath("$.transactionId").value("tx1"))
                .andExpect(header().doesNotExist("Retry-After"));
        answer(new LedgerOutage(LedgerOutage.Kind.COMMIT_STATUS_UNKNOWN, "may still commit", "SplitTransfer", "tx2", null))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("COMMIT_STATUS_UNKNOWN"))
                .andExpect(header().string("Retry-After", "5"));
        answer(new TransactionInvalid(TransactionInvalid.Kind.MVCC_READ_CONFLICT, "MVCC_READ_CONFLICT", "conflict",
                "SplitTransfer", "tx3", null))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("MVCC_READ_CONFLICT"))
                .andExpect(jsonPath("$.validationCode").value("MVCC_READ_CONFLICT"))
                .andExpect(header().string("Retry-After", "1"));
    }

    @Test
    void anApiProblemKeepsItsCodeAndRetryHint() throws Exception {
        answer(ApiProblem.of(ProblemCode.LEDGER_BUSY, "busy").retryAfter(2)).andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("LEDGER_BUSY"))
                .andExpect(header().string("Retry-After", "2"));
    }

    @Test
    void aBugIsA500WithoutItsMessage() throws Exception {
        answer(new IllegalStateException("secret internals")).andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.code").value("INTERNAL_ERROR"))
                .andExpect(jsonPath("$.detail").value("An unexpected error occurred; it has been logged."));
    }

    @Test
    void everyReasonHasACodeOfTheSameName() {
        for (Reason reason : Reason.values()) {
            assertThat(ProblemCode.of(reason)).as(reason.name()).isNotNull()
                    .extracting(ProblemCode::name).isEqualTo(reason.name());
        }
    }

    @Test
    void everyCodeHasAnErrorStatusAndATitle() {
        assertThat(ProblemCode.values()).allSatisfy(code -> {
            assertThat(code.status()).as(code.name()).isBetween(400, 599);
            assertThat(code.title()).as(code.name()).isNotBlank();
        });
        assertThat(Arrays.stream(ProblemCode.values()).map(ProblemCode::title).distinct().count())
                .as("titles tell the codes apart").isEqualTo(ProblemCode.values().length);
    }
}
