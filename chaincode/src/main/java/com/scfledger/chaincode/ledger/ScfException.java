package com.scfledger.chaincode.ledger;

import java.nio.charset.StandardCharsets;

import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * A refused transaction. The payload is the error code's name (what the shim returns as the response payload);
 * the message is {@code CODE: human readable detail}, because the Fabric Gateway passes only the message through
 * to clients.
 */
public final class ScfException extends ChaincodeException {

    private static final long serialVersionUID = 1L;

    private final transient ErrorCode code;

    ScfException(final ErrorCode code, final String detail) {
        super(code.name() + ": " + detail, code.name().getBytes(StandardCharsets.UTF_8));
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
