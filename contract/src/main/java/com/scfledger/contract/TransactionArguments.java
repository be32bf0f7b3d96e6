package com.scfledger.contract;

import java.util.List;

/**
 * The typed arguments of one transaction. Every argument crosses the wire as a string; {@link #arguments()} renders
 * them in the order the chaincode's transaction method declares its parameters.
 */
public interface TransactionArguments {

    Transaction transaction();

    /** The arguments as the chaincode receives them, in wire order, without a submission's request id. */
    List<String> arguments();
}
