package com.scfledger.contract;

import java.util.ArrayList;
import java.util.List;

/** The arguments of a business submit, which takes the client's request id last (see docs/chaincode.md, safe retries). */
public interface Submission extends TransactionArguments {

    /** What the client passes to the Gateway: {@link #arguments()}, then the request id. */
    default String[] wireArguments(final String requestId) {
        List<String> wire = new ArrayList<>(arguments());
        wire.add(requestId);
        return wire.toArray(String[]::new);
    }
}
