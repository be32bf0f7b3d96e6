package com.scfledger.chaincode.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/** Range-query results over a fixed list, with Fabric's paging metadata. */
public final class ListIterator implements QueryResultsIterator<KeyValue>, QueryResultsIteratorWithMetadata<KeyValue> {

    private final List<KeyValue> entries = new ArrayList<>();
    private final String bookmark;

    public ListIterator(final List<Map.Entry<String, byte[]>> entries, final String bookmark) {
        for (Map.Entry<String, byte[]> entry : entries) {
            this.entries.add(new Entry(entry.getKey(), entry.getValue()));
        }
        this.bookmark = bookmark;
    }

    @Override
    public Iterator<KeyValue> iterator() {
        return entries.iterator();
    }

    @Override
    public QueryResponseMetadata getMetadata() {
        return QueryResponseMetadata.newBuilder()
                .setBookmark(bookmark)
                .setFetchedRecordsCount(entries.size())
                .build();
    }

    @Override
    public void close() {
        // nothing held open
    }

    private record Entry(String key, byte[] value) implements KeyValue {
        @Override
        public String getKey() {
            return key;
        }

        @Override
        public byte[] getValue() {
            return value;
        }

        @Override
        public String getStringValue() {
            return new String(value, StandardCharsets.UTF_8);
        }
    }
}
