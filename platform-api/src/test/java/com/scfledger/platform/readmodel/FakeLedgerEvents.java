package com.scfledger.platform.readmodel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import com.scfledger.platform.ledger.LedgerEvents;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.Checkpoint;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.protos.peer.FilteredBlock;
import org.hyperledger.fabric.protos.peer.FilteredChaincodeAction;
import org.hyperledger.fabric.protos.peer.FilteredTransaction;
import org.hyperledger.fabric.protos.peer.FilteredTransactionActions;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * A ledger in memory: blocks committed by the test, streamed like the peer does (iterators block
 * until the next item; closing one cancels it, so its {@code hasNext()} throws). Streams can be
 * broken on demand.
 */
final class FakeLedgerEvents implements LedgerEvents {

    static final String CHAINCODE = "scf";

    record Event(long getBlockNumber, String getTransactionId, String getEventName, byte[] getPayload)
            implements ChaincodeEvent {
        @Override
        public String getChaincodeName() {
            return CHAINCODE;
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition grown = lock.newCondition();
    private final List<ChaincodeEvent> events = new ArrayList<>();
    private final List<FilteredBlock> blocks = new ArrayList<>();
    private final List<Stream<?>> streams = new ArrayList<>();
    final AtomicInteger eventStreamsOpened = new AtomicInteger();
    final AtomicInteger blockStreamsOpened = new AtomicInteger();
    private long nextBlock = 1;

    /** Commits a block with one valid transaction per id, each carrying an event of the chaincode. */
    List<ChaincodeEvent> commitBlock(String... transactionIds) {
        lock.lock();
        try {
            long number = nextBlock++;
            FilteredBlock.Builder block = FilteredBlock.newBuilder().setNumber(number);
            List<ChaincodeEvent> committed = new ArrayList<>();
            for (String tx : transactionIds) {
                Event e = new Event(number, tx, "PayableRegistered", "{}".getBytes(StandardCharsets.UTF_8));
                committed.add(e);
                block.addFilteredTransactions(transaction(tx, TxValidationCode.VALID, CHAINCODE, e.getEventName()));
            }
            events.addAll(committed);
            blocks.add(block.build());
            grown.signalAll();
            return committed;
        } finally {
            lock.unlock();
        }
    }

    /** Commits a block as the peer shows it (for transactions without our event, or invalid ones). */
    void commitFilteredBlock(FilteredTransaction... transactions) {
        lock.lock();
        try {
            blocks.add(FilteredBlock.newBuilder().setNumber(nextBlock++).addAllFilteredTransactions(List.of(transactions))
                    .build());
            grown.signalAll();
        } finally {
            lock.unlock();
        }
    }

    static FilteredTransaction transaction(String txId, TxValidationCode code, String chaincode, String eventName) {
        return FilteredTransaction.newBuilder().setTxid(txId).setTxValidationCode(code)
                .setTransactionActions(FilteredTransactionActions.newBuilder().addChaincodeActions(
                        FilteredChaincodeAction.newBuilder().setChaincodeEvent(
                                org.hyperledger.fabric.protos.peer.ChaincodeEvent.newBuilder().setChaincodeId(chaincode)
                                        .setTxId(txId).setEventName(eventName))))
                .build();
    }

    /** Every open stream fails with {@code failure} (as when the peer goes away). */
    void breakStreams(RuntimeException failure) {
        lock.lock();
        try {
            streams.forEach(s -> s.failure = failure);
            grown.signalAll();
        } finally {
            lock.unlock();
        }
    }

    int openStreams() {
        lock.lock();
        try {
            return (int) streams.stream().filter(s -> !s.closed).count();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public CloseableIterator<ChaincodeEvent> chaincodeEvents(String enterpriseId, Checkpoint checkpoint) {
        lock.lock();
        try {
            eventStreamsOpened.incrementAndGet();
            long block = checkpoint.getBlockNumber().orElse(0);
            String after = checkpoint.getTransactionId().orElse(null);
            int start = 0;
            while (start < events.size() && events.get(start).getBlockNumber() < block) {
                start++;
            }
            if (after != null) {
                for (int i = start; i < events.size() && events.get(i).getBlockNumber() == block; i++) {
                    if (events.get(i).getTransactionId().equals(after)) {
                        start = i + 1;
                    }
                }
            }
            return open(events, start);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public CloseableIterator<FilteredBlock> filteredBlocks(String enterpriseId, long startBlock) {
        lock.lock();
        try {
            blockStreamsOpened.incrementAndGet();
            int start = 0;
            while (start < blocks.size() && blocks.get(start).getNumber() < startBlock) {
                start++;
            }
            return open(blocks, start);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String chaincodeName() {
        return CHAINCODE;
    }

    private <T> Stream<T> open(List<T> source, int start) {
        Stream<T> s = new Stream<>(source, start);
        streams.add(s);
        return s;
    }

    private final class Stream<T> implements CloseableIterator<T> {
        private final List<T> source;
        private int next;
        private volatile boolean closed;
        private volatile RuntimeException failure;

        Stream(List<T> source, int start) {
            this.source = source;
            this.next = start;
        }

        @Override
        public boolean hasNext() {
            lock.lock();
            try {
                while (!closed && failure == null && next >= source.size()) {
                    grown.await(50, TimeUnit.MILLISECONDS);
                }
                if (closed) {
                    throw new IllegalStateException("stream cancelled");
                }
                if (failure != null) {
                    throw failure;
                }
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public T next() {
            lock.lock();
            try {
                return source.get(next++);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close() {
            lock.lock();
            try {
                closed = true;
                grown.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }
}
