package com.scfledger.chaincode.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;

import com.scfledger.chaincode.ledger.Json;

/** A key's history as the peer would return it, newest first. */
public final class HistoryIterator implements QueryResultsIterator<KeyModification> {

    private final List<KeyModification> versions = new ArrayList<>();

    public HistoryIterator write(final String txId, final Instant timestamp, final Object record) {
        versions.add(new Version(txId, timestamp, Json.bytes(record), false));
        return this;
    }

    public HistoryIterator delete(final String txId, final Instant timestamp) {
        versions.add(new Version(txId, timestamp, new byte[0], true));
        return this;
    }

    @Override
    public Iterator<KeyModification> iterator() {
        return versions.iterator();
    }

    @Override
    public void close() {
        // nothing held open
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
}
