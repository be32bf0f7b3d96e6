package com.scfledger.chaincode.bench;

import java.nio.charset.StandardCharsets;

import org.hyperledger.fabric.shim.ChaincodeStub;

import com.scfledger.chaincode.ledger.Args;
import com.scfledger.chaincode.ledger.Keys;
import com.scfledger.chaincode.ledger.ScfException;
import com.scfledger.contract.ErrorCode;

/**
 * The floor for scripts/bench-chaincode.sh: one putState and nothing else (no identity lookup, no reads, no
 * event), so that its throughput is what Fabric itself allows on the machine. Keys live under {@code bench:},
 * where no business record can be, and sizes are bounded so the namespace cannot be used to bloat the ledger.
 */
public final class BenchService {

    public static final int MAX_VALUE_LENGTH = 1024;

    public String put(final ChaincodeStub stub, final String key, final String value) {
        Args.id("key", key);
        // Fabric treats an empty value as a delete, so a benchmark write must carry at least one character.
        if (value == null || value.isEmpty() || value.length() > MAX_VALUE_LENGTH) {
            throw ScfException.of(ErrorCode.INVALID_ARGUMENT, "value must be 1-" + MAX_VALUE_LENGTH + " characters");
        }
        stub.putState(Keys.bench(key), value.getBytes(StandardCharsets.UTF_8));
        return key;
    }
}
