package com.scfledger.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.scfledger.contract.ErrorCode;
import com.scfledger.platform.problem.ApiProblem;
import com.scfledger.platform.problem.ProblemCode;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LedgerErrorsUnitTest {

    /** What the API answers: the one mapping of a ledger failure to a problem. */
    private static ApiProblem answer(LedgerFailure failure) {
        return ApiProblem.from(failure);
    }

    /** A gRPC failure as the gateway peer sends it: a status with ErrorDetail messages from the endorsing peers. */
    private static StatusRuntimeException grpc(Status.Code code, String description, String... peerMessages) {
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder().setCode(code.value()).setMessage(description);
        for (String m : peerMessages) {
            status.addDetails(Any.pack(ErrorDetail.newBuilder().setAddress("127.0.0.1:9051").setMspId("CoreMSP")
                    .setMessage(m).build()));
        }
        return StatusProto.toStatusRuntimeException(status.build());
    }

    @Nested
    class ChaincodeErrors {

        @Test
        void aCodedChaincodeErrorInTheEndorsementDetailsBecomesA4xxWithThatCode() {
            var e = new EndorseException("tx1", grpc(Status.Code.ABORTED,
                    "failed to endorse transaction, see attached details for more info",
                    "chaincode response 500, TOKEN_NOT_ACTIVE: token T-1 is SPENT"));
            ApiProblem p = answer(LedgerErrors.fromEndorse("SplitTransfer", e, 0));
            assertThat(p.status()).isEqualTo(409);
            assertThat(p.code()).isEqualTo("TOKEN_NOT_ACTIVE");
            assertThat(p.detail()).isEqualTo("token T-1 is SPENT");
            assertThat(p.properties()).containsEntry("transactionId", "tx1").containsEntry("transaction", "SplitTransfer")
                    .containsEntry("source", "chaincode");
            assertThat(p.retryable()).isFalse();
        }

        @Test
        void aJsonChaincodeErrorIsReadToo() {
            var e = new EndorseException("tx2", grpc(Status.Code.ABORTED, "failed to endorse transaction",
                    "chaincode response 500, {\"code\":\"DUPLICATE_INVOICE\",\"message\":\"invoice already financed\"}"));
            ApiProblem p = answer(LedgerErrors.fromEndorse("RegisterPayable", e, 0));
            assertThat(p.status()).isEqualTo(409);
            assertThat(p.code()).isEqualTo("DUPLICATE_INVOICE");
            assertThat(p.detail()).isEqualTo("invoice already financed");
        }

        @Test
        void anEvaluateErrorCarriesTheChaincodeMessageInItsDescription() {
            var e = new GatewayException(grpc(Status.Code.UNKNOWN,
                    "evaluate call to endorser returned error: chaincode response 500, NOT_FOUND: no token T-9"));
            ApiProblem p = answer(LedgerErrors.fromEvaluate("GetToken", e));
            assertThat(p.status()).isEqualTo(404);
            assertThat(p.code()).isEqualTo("NOT_FOUND");
        }

        @Test
        void aChaincodeErrorWithoutACodeIsABadGatewayNotAServerError() {
            var e = new EndorseException("tx3", grpc(Status.Code.ABORTED, "failed",
                    "chaincode response 500, Undefined contract method called"));
            ApiProblem p = answer(LedgerErrors.fromEndorse("Nope", e, 0));
            assertThat(p.status()).isEqualTo(502);
            assertThat(p.code()).isEqualTo("CHAINCODE_FAILURE");
        }

        @ParameterizedTest
        @EnumSource(ErrorCode.class)
        void everyContractCodeKeepsItsNameAndTheStatusTheContractGivesIt(ErrorCode code) {
            var e = new EndorseException("tx", grpc(Status.Code.ABORTED, "failed",
                    "chaincode response 500, " + code.message("refused")));
            ApiProblem p = answer(LedgerErrors.fromEndorse("AnyTransaction", e, 0));
            assertThat(p.code()).isEqualTo(code.name());
            assertThat(p.status()).isEqualTo(code.httpStatus());
            assertThat(p.detail()).isEqualTo("refused");
            assertThat(LedgerErrors.fromEndorse("AnyTransaction", e, 0)).isInstanceOfSatisfying(LedgerRefusal.class,
                    refusal -> assertThat(refusal.errorCode()).isEqualTo(code));
        }

        @Test
        void aCodeTheContractDoesNotKnowIsABadGatewayNotAGuess() {
            var e = new EndorseException("tx", grpc(Status.Code.ABORTED, "failed",
                    "chaincode response 500, PAYABLE_NOT_FOUND: no payable P-1"));
            ApiProblem p = answer(LedgerErrors.fromEndorse("GetPayable", e, 0));
            assertThat(p.status()).isEqualTo(502);
            assertThat(p.code()).isEqualTo("CHAINCODE_FAILURE");
            assertThat(p.properties()).containsEntry("chaincodeCode", "PAYABLE_NOT_FOUND");
            assertThat(LedgerErrors.fromEndorse("GetPayable", e, 0)).isInstanceOf(ChaincodeFailure.class);
        }

        @Test
        void aPlatformProblemWithAContractCodesNameIsNotAChaincodeRefusal() {
            assertThat(ApiProblem.of(ProblemCode.NOT_FOUND, "No token T-1.").is(ProblemCode.NOT_FOUND)).isTrue();
            assertThat(answer(new LedgerRefusal(ErrorCode.NOT_FOUND, "no token T-1")).is(ProblemCode.NOT_FOUND)).isFalse();
            assertThat(new LedgerRefusal(ErrorCode.NOT_FOUND, "no token T-1").is(ErrorCode.NOT_FOUND)).isTrue();
            assertThat(new LedgerRefusal(ErrorCode.NOT_FOUND, "no token T-1").is(ErrorCode.UNAUTHORIZED)).isFalse();
        }

        @Test
        void parsing() {
            assertThat(ChaincodeError.parse("no chaincode here")).isEmpty();
            assertThat(ChaincodeError.parse("chaincode response 500, MATURED")).get()
                    .isEqualTo(new ChaincodeError("MATURED", "MATURED"));
            assertThat(ChaincodeError.parse("chaincode response 500, INVALID_AMOUNT - must be positive")).get()
                    .isEqualTo(new ChaincodeError("INVALID_AMOUNT", "must be positive"));
            assertThat(ChaincodeError.parse("chaincode response 500, {\"message\":\"no code\"}")).get()
                    .extracting(ChaincodeError::code).isNull();
        }
    }

    /** A status whose details come from the named organisations' peers, each with the same message. */
    private static StatusRuntimeException fromOrganisations(String description, String message, String... mspIds) {
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder().setCode(Status.Code.ABORTED.value())
                .setMessage(description);
        for (String msp : mspIds) {
            status.addDetails(Any.pack(ErrorDetail.newBuilder().setAddress("127.0.0.1:8051").setMspId(msp)
                    .setMessage(message).build()));
        }
        return StatusProto.toStatusRuntimeException(status.build());
    }

    @Nested
    class EndorsersBehindTheGatewayPeer {

        private static final String NOT_COLLECTED = "failed to collect enough transaction endorsements, see attached "
                + "details for more info";
        private static final String PAYABLE_NOT_FOUND = "chaincode response 500, NOT_FOUND: payable P-1 of CORE not found";

        @Test
        void whenTheGatewayChoseAndOnlyTheOtherOrganisationsRefusedItIsA503NotTheirRefusal() {
            var e = new EndorseException("tx", fromOrganisations(NOT_COLLECTED, PAYABLE_NOT_FOUND, "BankMSP", "CoreMSP"));
            assertThat(LedgerErrors.endorsersBehind(e, 0)).isTrue();
            ApiProblem p = answer(LedgerErrors.fromEndorse("SplitTransfer", e, 0));
            assertThat(p.status()).isEqualTo(503);
            assertThat(p.code()).isEqualTo("LEDGER_BUSY");
            assertThat(p.retryAfterSeconds()).isNotNull();
            assertThat(p.detail()).contains("not all committed the latest blocks", "payable P-1 of CORE not found",
                    "same Idempotency-Key");
        }

        @Test
        void whenTheProposalNamedItsOrganisationsARefusalBySomeIsTheLag() {
            var e = new EndorseException("tx", fromOrganisations(NOT_COLLECTED, PAYABLE_NOT_FOUND, "CoreMSP"));
            assertThat(LedgerErrors.endorsersBehind(e, 2)).isTrue();
        }

        @Test
        void whenEveryNamedOrganisationRefusedItIsTheChaincodesAnswer() {
            var e = new EndorseException("tx", fromOrganisations(NOT_COLLECTED, PAYABLE_NOT_FOUND, "PlatformMSP",
                    "CoreMSP"));
            assertThat(LedgerErrors.endorsersBehind(e, 2)).isFalse();
            ApiProblem p = answer(LedgerErrors.fromEndorse("SplitTransfer", e, 2));
            assertThat(p.status()).isEqualTo(404);
            assertThat(p.code()).isEqualTo("NOT_FOUND");
        }

        @Test
        void aRefusalByTheGatewaysOwnOrganisationIsTheChaincodesAnswer() {
            var e = new EndorseException("tx", fromOrganisations("failed to endorse transaction, see attached details "
                    + "for more info", PAYABLE_NOT_FOUND, "PlatformMSP"));
            assertThat(LedgerErrors.endorsersBehind(e, 0)).isFalse();
            assertThat(answer(LedgerErrors.fromEndorse("SplitTransfer", e, 0)).status()).isEqualTo(404);
        }

        @Test
        void unreachableEndorsersAreNotTheLag() {
            var e = new EndorseException("tx", fromOrganisations(NOT_COLLECTED, "rpc error: code = Unavailable",
                    "BankMSP"));
            assertThat(LedgerErrors.endorsersBehind(e, 0)).isFalse();
        }
    }

    @Nested
    class Infrastructure {

        @Test
        void anUnreachablePeerIsA503WithRetryAfter() {
            var e = new EndorseException("tx", grpc(Status.Code.UNAVAILABLE, "io exception"));
            ApiProblem p = answer(LedgerErrors.fromEndorse("RegisterPayable", e, 0));
            assertThat(p.status()).isEqualTo(503);
            assertThat(p.code()).isEqualTo("PEER_UNAVAILABLE");
            assertThat(p.retryAfterSeconds()).isEqualTo(5);
            assertThat(p.retryable()).isTrue();
        }

        @Test
        void anEndorseDeadlineIsA503Timeout() {
            ApiProblem p = answer(LedgerErrors.fromEndorse("X", new EndorseException("tx", grpc(Status.Code.DEADLINE_EXCEEDED,
                    "deadline")), 0));
            assertThat(p.status()).isEqualTo(503);
            assertThat(p.code()).isEqualTo("LEDGER_TIMEOUT");
            assertThat(p.retryAfterSeconds()).isNotNull();
        }

        @Test
        void anUnreachableOrdererIsA503() {
            ApiProblem p = answer(LedgerErrors.fromSubmit("X", new SubmitException("tx", grpc(Status.Code.UNAVAILABLE,
                    "no orderer"))));
            assertThat(p.status()).isEqualTo(503);
            assertThat(p.code()).isEqualTo("ORDERER_UNAVAILABLE");
            assertThat(p.retryAfterSeconds()).isNotNull();
            assertThat(p.detail()).contains("may still commit", "same Idempotency-Key").doesNotContain("not submitted");
        }

        @Test
        void aSubmitTheOrdererDidNotConfirmInTimeIsOfUnknownStatusNeverNotSubmitted() {
            for (Status.Code code : new Status.Code[] {Status.Code.DEADLINE_EXCEEDED, Status.Code.CANCELLED}) {
                ApiProblem p = answer(LedgerErrors.fromSubmit("X", new SubmitException("tx5", grpc(code, "slow"))));
                assertThat(p.status()).isEqualTo(503);
                assertThat(p.code()).isEqualTo("COMMIT_STATUS_UNKNOWN");
                assertThat(p.retryAfterSeconds()).isNotNull();
                assertThat(p.detail()).contains("may still commit").doesNotContain("not submitted");
                assertThat(p.properties()).containsEntry("transactionId", "tx5");
            }
        }

        @Test
        void aRefusedSubmitIsAnOutageWithARetryAfter() {
            ApiProblem p = answer(LedgerErrors.fromSubmit("X", new SubmitException("tx", grpc(Status.Code.INVALID_ARGUMENT,
                    "bad"))));
            assertThat(p.status()).isEqualTo(503);
            assertThat(p.code()).isEqualTo("LEDGER_SUBMIT_FAILED");
            assertThat(p.retryAfterSeconds()).isNotNull();
        }

        @Test
        void anUnknownCommitStatusIsA503ThatSaysTheTransactionMayStillCommit() {
            ApiProblem p = answer(LedgerErrors.fromCommitStatus("X", new CommitStatusException("tx9",
                    grpc(Status.Code.DEADLINE_EXCEEDED, "deadline"))));
            assertThat(p.status()).isEqualTo(503);
            assertThat(p.code()).isEqualTo("COMMIT_STATUS_UNKNOWN");
            assertThat(p.properties()).containsEntry("transactionId", "tx9");
        }

        @Test
        void aRawGatewayRuntimeFailureIsMappedByStatus() {
            ApiProblem p = answer(LedgerErrors.fromRuntime("X", new GatewayRuntimeException(grpc(Status.Code.UNAVAILABLE,
                    "down"))));
            assertThat(p.status()).isEqualTo(503);
            ApiProblem unexpected = answer(LedgerErrors.fromRuntime("X", new IllegalStateException("?")));
            assertThat(unexpected.status()).isEqualTo(503);
            assertThat(unexpected.retryAfterSeconds()).isNotNull();
        }
    }

    @Nested
    class InvalidTransactions {

        @Test
        void anMvccReadConflictIsA409WithARetryHint() {
            ApiProblem p = answer(LedgerErrors.invalidTransaction("SplitTransfer", "tx", TxValidationCode.MVCC_READ_CONFLICT,
                    null));
            assertThat(p.status()).isEqualTo(409);
            assertThat(p.code()).isEqualTo("MVCC_READ_CONFLICT");
            assertThat(p.retryAfterSeconds()).isEqualTo(1);
            assertThat(p.retryable()).isTrue();
            assertThat(p.properties()).containsEntry("validationCode", "MVCC_READ_CONFLICT");
        }

        @Test
        void aPhantomReadIsTheSameConflict() {
            assertThat(LedgerErrors.invalidTransaction("X", "tx", TxValidationCode.PHANTOM_READ_CONFLICT, null).code())
                    .isEqualTo("MVCC_READ_CONFLICT");
        }

        @Test
        void otherInvalidationsAreBadGateway() {
            ApiProblem p = answer(LedgerErrors.invalidTransaction("X", "tx", TxValidationCode.ENDORSEMENT_POLICY_FAILURE, null));
            assertThat(p.status()).isEqualTo(502);
            assertThat(p.code()).isEqualTo("ENDORSEMENT_POLICY_FAILURE");
        }
    }
}
