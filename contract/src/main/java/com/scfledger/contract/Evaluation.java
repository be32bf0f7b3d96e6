package com.scfledger.contract;

/** The arguments of a read-only transaction. */
public interface Evaluation extends TransactionArguments {

    /** What the client passes to the Gateway. */
    default String[] wireArguments() {
        return arguments().toArray(String[]::new);
    }
}
