package com.scfledger.platform.ledger;

import java.util.Optional;

import com.scfledger.contract.ErrorCode;
import com.scfledger.platform.ledger.LedgerOutage.Kind;
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
 * Turns the Gateway SDK's typed failures into distinct {@link LedgerFailure}s:
 * <ul>
 *   <li>a chaincode error with one of the contract's {@link ErrorCode}s → a {@link LedgerRefusal} with that code;
 *       a code the contract does not know, or none → a {@link ChaincodeFailure};</li>
 *   <li>a transaction the block marked invalid (an MVCC or phantom read conflict among others) →
 *       {@link TransactionInvalid};</li>
 *   <li>a peer or orderer that cannot be reached, does not answer in time, is busy or not ready, a commit status
 *       that could not be learnt (the transaction may still commit; a retry carries the same request id, which the
 *       chaincode refuses as a duplicate if the first did commit), anything else from the network →
 *       {@link LedgerOutage}.</li>
 * </ul>
 */
final class LedgerErrors {

    private static final String RETRY_SAFE = "Retrying with the same Idempotency-Key is safe: it acts at most once, "
            + "and answers with the original result if the first attempt committed.";

    /** The Gateway's answer when some endorsements were collected but not enough (fabric internal/pkg/gateway). */
    private static final String ENDORSEMENTS_NOT_COLLECTED = "failed to collect enough transaction endorsements";

    private LedgerErrors() {
    }

    static LedgerFailure fromEvaluate(String transaction, GatewayException e) {
        return fromGateway(transaction, null, e, "evaluate");
    }

    /**
     * An endorse failure. {@code askedOrganisations} is how many organisations the proposal named to endorse, 0 when
     * the Gateway chose them.
     */
    static LedgerFailure fromEndorse(String transaction, EndorseException e, int askedOrganisations) {
        if (endorsersBehind(e, askedOrganisations)) {
            return new LedgerOutage(Kind.LEDGER_BUSY, "The organisations' peers have not all committed the "
                    + "latest blocks yet, and the ones behind refused the write (" + chaincodeError(e)
                    .map(ChaincodeError::message).orElse("") + "). " + RETRY_SAFE, transaction,
                    e.getTransactionId(), e);
        }
        return fromGateway(transaction, e.getTransactionId(), e, "endorse");
    }

    /**
     * Whether some organisations endorsed and others' chaincode refused: the refusing peers had not yet committed the
     * block the write depends on (a payable registered a moment ago is NOT_FOUND there), which a pause cures.
     *
     * <p>The Gateway, choosing on its own, endorses first on its own organisation's peer (the one that confirms
     * commits, so it has every block the client saw commit) and answers "failed to endorse transaction" when that one
     * refuses; "failed to collect enough transaction endorsements" means it endorsed and the others did not. When the
     * proposal named its organisations, all are asked at once: a refusal by every one of them is the chaincode's
     * answer, a refusal by some is the lag.
     */
    static boolean endorsersBehind(EndorseException e, int askedOrganisations) {
        if (e.getStatus().getCode() != Status.Code.ABORTED || chaincodeError(e).isEmpty()
                || !String.valueOf(e.getStatus().getDescription()).startsWith(ENDORSEMENTS_NOT_COLLECTED)) {
            return false;
        }
        long refusing = e.getDetails().stream().map(ErrorDetail::getMspId).distinct().count();
        return askedOrganisations == 0 || refusing < askedOrganisations;
    }

    /**
     * Whether a transaction handed to the orderer was received is never certain once it left the gateway peer: a
     * paused orderer may order it after the deadline. So an unreachable orderer is answered as "unknown, retry with
     * the same key" (the retry carries the same request id: it commits once, or finds the first commit).
     */
    static LedgerOutage fromSubmit(String transaction, SubmitException e) {
        if (e.getStatus().getCode() == Status.Code.UNAVAILABLE) {
            return new LedgerOutage(Kind.ORDERER_UNAVAILABLE, "The ordering service could not be reached; the "
                    + "transaction may or may not have been received, so it may still commit. " + RETRY_SAFE,
                    transaction, e.getTransactionId(), e);
        }
        if (unreachable(e.getStatus().getCode())) {
            return new LedgerOutage(Kind.COMMIT_STATUS_UNKNOWN, "The ordering service did not confirm it received the "
                    + "transaction in time; it may still commit. " + RETRY_SAFE, transaction, e.getTransactionId(), e);
        }
        return new LedgerOutage(Kind.LEDGER_SUBMIT_FAILED, "The orderer refused the transaction: "
                + e.getStatus().getDescription(), transaction, e.getTransactionId(), e);
    }

    static LedgerOutage fromCommitStatus(String transaction, CommitStatusException e) {
        if (unreachable(e.getStatus().getCode())) {
            return new LedgerOutage(Kind.COMMIT_STATUS_UNKNOWN,
                    "The transaction was submitted but its commit could not be confirmed in time; it may still "
                            + "commit. " + RETRY_SAFE, transaction,
                    e.getTransactionId(), e);
        }
        return new LedgerOutage(Kind.COMMIT_STATUS_FAILED, "The peer could not report the commit status: "
                + e.getStatus().getDescription(), transaction, e.getTransactionId(), e);
    }

    static TransactionInvalid fromCommit(String transaction, CommitException e) {
        return invalidTransaction(transaction, e.getTransactionId(), e.getCode(), e);
    }

    /** A transaction that was ordered into a block but marked invalid there. */
    static TransactionInvalid invalidTransaction(String transaction, String transactionId, TxValidationCode code,
                                                 Throwable cause) {
        return switch (code) {
            case MVCC_READ_CONFLICT, PHANTOM_READ_CONFLICT -> new TransactionInvalid(
                    TransactionInvalid.Kind.MVCC_READ_CONFLICT, code.name(), "Another transaction changed the same "
                            + "ledger state first (" + code.name() + "); nothing was written. Retry the request.",
                    transaction, transactionId, cause);
            case DUPLICATE_TXID -> new TransactionInvalid(TransactionInvalid.Kind.DUPLICATE_TRANSACTION, code.name(),
                    "The ledger already has a transaction with this id.", transaction, transactionId, cause);
            case ENDORSEMENT_POLICY_FAILURE -> new TransactionInvalid(TransactionInvalid.Kind.ENDORSEMENT_POLICY_FAILURE,
                    code.name(), "The transaction was not endorsed as the channel's policy requires.", transaction,
                    transactionId, cause);
            default -> new TransactionInvalid(TransactionInvalid.Kind.TRANSACTION_INVALID, code.name(),
                    "The ledger marked the transaction invalid: " + code.name() + ".", transaction, transactionId, cause);
        };
    }

    static LedgerOutage fromRuntime(String transaction, RuntimeException e) {
        if (e instanceof GatewayRuntimeException gre) {
            return fromStatus(transaction, null, gre.getStatus(), "call", e);
        }
        if (e instanceof StatusRuntimeException sre) {
            return fromStatus(transaction, null, sre.getStatus(), "call", e);
        }
        return new LedgerOutage(Kind.LEDGER_ERROR, "The ledger call failed unexpectedly.", transaction, null, e);
    }

    private static LedgerFailure fromGateway(String transaction, String transactionId, GatewayException e,
                                             String phase) {
        Optional<ChaincodeError> chaincode = chaincodeError(e);
        if (chaincode.isPresent()) {
            return fromChaincode(transaction, transactionId, chaincode.get(), e);
        }
        return fromStatus(transaction, transactionId, e.getStatus(), phase, e);
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

    private static LedgerFailure fromChaincode(String transaction, String transactionId, ChaincodeError error,
                                               Throwable cause) {
        Optional<ErrorCode> code = ErrorCode.fromMessage(error.code());
        if (code.isEmpty()) {
            return new ChaincodeFailure(error.code(), "The chaincode failed "
                    + (error.code() == null ? "without an error code" : "with a code the contract does not know") + ": "
                    + error.message(), transaction, transactionId, cause);
        }
        return new LedgerRefusal(code.get(), error.message(), transaction, transactionId, cause);
    }

    private static LedgerOutage fromStatus(String transaction, String transactionId, Status status, String phase,
                                           Throwable cause) {
        Status.Code code = status.getCode();
        if (code == Status.Code.DEADLINE_EXCEEDED) {
            return new LedgerOutage(Kind.LEDGER_TIMEOUT, "The peer did not answer within the " + phase + " deadline.",
                    transaction, transactionId, cause);
        }
        if (unreachable(code)) {
            return new LedgerOutage(Kind.PEER_UNAVAILABLE, "The ledger peer could not be reached.", transaction,
                    transactionId, cause);
        }
        if (code == Status.Code.RESOURCE_EXHAUSTED) {
            return new LedgerOutage(Kind.LEDGER_BUSY, "The ledger peer is overloaded.", transaction, transactionId,
                    cause);
        }
        if (code == Status.Code.FAILED_PRECONDITION || code == Status.Code.NOT_FOUND) {
            return new LedgerOutage(Kind.LEDGER_NOT_READY, "The ledger cannot serve this call yet: "
                    + status.getDescription(), transaction, transactionId, cause);
        }
        return new LedgerOutage(Kind.LEDGER_ERROR, "The ledger " + phase + " failed: " + code
                + (status.getDescription() == null ? "" : " " + status.getDescription()), transaction, transactionId,
                cause);
    }

    private static boolean unreachable(Status.Code code) {
        return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED || code == Status.Code.CANCELLED;
    }
}
