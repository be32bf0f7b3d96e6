package com.scfledger.platform.ledger;

import java.util.Optional;

import com.scfledger.contract.ErrorCode;
import com.scfledger.platform.problem.ApiProblem;
import com.scfledger.platform.problem.ProblemCode;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.hyperledger.fabric.client.CommitException;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * Turns the Gateway SDK's typed failures into distinct API outcomes:
 * <ul>
 *   <li>a chaincode error with one of the contract's {@link ErrorCode}s → that code with the status the
 *       contract gives it (see {@link LedgerRefusal}); a code the contract does not know, or none → 502
 *       {@code CHAINCODE_FAILURE};</li>
 *   <li>an MVCC or phantom read conflict at commit → 409 {@code MVCC_READ_CONFLICT}, Retry-After 1;</li>
 *   <li>a peer or orderer that cannot be reached or does not answer in time → 503, Retry-After;</li>
 *   <li>a commit status that could not be learnt → 503 {@code COMMIT_STATUS_UNKNOWN} (the
 *       transaction may still commit; a retry carries the same request id, which the chaincode
 *       refuses as a duplicate if the first did commit);</li>
 *   <li>anything else from the network → 502.</li>
 * </ul>
 */
final class LedgerErrors {

    static final int RETRY_UNAVAILABLE_SECONDS = 5;

    private LedgerErrors() {
    }

    /** The chaincode's error code, when it is one of the contract's; the contract gives each its HTTP status. */
    static Optional<ErrorCode> errorCode(String chaincodeCode) {
        return ErrorCode.fromMessage(chaincodeCode);
    }

    static ApiProblem fromEvaluate(String transaction, GatewayException e) {
        return fromGateway(transaction, null, e, "evaluate");
    }

    static ApiProblem fromEndorse(String transaction, EndorseException e) {
        return fromGateway(transaction, e.getTransactionId(), e, "endorse");
    }

    static ApiProblem fromSubmit(String transaction, SubmitException e) {
        Status.Code code = e.getStatus().getCode();
        if (unreachable(code)) {
            return tagged(ApiProblem.of(ProblemCode.ORDERER_UNAVAILABLE,
                    "The ordering service could not be reached; the transaction was not submitted.")
                    .retryAfter(RETRY_UNAVAILABLE_SECONDS), transaction, e.getTransactionId()).causedBy(e);
        }
        return tagged(ApiProblem.of(ProblemCode.LEDGER_SUBMIT_FAILED, "The orderer refused the transaction: "
                + e.getStatus().getDescription()), transaction, e.getTransactionId()).causedBy(e);
    }

    static ApiProblem fromCommitStatus(String transaction, CommitStatusException e) {
        Status.Code code = e.getStatus().getCode();
        if (unreachable(code)) {
            return tagged(ApiProblem.of(ProblemCode.COMMIT_STATUS_UNKNOWN,
                    "The transaction was submitted but its commit could not be confirmed in time; it may still "
                            + "commit. Retrying with the same Idempotency-Key is safe.")
                    .retryAfter(RETRY_UNAVAILABLE_SECONDS), transaction, e.getTransactionId()).causedBy(e);
        }
        return tagged(ApiProblem.of(ProblemCode.COMMIT_STATUS_FAILED, "The peer could not report the commit status: "
                + e.getStatus().getDescription()), transaction, e.getTransactionId()).causedBy(e);
    }

    static ApiProblem fromCommit(String transaction, CommitException e) {
        return invalidTransaction(transaction, e.getTransactionId(), e.getCode()).causedBy(e);
    }

    /** A transaction that was ordered into a block but marked invalid there. */
    static ApiProblem invalidTransaction(String transaction, String transactionId, TxValidationCode code) {
        ApiProblem p = switch (code) {
            case MVCC_READ_CONFLICT, PHANTOM_READ_CONFLICT -> ApiProblem.of(ProblemCode.MVCC_READ_CONFLICT,
                    "Another transaction changed the same ledger state first (" + code.name()
                            + "); nothing was written. Retry the request.").retryAfter(1);
            case DUPLICATE_TXID -> ApiProblem.of(ProblemCode.DUPLICATE_TRANSACTION,
                    "The ledger already has a transaction with this id.");
            case ENDORSEMENT_POLICY_FAILURE -> ApiProblem.of(ProblemCode.ENDORSEMENT_POLICY_FAILURE,
                    "The transaction was not endorsed as the channel's policy requires.");
            default -> ApiProblem.of(ProblemCode.TRANSACTION_INVALID, "The ledger marked the transaction invalid: " + code.name()
                    + ".");
        };
        return tagged(p.with("validationCode", code.name()), transaction, transactionId);
    }

    static ApiProblem fromRuntime(String transaction, RuntimeException e) {
        if (e instanceof GatewayRuntimeException gre) {
            return statusProblem(transaction, null, gre.getStatus(), "call").causedBy(e);
        }
        if (e instanceof StatusRuntimeException sre) {
            return statusProblem(transaction, null, sre.getStatus(), "call").causedBy(e);
        }
        return tagged(ApiProblem.of(ProblemCode.LEDGER_ERROR, "The ledger call failed unexpectedly."), transaction,
                null).causedBy(e);
    }

    private static ApiProblem fromGateway(String transaction, String transactionId, GatewayException e, String phase) {
        Optional<ChaincodeError> chaincode = chaincodeError(e);
        if (chaincode.isPresent()) {
            return chaincodeProblem(transaction, transactionId, chaincode.get()).causedBy(e);
        }
        return statusProblem(transaction, transactionId, e.getStatus(), phase).causedBy(e);
    }

    static Optional<ChaincodeError> chaincodeError(GatewayException e) {
        for (ErrorDetail d : e.getDetails()) {
            Optional<ChaincodeError> parsed = ChaincodeError.parse(d.getMessage());
            if (parsed.isPresent()) {
                return parsed;
            }
        }
        return ChaincodeError.parse(e.getStatus().getDescription());
    }

    private static ApiProblem chaincodeProblem(String transaction, String transactionId, ChaincodeError error) {
        Optional<ErrorCode> code = errorCode(error.code());
        if (code.isEmpty()) {
            ApiProblem failure = ApiProblem.of(ProblemCode.CHAINCODE_FAILURE, "The chaincode failed "
                    + (error.code() == null ? "without an error code" : "with a code the contract does not know") + ": "
                    + error.message());
            return tagged(error.code() == null ? failure : failure.with("chaincodeCode", error.code()), transaction,
                    transactionId);
        }
        return tagged(LedgerRefusal.problem(code.get(), error.message()), transaction, transactionId);
    }

    private static ApiProblem statusProblem(String transaction, String transactionId, Status status, String phase) {
        Status.Code code = status.getCode();
        ApiProblem p;
        if (code == Status.Code.DEADLINE_EXCEEDED) {
            p = ApiProblem.of(ProblemCode.LEDGER_TIMEOUT, "The peer did not answer within the " + phase + " deadline.")
                    .retryAfter(RETRY_UNAVAILABLE_SECONDS);
        } else if (unreachable(code)) {
            p = ApiProblem.of(ProblemCode.PEER_UNAVAILABLE, "The ledger peer could not be reached.")
                    .retryAfter(RETRY_UNAVAILABLE_SECONDS);
        } else if (code == Status.Code.RESOURCE_EXHAUSTED) {
            p = ApiProblem.of(ProblemCode.LEDGER_BUSY, "The ledger peer is overloaded.").retryAfter(2);
        } else if (code == Status.Code.FAILED_PRECONDITION || code == Status.Code.NOT_FOUND) {
            p = ApiProblem.of(ProblemCode.LEDGER_NOT_READY, "The ledger cannot serve this call yet: "
                    + status.getDescription()).retryAfter(10);
        } else {
            p = ApiProblem.of(ProblemCode.LEDGER_ERROR, "The ledger " + phase + " failed: " + code
                    + (status.getDescription() == null ? "" : " " + status.getDescription()));
        }
        return tagged(p, transaction, transactionId);
    }

    private static boolean unreachable(Status.Code code) {
        return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED || code == Status.Code.CANCELLED;
    }

    private static ApiProblem tagged(ApiProblem p, String transaction, String transactionId) {
        ApiProblem out = p.with("transaction", transaction);
        return transactionId == null ? out : out.with("transactionId", transactionId);
    }
}
