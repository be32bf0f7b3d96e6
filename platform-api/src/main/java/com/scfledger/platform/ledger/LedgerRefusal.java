package com.scfledger.platform.ledger;

import java.util.Optional;

import com.scfledger.contract.ErrorCode;
import com.scfledger.platform.problem.ApiProblem;

/**
 * Reads a chaincode refusal: the problem {@link LedgerErrors} made of it carries the contract's {@link ErrorCode}
 * as its code and {@code source: chaincode}. Callers branch on the code here rather than on string literals, and a
 * platform problem that happens to share a name (the API's own {@code NOT_FOUND}) is never taken for the ledger's.
 */
public final class LedgerRefusal {

    static final String SOURCE = "source";
    static final String CHAINCODE = "chaincode";

    private LedgerRefusal() {
    }

    /** The problem a chaincode refusal becomes: its code, the status the contract gives it, the chaincode's detail. */
    public static ApiProblem problem(ErrorCode code, String detail) {
        return ApiProblem.foreign(code.httpStatus(), code.name(), detail).with(SOURCE, CHAINCODE);
    }

    /** The chaincode's error code of this problem, if the chaincode refused. */
    public static Optional<ErrorCode> codeOf(ApiProblem problem) {
        if (!CHAINCODE.equals(problem.properties().get(SOURCE))) {
            return Optional.empty();
        }
        return LedgerErrors.errorCode(problem.code());
    }

    /** Whether the chaincode refused with one of these codes. */
    public static boolean is(ApiProblem problem, ErrorCode... codes) {
        return codeOf(problem).map(code -> {
            for (ErrorCode c : codes) {
                if (c == code) {
                    return true;
                }
            }
            return false;
        }).orElse(false);
    }
}
