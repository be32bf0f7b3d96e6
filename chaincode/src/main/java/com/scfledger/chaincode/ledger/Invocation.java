package com.scfledger.chaincode.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeStub;

import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.LedgerRecord;
import com.scfledger.contract.RecordKeys;
import com.scfledger.contract.Transaction;
import com.scfledger.contract.anchor.Anchor;
import com.scfledger.contract.enterprise.Enterprise;
import com.scfledger.contract.financing.Financing;
import com.scfledger.contract.ledger.LedgerEvent;
import com.scfledger.contract.ledger.LedgerSettings;
import com.scfledger.contract.ledger.RequestRecord;
import com.scfledger.contract.payable.Payable;
import com.scfledger.contract.token.Token;

/**
 * One transaction's view of the ledger: its id and time, its caller, the world state and the settings.
 *
 * <p>Time is the transaction timestamp, never the clock, so every endorser computes the same result; "today" is
 * that timestamp's date in the ledger settings' business zone (UTC until the platform admin sets one), so a
 * deadline falls at local midnight where the business is. A state-changing transaction {@link #claimRequest claims}
 * its request id first and {@link #commit commits} last: the buffered writes, the request record and one event go
 * out together.
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
    private Transaction transaction;

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

    /** The transaction's date in the business zone: maturity, settlement and issue-date rules compare against it. */
    public LocalDate today() {
        return LocalDate.ofInstant(timestamp, settings().zone());
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
            settings = state.find(RecordKeys.LEDGER_SETTINGS, LedgerSettings.class).orElse(LedgerSettings.DEFAULTS);
        }
        return settings;
    }

    /** Ids of records created by this transaction: the transaction id and the record's position in it. */
    public String derivedId(final int index) {
        return txId + "." + index;
    }

    /**
     * Resolves the caller, refuses a key the platform holds for an enterprise under SELF custody, and refuses a
     * request id that an earlier transaction used. Done before any business
     * rule, so that a retry after a lost response learns DUPLICATE_REQUEST rather than some later refusal.
     */
    public void claimRequest(final Transaction submitted, final String clientRequestId) {
        caller().requireOwnKey();
        if (state.exists(Keys.request(clientRequestId))) {
            throw ScfException.of(ErrorCode.DUPLICATE_REQUEST, "request id " + clientRequestId + " was already used");
        }
        this.transaction = submitted;
        this.requestId = clientRequestId;
    }

    /**
     * Records the request id of one item of a batch as used by this transaction, as {@link #commit} records the
     * batch's own: a later transaction that repeats it is refused with DUPLICATE_REQUEST, and GetRequest names this
     * transaction. Refused here when an earlier transaction (or an earlier item of this batch) used it.
     */
    public void claimItemRequest(final String itemRequestId) {
        if (requestId == null) {
            throw new IllegalStateException("claimItemRequest before claimRequest");
        }
        if (itemRequestId.equals(requestId) || state.exists(Keys.request(itemRequestId))) {
            throw ScfException.of(ErrorCode.DUPLICATE_REQUEST, "request id " + itemRequestId + " was already used");
        }
        state.putValue(Keys.request(itemRequestId), requestRecord(itemRequestId));
    }

    /**
     * Writes everything, records the request id, emits the claimed transaction's one event and returns its payload
     * as the result.
     */
    public String commit() {
        if (requestId == null) {
            throw new IllegalStateException("commit without claimRequest");
        }
        Caller submitter = caller();
        state.putValue(Keys.request(requestId), requestRecord(requestId));
        List<LedgerRecord> changed = state.changedRecords();
        LedgerEvent event = new LedgerEvent(LedgerEvent.SCHEMA_VERSION, transaction.event(), transaction, txId,
                timestamp, requestId, submitter.actor(), section(changed, Anchor.class),
                section(changed, Enterprise.class), section(changed, Financing.class), section(changed, Payable.class),
                section(changed, LedgerSettings.class), section(changed, Token.class));
        state.flush();
        String payload = Json.write(event);
        stub.setEvent(transaction.event().eventName(), payload.getBytes(StandardCharsets.UTF_8));
        return payload;
    }

    private RequestRecord requestRecord(final String usedRequestId) {
        Caller submitter = caller();
        return new RequestRecord(usedRequestId, transaction, txId, timestamp, submitter.mspId(),
                submitter.enterpriseId());
    }

    /** The changed records of one type, in key order: one list of the event payload. */
    private static <T> List<T> section(final List<LedgerRecord> changed, final Class<T> type) {
        return changed.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
