package com.scfledger.chaincode.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeStub;

import com.scfledger.chaincode.identity.Caller;
import com.scfledger.chaincode.identity.CallerResolver;

/**
 * One transaction's view of the ledger: its id and time, its caller, the world state and the settings.
 *
 * <p>Time is the transaction timestamp, never the clock, so every endorser computes the same result; "today" is
 * that timestamp's date in UTC. A state-changing transaction {@link #claimRequest claims} its request id first
 * and {@link #commit commits} last: the buffered writes, the request record and one event go out together.
 */
public final class Invocation {

    private final Context ctx;
    private final ChaincodeStub stub;
    private final WorldState state;
    private final String txId;
    private final Instant timestamp;
    private Caller caller;
    private LedgerSettings settings;
    private String requestId;
    private String transaction;

    private Invocation(final Context ctx) {
        this.ctx = ctx;
        this.stub = ctx.getStub();
        this.state = new WorldState(stub);
        this.txId = stub.getTxId();
        this.timestamp = stub.getTxTimestamp();
    }

    public static Invocation of(final Context ctx) {
        return new Invocation(ctx);
    }

    public String txId() {
        return txId;
    }

    public Instant timestamp() {
        return timestamp;
    }

    /** The transaction's date in UTC: maturity rules compare against it. */
    public LocalDate today() {
        return LocalDate.ofInstant(timestamp, ZoneOffset.UTC);
    }

    public WorldState state() {
        return state;
    }

    public Caller caller() {
        if (caller == null) {
            caller = CallerResolver.resolve(ctx.getClientIdentity(), state);
        }
        return caller;
    }

    public LedgerSettings settings() {
        if (settings == null) {
            settings = state.find(Keys.LEDGER_SETTINGS, LedgerSettings.class).orElse(LedgerSettings.DEFAULTS);
        }
        return settings;
    }

    /** Ids of records created by this transaction: the transaction id and the record's position in it. */
    public String derivedId(final int index) {
        return txId + "." + index;
    }

    /**
     * Resolves the caller and refuses a request id that an earlier transaction used. Done before any business
     * rule, so that a retry after a lost response learns DUPLICATE_REQUEST rather than some later refusal.
     */
    public void claimRequest(final String transactionName, final String clientRequestId) {
        caller();
        if (state.exists(Keys.request(clientRequestId))) {
            throw ErrorCode.DUPLICATE_REQUEST.exception("request id " + clientRequestId + " was already used");
        }
        this.transaction = transactionName;
        this.requestId = clientRequestId;
    }

    /** Writes everything, records the request id, emits the one event and returns its payload as the result. */
    public String commit(final EventType type) {
        if (requestId == null) {
            throw new IllegalStateException("commit without claimRequest");
        }
        Caller submitter = caller();
        state.putValue(Keys.request(requestId), new RequestRecord(requestId, transaction, txId, timestamp,
                submitter.mspId(), submitter.enterpriseId()));
        LedgerEvent event = LedgerEvent.of(type, transaction, txId, timestamp, requestId, submitter.actor(),
                state.changedRecords());
        state.flush();
        String payload = Json.write(event);
        stub.setEvent(type.eventName(), payload.getBytes(StandardCharsets.UTF_8));
        return payload;
    }
}
