package com.scfledger.chaincode.bench;

import java.nio.charset.StandardCharsets;

import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

import com.scfledger.chaincode.ledger.Args;
import com.scfledger.chaincode.ledger.Keys;
import com.scfledger.chaincode.ledger.ScfException;
import com.scfledger.contract.ErrorCode;

/**
 * The floor for scripts/bench-chaincode.sh: one putState and nothing else (no identity lookup, no reads, no
 * event), so that its throughput is what Fabric itself allows on the machine.
 *
 * <p>It lives in the test classes on purpose: the production jar has no transaction that any channel member may
 * call without an identity. The benchmark puts these classes beside the jar of the chaincode servers for its run
 * only ({@code SCF_CHAINCODE_EXTRA_CLASSPATH}, docs/network.md). Keys live under {@code bench:}, where no business
 * record can be, and sizes are bounded.
 */
@Contract(name = BenchContract.NAME, info = @Info(title = "Benchmark floor (built only for the benchmark)", version = "1"))
public final class BenchContract implements ContractInterface {

    public static final String NAME = "bench";
    /** The full name to submit: {@code bench:Put}. */
    public static final String PUT = NAME + ":Put";
    public static final int MAX_VALUE_LENGTH = 1024;

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Put")
    public String put(final Context ctx, final String key, final String value) {
        Args.id("key", key);
        // Fabric treats an empty value as a delete, so a benchmark write must carry at least one character.
        if (value == null || value.isEmpty() || value.length() > MAX_VALUE_LENGTH) {
            throw ScfException.of(ErrorCode.INVALID_ARGUMENT, "value must be 1-" + MAX_VALUE_LENGTH + " characters");
        }
        ctx.getStub().putState(Keys.bench(key), value.getBytes(StandardCharsets.UTF_8));
        return key;
    }
}
