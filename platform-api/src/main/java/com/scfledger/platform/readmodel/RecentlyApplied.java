package com.scfledger.platform.readmodel;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The transactions this instance applied lately (the last {@value #CAPACITY}): a write asks here
 * before it asks the database, and the lag does not count an event the applier was quicker to apply
 * than the block stream was to show it.
 */
final class RecentlyApplied {

    static final int CAPACITY = 20_000;

    private final Map<String, Boolean> transactions = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized void add(String transactionId) {
        transactions.put(transactionId, Boolean.TRUE);
    }

    synchronized boolean contains(String transactionId) {
        return transactions.containsKey(transactionId);
    }

    synchronized void clear() {
        transactions.clear();
    }
}
