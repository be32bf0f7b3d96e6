package com.scfledger.chaincode.health;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.hyperledger.fabric.contract.ClientIdentity;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.hyperledger.fabric.shim.ChaincodeStub;

import com.scfledger.chaincode.ledger.CallerResolver;
import com.scfledger.chaincode.ledger.ScfException;
import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.TransactionNames;

/**
 * Proves the pipeline end to end: a write that every organisation's peer endorses and a read from any of them.
 * Kept apart from the business contracts so that operators can probe the ledger without touching tokens.
 */
@Contract(name = TransactionNames.HEALTH_CONTRACT, info = @Info(title = "Ledger health probe", version = "1"))
public final class HealthContract implements ContractInterface {

    static final String KEY_PREFIX = "heartbeat~";
    private static final int MAX_ID_LENGTH = 64;

    /** Answers without touching state: the chaincode service is up and routed. */
    @Transaction(intent = Transaction.TYPE.EVALUATE, name = TransactionNames.PING)
    public String ping(final Context ctx) {
        return "{\"status\":\"OK\"}";
    }

    /**
     * Writes one small record, stamped with the transaction time and the submitter's MSP. Only an identity the
     * platform issued (one carrying {@code scf.role}) or an organisation's admin may write: a bare channel member's
     * certificate is not enough to add records to the ledger.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = TransactionNames.RECORD_HEARTBEAT)
    public String recordHeartbeat(final Context ctx, final String heartbeatId) {
        requireIssuedIdentity(ctx.getClientIdentity());
        requireValidId(heartbeatId);
        ChaincodeStub stub = ctx.getStub();
        Instant at = stub.getTxTimestamp();
        String json = "{\"id\":" + quote(heartbeatId)
                + ",\"mspId\":" + quote(ctx.getClientIdentity().getMSPID())
                + ",\"recordedAt\":" + quote(at.toString())
                + ",\"txId\":" + quote(stub.getTxId()) + "}";
        stub.putState(KEY_PREFIX + heartbeatId, json.getBytes(StandardCharsets.UTF_8));
        return json;
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE, name = TransactionNames.GET_HEARTBEAT)
    public String getHeartbeat(final Context ctx, final String heartbeatId) {
        requireValidId(heartbeatId);
        byte[] state = ctx.getStub().getState(KEY_PREFIX + heartbeatId);
        if (state == null || state.length == 0) {
            throw new ChaincodeException("heartbeat " + heartbeatId + " not found", "NOT_FOUND");
        }
        return new String(state, StandardCharsets.UTF_8);
    }

    private static void requireIssuedIdentity(final ClientIdentity identity) {
        if (identity.getAttributeValue(CallerResolver.ROLE_ATTRIBUTE) == null
                && !CallerResolver.hasAdminOu(identity.getX509Certificate())) {
            throw ScfException.of(ErrorCode.UNAUTHORIZED, "a heartbeat needs an identity with the "
                    + CallerResolver.ROLE_ATTRIBUTE + " attribute or an organisation admin");
        }
    }

    private static void requireValidId(final String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH || !id.matches("[A-Za-z0-9._-]+")) {
            throw new ChaincodeException(
                    "heartbeat id must be 1-" + MAX_ID_LENGTH + " characters of [A-Za-z0-9._-]", "INVALID_ARGUMENT");
        }
    }

    /** Ids are restricted to a safe alphabet, and MSP ids and tx ids never hold quotes, so quoting is enough. */
    private static String quote(final String value) {
        return '"' + value + '"';
    }
}
