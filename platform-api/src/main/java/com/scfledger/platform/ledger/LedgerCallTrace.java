package com.scfledger.platform.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * The ledger transactions submitted while serving the current request (on its thread), so that the audit log
 * can name them. Opened and closed by whoever wants them (the audit filter); recording outside an open trace
 * is a no-op.
 */
public final class LedgerCallTrace {

    /** One submitted transaction: its name, its Fabric id, and whether it committed as valid. */
    public record Call(String transaction, String transactionId, boolean committed) {
    }

    /**
     * The request attribute under which the ledger names the transaction that served the request, for the
     * request log.
     */
    public static final String TRANSACTION_ATTRIBUTE = "scf.txId";

    private static final ThreadLocal<List<Call>> CALLS = new ThreadLocal<>();

    private LedgerCallTrace() {
    }

    public static void open() {
        CALLS.set(new ArrayList<>());
    }

    /** The calls recorded since {@link #open()}; closes the trace. */
    public static List<Call> close() {
        List<Call> calls = CALLS.get();
        CALLS.remove();
        return calls == null ? List.of() : List.copyOf(calls);
    }

    static void record(String transaction, String transactionId, boolean committed) {
        List<Call> calls = CALLS.get();
        if (calls != null && transactionId != null) {
            calls.add(new Call(transaction, transactionId, committed));
        }
    }
}
