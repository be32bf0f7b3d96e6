package com.scfledger.platform.readmodel;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import com.scfledger.platform.ledger.LedgerEvents;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.Checkpoint;
import org.hyperledger.fabric.client.CloseableIterator;

/**
 * Reads the chaincode's events from the checkpoint on into the {@link EventBuffer}, while this
 * instance leads. When the stream fails it reopens at the checkpoint after a growing pause; before
 * each (re)opening it waits until everything read before is applied, so the checkpoint is exact.
 */
final class EventFollower {

    static final Duration STANDBY_RETRY = Duration.ofSeconds(5);

    private final LedgerEvents events;
    private final String operatorId;
    private final Checkpoint checkpoint;
    private final ProjectorLeadership leadership;
    private final EventBuffer buffer;
    private final RetryPause pause;
    private final ProjectorFailures failures;
    private volatile CloseableIterator<ChaincodeEvent> stream;
    private volatile boolean connected;

    EventFollower(LedgerEvents events, String operatorId, Checkpoint checkpoint, ProjectorLeadership leadership,
                  EventBuffer buffer, RetryPause pause, ProjectorFailures failures) {
        this.events = events;
        this.operatorId = operatorId;
        this.checkpoint = checkpoint;
        this.leadership = leadership;
        this.buffer = buffer;
        this.pause = pause;
        this.failures = failures;
    }

    /** Follows the stream until {@code running} turns false; lets the leadership go at the end. */
    void follow(BooleanSupplier running) {
        Duration delay = pause.first();
        try {
            while (running.getAsBoolean()) {
                if (!lead()) {
                    pause.pause(STANDBY_RETRY);
                } else if (buffer.awaitDrained()) {
                    delay = readStream(running, delay);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            connected = false;
            leadership.release();
        }
    }

    /** Reads one stream until it ends or fails; returns the pause before the next one. */
    private Duration readStream(BooleanSupplier running, Duration delay) throws InterruptedException {
        long generation = buffer.generation();
        try (CloseableIterator<ChaincodeEvent> opened = events.chaincodeEvents(operatorId, checkpoint)) {
            stream = opened;
            connected = true;
            while (running.getAsBoolean() && opened.hasNext()) {
                if (!buffer.put(generation, opened.next())) {
                    return delay; // the applier discarded this stream's events: reopen at the checkpoint
                }
                delay = pause.first();
            }
            return delay;
        } catch (RuntimeException e) {
            connected = false;
            if (!running.getAsBoolean() || generation != buffer.generation()) {
                return delay; // closed on purpose
            }
            failures.failed("event stream", e, delay);
            if (!leadership.stillHeld()) {
                leadership.release();
            }
            pause.pause(delay);
            return pause.after(delay);
        }
    }

    private boolean lead() {
        try {
            return leadership.tryLead();
        } catch (RuntimeException e) {
            failures.failed("leadership", e, STANDBY_RETRY);
            return false;
        }
    }

    /** Closes the current stream: the follower reopens it at the checkpoint (or ends, when stopping). */
    void disconnect() {
        Streams.closeQuietly(stream);
    }

    boolean connected() {
        return connected;
    }
}
