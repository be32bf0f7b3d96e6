package com.scfledger.chaincode.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;

import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.shim.Chaincode.Response;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

import com.scfledger.chaincode.ledger.ScfException;

/**
 * A whole ledger in memory, for property tests that run long sequences of transactions. Like a peer, it gives a
 * transaction reads of the committed state only, keeps its writes aside, and applies them (with history) only if
 * the transaction succeeds. Unlike a peer it also insists that a refused transaction wrote and emitted nothing at
 * all, which the chaincode promises by buffering its writes.
 */
public final class InMemoryChaincodeStub implements ChaincodeStub {

    private final NavigableMap<String, byte[]> committed = new TreeMap<>();
    private final Map<String, List<Version>> history = new TreeMap<>();
    private final Map<String, byte[]> pending = new LinkedHashMap<>();
    private final List<Event> events = new ArrayList<>();
    private String txId;
    private Instant timestamp;
    private byte[] creator;
    private String mspId;
    private int eventsInTx;
    private String pendingEventName;
    private byte[] pendingEventPayload;

    /** What one transaction did: its result, or the code it was refused with. */
    public record Outcome(String result, String refusal, Event event) {
        public boolean committed() {
            return refusal == null;
        }
    }

    /** An emitted chaincode event, as a listener would see it. */
    public record Event(String txId, String name, String payload) {
    }

    /**
     * Runs one transaction as the given identity: a fresh Context (whose ClientIdentity parses the creator
     * certificate, as on a peer), then commit on success or discard on a refusal.
     */
    public Outcome run(final String transactionId, final Instant at, final String submitterMsp,
            final byte[] creatorBytes, final Function<Context, String> transaction) {
        this.txId = transactionId;
        this.timestamp = at;
        this.creator = creatorBytes;
        this.mspId = submitterMsp;
        pending.clear();
        eventsInTx = 0;
        pendingEventName = null;
        pendingEventPayload = null;
        String result;
        try {
            result = transaction.apply(new Context(this));
        } catch (ScfException refused) {
            if (!pending.isEmpty() || eventsInTx != 0) {
                throw new AssertionError("refused transaction " + transactionId + " wrote " + pending.keySet()
                        + " or emitted " + eventsInTx + " events before " + refused.getMessage());
            }
            return new Outcome(null, refused.code().name(), null);
        }
        if (eventsInTx > 1) {
            throw new AssertionError("transaction " + transactionId + " emitted " + eventsInTx + " events");
        }
        for (Map.Entry<String, byte[]> write : pending.entrySet()) {
            boolean delete = write.getValue() == null;
            if (delete) {
                committed.remove(write.getKey());
            } else {
                committed.put(write.getKey(), write.getValue());
            }
            history.computeIfAbsent(write.getKey(), k -> new ArrayList<>())
                    .add(0, new Version(transactionId, at, delete ? new byte[0] : write.getValue(), delete));
        }
        Event event = null;
        if (pendingEventName != null) {
            event = new Event(transactionId, pendingEventName, new String(pendingEventPayload, StandardCharsets.UTF_8));
            events.add(event);
        }
        pending.clear();
        return new Outcome(result, null, event);
    }

    /** The committed world state, read-only. */
    public NavigableMap<String, byte[]> committed() {
        return Collections.unmodifiableNavigableMap(committed);
    }

    public List<Event> events() {
        return Collections.unmodifiableList(events);
    }

    // ---- reads and writes, as a peer's simulator does them -------------------------------------------------------

    @Override
    public byte[] getState(final String key) {
        return committed.get(key);
    }

    @Override
    public void putState(final String key, final byte[] value) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("empty key");
        }
        // A peer treats an empty value as a delete.
        pending.put(key, value == null || value.length == 0 ? null : value.clone());
    }

    @Override
    public void delState(final String key) {
        pending.put(key, null);
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(final CompositeKey prefix) {
        return new ListIterator(range(prefix.toString()), "");
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByPartialCompositeKeyWithPagination(
            final CompositeKey prefix, final int pageSize, final String bookmark) {
        List<Map.Entry<String, byte[]>> all = range(prefix.toString());
        int from = 0;
        while (!bookmark.isEmpty() && from < all.size() && all.get(from).getKey().compareTo(bookmark) < 0) {
            from++;
        }
        int to = Math.min(all.size(), from + pageSize);
        return new ListIterator(all.subList(from, to), to < all.size() ? all.get(to).getKey() : "");
    }

    @Override
    public QueryResultsIterator<KeyModification> getHistoryForKey(final String key) {
        List<KeyModification> versions = new ArrayList<>(history.getOrDefault(key, List.of()));
        return new QueryResultsIterator<>() {
            @Override
            public java.util.Iterator<KeyModification> iterator() {
                return versions.iterator();
            }

            @Override
            public void close() {
                // nothing held open
            }
        };
    }

    @Override
    public void setEvent(final String name, final byte[] payload) {
        eventsInTx++;
        pendingEventName = name;
        pendingEventPayload = payload.clone();
    }

    @Override
    public CompositeKey createCompositeKey(final String objectType, final String... attributes) {
        return new CompositeKey(objectType, attributes);
    }

    @Override
    public CompositeKey splitCompositeKey(final String compositeKey) {
        return CompositeKey.parseCompositeKey(compositeKey);
    }

    @Override
    public String getTxId() {
        return txId;
    }

    @Override
    public Instant getTxTimestamp() {
        return timestamp;
    }

    @Override
    public byte[] getCreator() {
        return creator;
    }

    @Override
    public String getMspId() {
        return mspId;
    }

    @Override
    public String getChannelId() {
        return "scf";
    }

    private List<Map.Entry<String, byte[]>> range(final String prefix) {
        List<Map.Entry<String, byte[]>> entries = new ArrayList<>();
        for (Map.Entry<String, byte[]> entry : committed.tailMap(prefix, true).entrySet()) {
            if (!entry.getKey().startsWith(prefix)) {
                break;
            }
            entries.add(Map.entry(entry.getKey(), entry.getValue()));
        }
        return entries;
    }

    private record Version(String txId, Instant timestamp, byte[] value, boolean deleted) implements KeyModification {
        @Override
        public String getTxId() {
            return txId;
        }

        @Override
        public byte[] getValue() {
            return value;
        }

        @Override
        public String getStringValue() {
            return new String(value, StandardCharsets.UTF_8);
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }

        @Override
        public boolean isDeleted() {
            return deleted;
        }
    }

    // ---- not used by this chaincode ------------------------------------------------------------------------------

    private static UnsupportedOperationException unused() {
        return new UnsupportedOperationException("not used by the SCF chaincode");
    }

    @Override
    public List<byte[]> getArgs() {
        throw unused();
    }

    @Override
    public List<String> getStringArgs() {
        throw unused();
    }

    @Override
    public String getFunction() {
        throw unused();
    }

    @Override
    public List<String> getParameters() {
        throw unused();
    }

    @Override
    public Response invokeChaincode(final String name, final List<byte[]> args, final String channel) {
        throw unused();
    }

    @Override
    public byte[] getStateValidationParameter(final String key) {
        throw unused();
    }

    @Override
    public void setStateValidationParameter(final String key, final byte[] value) {
        throw unused();
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByRange(final String startKey, final String endKey) {
        throw unused();
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByRangeWithPagination(final String startKey,
            final String endKey, final int pageSize, final String bookmark) {
        throw unused();
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(final String compositeKey) {
        throw unused();
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(final String objectType,
            final String... attributes) {
        throw unused();
    }

    @Override
    public QueryResultsIterator<KeyValue> getQueryResult(final String query) {
        throw unused();
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getQueryResultWithPagination(final String query,
            final int pageSize, final String bookmark) {
        throw unused();
    }

    @Override
    public byte[] getPrivateData(final String collection, final String key) {
        throw unused();
    }

    @Override
    public byte[] getPrivateDataHash(final String collection, final String key) {
        throw unused();
    }

    @Override
    public byte[] getPrivateDataValidationParameter(final String collection, final String key) {
        throw unused();
    }

    @Override
    public void putPrivateData(final String collection, final String key, final byte[] value) {
        throw unused();
    }

    @Override
    public void setPrivateDataValidationParameter(final String collection, final String key, final byte[] value) {
        throw unused();
    }

    @Override
    public void delPrivateData(final String collection, final String key) {
        throw unused();
    }

    @Override
    public void purgePrivateData(final String collection, final String key) {
        throw unused();
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByRange(final String collection, final String startKey,
            final String endKey) {
        throw unused();
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(final String collection,
            final String compositeKey) {
        throw unused();
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(final String collection,
            final CompositeKey prefix) {
        throw unused();
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(final String collection,
            final String objectType, final String... attributes) {
        throw unused();
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataQueryResult(final String collection, final String query) {
        throw unused();
    }

    @Override
    public ChaincodeEvent getEvent() {
        throw unused();
    }

    @Override
    public SignedProposal getSignedProposal() {
        throw unused();
    }

    @Override
    public Map<String, byte[]> getTransient() {
        throw unused();
    }

    @Override
    public byte[] getBinding() {
        throw unused();
    }
}
