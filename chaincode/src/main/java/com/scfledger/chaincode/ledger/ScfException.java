package com.scfledger.chaincode.ledger;

import java.nio.charset.StandardCharsets;

import org.hyperledger.fabric.shim.ChaincodeException;

import com.scfledger.contract.ErrorCode;

/**
 * A refused transaction. The payload is the error code's name (what the shim returns as the response payload);
 * the message is {@code CODE: human readable detail}, because the Fabric Gateway passes only the message through
 * to clients.
 */
public final class ScfException extends ChaincodeException {

    private static final long serialVersionUID = 1L;

    private final transient ErrorCode code;
    private final String detail;

    private ScfException(final ErrorCode code, final String detail) {
        super(code.message(detail), code.name().getBytes(StandardCharsets.UTF_8));
        this.code = code;
        this.detail = detail;
    }

    /** A refusal with this code; the message is prefixed with the code so gateway clients can branch on it. */
    public static ScfException of(final ErrorCode code, final String detail) {
        return new ScfException(code, detail);
    }

    public ErrorCode code() {
        return code;
    }

    /** The message without its code: what a batch transaction prefixes with the refused item's position. */
    public String detail() {
        return detail;
    }
}
