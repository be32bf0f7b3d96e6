package com.scfledger.platform.readmodel;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import com.scfledger.platform.ledger.LedgerEvents;
import org.hyperledger.fabric.client.Checkpoint;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.protos.peer.FilteredBlock;
import org.hyperledger.fabric.protos.peer.FilteredChaincodeAction;
import org.hyperledger.fabric.protos.peer.FilteredTransaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * Follows the peer's filtered blocks (transaction ids and event names, no payloads) from the
 * checkpoint on and tells the {@link ProjectionLag} of every valid transaction that carries an event
 * of the chaincode: what the ledger has that the read model may not have yet.
 */
final class LedgerHeadFollower {

    private final LedgerEvents events;
    private final String operatorId;
    private final Checkpoint checkpoint;
    private final ProjectionLag lag;
    private final RetryPause pause;
    private final ProjectorFailures failures;
    private volatile CloseableIterator<FilteredBlock> stream;
    private volatile boolean connected;
    private long blocksRead;

    LedgerHeadFollower(LedgerEvents events, String operatorId, Checkpoint checkpoint, ProjectionLag lag,
                       RetryPause pause, ProjectorFailures failures) {
        this.events = events;
        this.operatorId = operatorId;
        this.checkpoint = checkpoint;
        this.lag = lag;
        this.pause = pause;
        this.failures = failures;
    }

    /** Follows the blocks until {@code running} turns false, reopening after a growing pause when the stream fails. */
    void follow(BooleanSupplier running) {
        Duration delay = pause.first();
        while (running.getAsBoolean()) {
            long before = blocksRead;
            try {
                readStream(running);
            } catch (RuntimeException e) {
                connected = false;
                if (!running.getAsBoolean()) {
                    break;
                }
                Duration wait = blocksRead > before ? pause.first() : delay; // a stream that delivered starts over
                failures.failed("block stream", e, wait);
                pause.pause(wait);
                delay = pause.after(wait);
            }
        }
        connected = false;
    }

    private void readStream(BooleanSupplier running) {
        long fromBlock = checkpoint.getBlockNumber().orElse(0);
        String skipThrough = checkpoint.getTransactionId().orElse(null);
        try (CloseableIterator<FilteredBlock> opened = events.filteredBlocks(operatorId, fromBlock)) {
            stream = opened;
            connected = true;
            while (running.getAsBoolean() && opened.hasNext()) {
                FilteredBlock block = opened.next();
                // the checkpoint's block: its transactions up to the checkpoint's are applied
                boolean skipping = skipThrough != null && block.getNumber() == fromBlock;
                for (FilteredTransaction t : block.getFilteredTransactionsList()) {
                    if (skipping) {
                        skipping = !t.getTxid().equals(skipThrough);
                    } else if (t.getTxValidationCode() == TxValidationCode.VALID && carriesOurEvent(t)) {
                        lag.seen(block.getNumber(), t.getTxid());
                    }
                }
                skipThrough = null;
                lag.headAt(block.getNumber());
                blocksRead++;
            }
        }
    }

    private boolean carriesOurEvent(FilteredTransaction t) {
        if (!t.hasTransactionActions()) {
            return false;
        }
        for (FilteredChaincodeAction a : t.getTransactionActions().getChaincodeActionsList()) {
            if (a.hasChaincodeEvent() && events.chaincodeName().equals(a.getChaincodeEvent().getChaincodeId())
                    && !a.getChaincodeEvent().getEventName().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Closes the current stream (the projector stops). */
    void disconnect() {
        Streams.closeQuietly(stream);
    }

    boolean connected() {
        return connected;
    }
}
