package com.scfledger.chaincode.network;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;

/**
 * One enterprise (or the platform admin) acting on the real ledger through its own enrolled identity and its
 * own organisation's peer. Each state-changing call carries a fresh request id, as the API does.
 */
public final class Party implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String enterpriseId;
    private final EnrolledIdentity identity;
    private final Gateway gateway;
    private final Contract contract;

    Party(final String enterpriseId, final EnrolledIdentity identity, final Gateway gateway, final NetworkEnv env) {
        this.enterpriseId = enterpriseId;
        this.identity = identity;
        this.gateway = gateway;
        this.contract = gateway.getNetwork(env.channel()).getContract(env.chaincode());
    }

    public String id() {
        return enterpriseId;
    }

    public String mspId() {
        return identity.mspId();
    }

    public Contract contract() {
        return contract;
    }

    /** Submits {@code transaction} with {@code args} followed by a fresh request id; waits for the commit. */
    public JsonNode submit(final String transaction, final String... args) throws GatewayException {
        String[] withRequestId = java.util.Arrays.copyOf(args, args.length + 1);
        withRequestId[args.length] = "rq-" + UUID.randomUUID();
        try {
            return parse(contract.submitTransaction(transaction, withRequestId));
        } catch (org.hyperledger.fabric.client.CommitException e) {
            throw new IllegalStateException(transaction + " failed to commit: " + e.getCode(), e);
        }
    }

    public JsonNode evaluate(final String transaction, final String... args) throws GatewayException {
        return parse(contract.evaluateTransaction(transaction, args));
    }

    static JsonNode parse(final byte[] json) {
        try {
            return JSON.readTree(new String(json, StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("chaincode returned no JSON", e);
        }
    }

    @Override
    public void close() {
        gateway.close();
    }
}
