package com.scfledger.platform.problem;

import com.scfledger.platform.ledger.ChaincodeFailure;
import com.scfledger.platform.ledger.LedgerFailure;
import com.scfledger.platform.ledger.LedgerOutage;
import com.scfledger.platform.ledger.LedgerRefusal;
import com.scfledger.platform.ledger.TransactionInvalid;

/**
 * The one mapping of a {@link LedgerFailure} to its answer: a chaincode refusal keeps the contract's code and the
 * status the contract gives it (marked {@code source: chaincode}); everything else gets the platform's problem code
 * of the same name; every outage is a 503 with a Retry-After (the network, not the request, failed: the same request
 * under the same Idempotency-Key may be sent again). Every answer names the transaction and, once
 * it had one, its Fabric transaction id.
 */
final class LedgerProblems {

    static final String SOURCE = "source";
    static final String CHAINCODE = "chaincode";

    /** A peer or orderer that could not be reached, or a commit that could not be confirmed in time. */
    static final int RETRY_UNAVAILABLE_SECONDS = 5;

    private LedgerProblems() {
    }

    static ApiProblem of(LedgerFailure failure) {
        ApiProblem problem = untagged(failure).causedBy(failure.getCause() == null ? failure : failure.getCause());
        if (failure.transaction() != null) {
            problem = problem.with("transaction", failure.transaction());
        }
        return failure.transactionId() == null ? problem : problem.with("transactionId", failure.transactionId());
    }

    private static ApiProblem untagged(LedgerFailure failure) {
        if (failure instanceof LedgerRefusal refusal) {
            return ApiProblem.foreign(refusal.errorCode().httpStatus(), refusal.errorCode().name(), refusal.detail())
                    .with(SOURCE, CHAINCODE);
        }
        if (failure instanceof ChaincodeFailure chaincode) {
            ApiProblem problem = ApiProblem.of(ProblemCode.CHAINCODE_FAILURE, chaincode.detail());
            return chaincode.chaincodeCode() == null ? problem : problem.with("chaincodeCode", chaincode.chaincodeCode());
        }
        if (failure instanceof TransactionInvalid invalid) {
            return invalid(invalid).with("validationCode", invalid.validationCode());
        }
        return outage((LedgerOutage) failure);
    }

    private static ApiProblem invalid(TransactionInvalid invalid) {
        return switch (invalid.kind()) {
            case MVCC_READ_CONFLICT -> ApiProblem.of(ProblemCode.MVCC_READ_CONFLICT, invalid.detail()).retryAfter(1);
            case DUPLICATE_TRANSACTION -> ApiProblem.of(ProblemCode.DUPLICATE_TRANSACTION, invalid.detail());
            case ENDORSEMENT_POLICY_FAILURE -> ApiProblem.of(ProblemCode.ENDORSEMENT_POLICY_FAILURE, invalid.detail());
            case TRANSACTION_INVALID -> ApiProblem.of(ProblemCode.TRANSACTION_INVALID, invalid.detail());
        };
    }

    private static ApiProblem outage(LedgerOutage outage) {
        String detail = outage.detail();
        return switch (outage.kind()) {
            case PEER_UNAVAILABLE -> ApiProblem.of(ProblemCode.PEER_UNAVAILABLE, detail)
                    .retryAfter(RETRY_UNAVAILABLE_SECONDS);
            case LEDGER_TIMEOUT -> ApiProblem.of(ProblemCode.LEDGER_TIMEOUT, detail)
                    .retryAfter(RETRY_UNAVAILABLE_SECONDS);
            case ORDERER_UNAVAILABLE -> ApiProblem.of(ProblemCode.ORDERER_UNAVAILABLE, detail)
                    .retryAfter(RETRY_UNAVAILABLE_SECONDS);
            case COMMIT_STATUS_UNKNOWN -> ApiProblem.of(ProblemCode.COMMIT_STATUS_UNKNOWN, detail)
                    .retryAfter(RETRY_UNAVAILABLE_SECONDS);
            case LEDGER_BUSY -> ApiProblem.of(ProblemCode.LEDGER_BUSY, detail).retryAfter(2);
            case LEDGER_NOT_READY -> ApiProblem.of(ProblemCode.LEDGER_NOT_READY, detail).retryAfter(10);
            case LEDGER_NOT_CONFIGURED -> ApiProblem.of(ProblemCode.LEDGER_NOT_CONFIGURED, detail).retryAfter(30);
            case LEDGER_SUBMIT_FAILED -> ApiProblem.of(ProblemCode.LEDGER_SUBMIT_FAILED, detail)
                    .retryAfter(RETRY_UNAVAILABLE_SECONDS);
            case COMMIT_STATUS_FAILED -> ApiProblem.of(ProblemCode.COMMIT_STATUS_FAILED, detail)
                    .retryAfter(RETRY_UNAVAILABLE_SECONDS);
            case LEDGER_ERROR -> ApiProblem.of(ProblemCode.LEDGER_ERROR, detail).retryAfter(RETRY_UNAVAILABLE_SECONDS);
        };
    }
}
