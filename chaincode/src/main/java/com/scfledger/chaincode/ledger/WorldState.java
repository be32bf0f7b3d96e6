package com.scfledger.chaincode.ledger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.LedgerRecord;
import com.scfledger.contract.ledger.RecordVersion;

/**
 * Typed access to the world state for one transaction.
 *
 * <p>Writes are buffered and reach the stub only in {@link #flush()}, after every rule has passed: a refused
 * transaction therefore touches nothing, and the write set is put in key order. Point reads see this transaction's
 * own buffered writes (Fabric's stub would not), so the rules read one consistent view. Range scans read the
 * committed state only; callers combine them with point reads, which do see the buffer.
 */
public final class WorldState {

    /** Fabric treats an empty value as a delete, so index entries hold one zero byte. */
    private static final byte[] INDEX_MARKER = {0};

    private final ChaincodeStub stub;
    /** Pending writes in key order; a null value is a pending delete. */
    private final Map<String, byte[]> pending = new TreeMap<>();
    /** Records changed by this transaction, keyed by ledger key: the content of its event. */
    private final Map<String, LedgerRecord> changed = new TreeMap<>();

    public WorldState(final ChaincodeStub stub) {
        this.stub = stub;
    }

    public <T> Optional<T> find(final String key, final Class<T> type) {
        byte[] value = read(key);
        return value == null ? Optional.empty() : Optional.of(Json.readRecord(value, type));
    }

    public <T> T require(final String key, final Class<T> type, final String description) {
        return find(key, type).orElseThrow(() -> ScfException.of(ErrorCode.NOT_FOUND, description + " not found"));
    }

    public boolean exists(final String key) {
        return read(key) != null;
    }

    /** Reads raw bytes, this transaction's writes first; null when absent or deleted. */
    public byte[] read(final String key) {
        if (pending.containsKey(key)) {
            return pending.get(key);
        }
        byte[] value = stub.getState(key);
        return value == null || value.length == 0 ? null : value;
    }

    /** Writes a record and lists it in this transaction's event. */
    public void put(final LedgerRecord record) {
        pending.put(record.ledgerKey(), Json.bytes(record));
        changed.put(record.ledgerKey(), record);
    }

    /** Writes bookkeeping that is not itself part of the read model (request ids, invoice claims). */
    public void putValue(final String key, final Object value) {
        pending.put(key, Json.bytes(value));
    }

    public void delete(final String key) {
        pending.put(key, null);
    }

    public void addIndex(final CompositeKey key) {
        pending.put(key.toString(), INDEX_MARKER);
    }

    public void removeIndex(final CompositeKey key) {
        pending.put(key.toString(), null);
    }

    /** The last attribute (the indexed record's id) of every committed index entry under the prefix, in key order. */
    public List<String> indexedIds(final CompositeKey prefix) {
        List<String> ids = new ArrayList<>();
        try (QueryResultsIterator<KeyValue> results = stub.getStateByPartialCompositeKey(prefix)) {
            for (KeyValue entry : results) {
                ids.add(lastAttribute(entry.getKey()));
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // Only close() declares a checked exception; the shim raises it when the peer connection fails.
            throw new IllegalStateException("range scan over " + prefix.getObjectType() + " failed", e);
        }
        return ids;
    }

    /**
     * One page of index entries; only allowed in evaluate (read-only) transactions by Fabric. Bookmarks in and out
     * are in their {@link PageBookmark wire form}.
     */
    public IndexPage indexedIdsPage(final CompositeKey prefix, final int pageSize, final String bookmark) {
        String from = PageBookmark.fromWire(bookmark, prefix.toString());
        List<String> ids = new ArrayList<>();
        try (QueryResultsIteratorWithMetadata<KeyValue> results =
                     stub.getStateByPartialCompositeKeyWithPagination(prefix, pageSize, from)) {
            for (KeyValue entry : results) {
                ids.add(lastAttribute(entry.getKey()));
            }
            String next = results.getMetadata() == null ? "" : results.getMetadata().getBookmark();
            return new IndexPage(ids, PageBookmark.toWire(next));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("paged range scan over " + prefix.getObjectType() + " failed", e);
        }
    }

    /** Every committed version of a key, as the peer's history database returns them (newest first). */
    public <T> List<RecordVersion<T>> history(final String key, final Class<T> type) {
        List<RecordVersion<T>> versions = new ArrayList<>();
        try (QueryResultsIterator<KeyModification> results = stub.getHistoryForKey(key)) {
            for (KeyModification modification : results) {
                byte[] value = modification.getValue();
                T record = modification.isDeleted() || value == null || value.length == 0
                        ? null : Json.readRecord(value, type);
                versions.add(new RecordVersion<>(modification.getTxId(), modification.getTimestamp(),
                        modification.isDeleted(), record));
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("history of " + key + " could not be read", e);
        }
        return versions;
    }

    /** Puts every buffered write to the stub, in key order. */
    public void flush() {
        for (Map.Entry<String, byte[]> write : pending.entrySet()) {
            if (write.getValue() == null) {
                stub.delState(write.getKey());
            } else {
                stub.putState(write.getKey(), write.getValue());
            }
        }
        pending.clear();
    }

    /** The records this transaction changed, in key order. */
    public List<LedgerRecord> changedRecords() {
        return Collections.unmodifiableList(new ArrayList<>(changed.values()));
    }

    private static String lastAttribute(final String compositeKey) {
        List<String> attributes = CompositeKey.parseCompositeKey(compositeKey).getAttributes();
        return attributes.get(attributes.size() - 1);
    }

    /** Ids from one page of an index and the wire bookmark of the next page (empty when there is none). */
    public record IndexPage(List<String> ids, String bookmark) {
    }
}
