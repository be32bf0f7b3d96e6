package com.scfledger.platform.ledger;

/**
 * The chaincode failed without a code of the contract: none at all, or one this platform's contract does not know
 * (an older or newer chaincode). The ledger's fault, not the caller's.
 */
public final class ChaincodeFailure extends LedgerFailure {

    public static final String CODE = "CHAINCODE_FAILURE";

    private final String chaincodeCode;

    ChaincodeFailure(String chaincodeCode, String detail, String transaction, String transactionId, Throwable cause) {
        super(detail, transaction, transactionId, cause);
        this.chaincodeCode = chaincodeCode;
    }

    /** The code the chaincode gave that the contract does not know, or null when it gave none. */
    public String chaincodeCode() {
        return chaincodeCode;
    }

    @Override
    public String code() {
        return CODE;
    }
}
