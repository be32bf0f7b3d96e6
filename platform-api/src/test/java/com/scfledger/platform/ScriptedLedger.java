package com.scfledger.platform;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import com.scfledger.platform.ledger.LedgerClient;
import com.scfledger.platform.ledger.LedgerResult;
import com.scfledger.platform.ledger.TransactionSigner;

/**
 * Stands in for the Fabric network in tests that do not need it: records every call and answers
 * with whatever the test scripted (a result, a delay, or a problem).
 */
public class ScriptedLedger implements LedgerClient {

    public record Call(String enterpriseId, String transaction, List<String> args) {
    }

    public final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicReference<Function<Call, LedgerResult>> behaviour = new AtomicReference<>(ScriptedLedger::ok);

    /** A committed transaction whose event changed nothing (for a query: a record with no fields set). */
    public static LedgerResult ok(Call call) {
        String txId = "tx-" + Integer.toHexString(call.hashCode());
        return new LedgerResult(txId, 7, ("{\"schemaVersion\":1,\"txId\":\"" + txId + "\",\"anchors\":[],"
                + "\"enterprises\":[],\"financings\":[],\"payables\":[],\"settings\":[],\"tokens\":[]}")
                .getBytes(StandardCharsets.UTF_8));
    }

    public void reset() {
        calls.clear();
        behaviour.set(ScriptedLedger::ok);
    }

    public void answer(Function<Call, LedgerResult> f) {
        behaviour.set(f);
    }

    public long count(String transaction) {
        return callsOf(transaction).size();
    }

    /** The one call of {@code transaction}; fails if there were none or several. */
    public Call only(String transaction) {
        List<Call> matching = callsOf(transaction);
        if (matching.size() != 1) {
            throw new AssertionError("expected one call of " + transaction + ", got " + matching + " among " + calls);
        }
        return matching.get(0);
    }

    private List<Call> callsOf(String transaction) {
        return calls.stream().filter(c -> c.transaction().equals(transaction)).toList();
    }

    @Override
    public byte[] evaluate(String enterpriseId, String transaction, String... args) {
        Call call = new Call(enterpriseId, transaction, List.of(args));
        calls.add(call);
        return behaviour.get().apply(call).payload();
    }

    @Override
    public LedgerResult submit(String enterpriseId, String transaction, String... args) {
        Call call = new Call(enterpriseId, transaction, List.of(args));
        calls.add(call);
        return behaviour.get().apply(call);
    }

    /** The scripted ledger always answers, and is not counted among the calls (health asks it at any time). */
    @Override
    public long chainHeight(String enterpriseId, java.time.Duration deadline) {
        return calls.size();
    }

    /** Recorded as a call of {@code GetBlockByTxID} with the transaction id as its one argument. */
    @Override
    public LedgerResult committed(String enterpriseId, String transactionId) {
        Call call = new Call(enterpriseId, "GetBlockByTxID", List.of(transactionId));
        calls.add(call);
        return behaviour.get().apply(call);
    }

    /** Recorded as a call of {@code GetTransactionByID}; the signer is the enterprise asking, in a scripted MSP. */
    @Override
    public TransactionSigner signer(String enterpriseId, String transactionId) {
        calls.add(new Call(enterpriseId, "GetTransactionByID", List.of(transactionId)));
        return new TransactionSigner("ScriptedMSP", enterpriseId);
    }
}
