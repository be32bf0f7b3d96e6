package com.scfledger.platform.readmodel;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.hyperledger.fabric.client.ChaincodeEvent;

/**
 * Hands the events the follower reads to the applier, in order, bounded (a slow applier holds the
 * follower back rather than filling the heap). The applier takes everything queued as one batch.
 *
 * <p>When a batch fails, the applier {@link #discard() discards} what was queued after it: those
 * events are read again from the checkpoint. A generation number tells the follower that the
 * events it is still reading belong to the discarded stream.
 */
final class EventBuffer {

    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<ChaincodeEvent> events = new ArrayDeque<>();
    private long generation;
    private boolean batchInFlight;
    private boolean closed;

    EventBuffer(int capacity) {
        this.capacity = capacity;
    }

    /** The current generation: what a stream opened now reads into. */
    long generation() {
        lock.lock();
        try {
            return generation;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Queues an event, waiting while the buffer is full.
     *
     * @return false when the event is not wanted: its stream's generation was discarded, or the buffer closed
     */
    boolean put(long streamGeneration, ChaincodeEvent event) throws InterruptedException {
        lock.lock();
        try {
            while (!closed && streamGeneration == generation && events.size() >= capacity) {
                changed.await();
            }
            if (closed || streamGeneration != generation) {
                return false;
            }
            events.addLast(event);
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes up to {@code max} queued events as the next batch, waiting up to {@code timeout} for the
     * first; empty when none came. The batch is in flight until {@link #batchDone()}.
     */
    List<ChaincodeEvent> takeBatch(int max, Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long left = timeout.toNanos();
            while (!closed && events.isEmpty() && left > 0) {
                left = changed.awaitNanos(left);
            }
            if (closed || events.isEmpty()) {
                return List.of();
            }
            List<ChaincodeEvent> batch = new ArrayList<>(Math.min(max, events.size()));
            while (batch.size() < max && !events.isEmpty()) {
                batch.add(events.pollFirst());
            }
            batchInFlight = true;
            changed.signalAll();
            return batch;
        } finally {
            lock.unlock();
        }
    }

    /** The batch taken last is applied (or given up). */
    void batchDone() {
        lock.lock();
        try {
            batchInFlight = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Drops every queued event and starts a new generation: the follower must reopen at the checkpoint. */
    void discard() {
        lock.lock();
        try {
            events.clear();
            generation++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until nothing is queued or in flight, so a stream opened now resumes exactly at the
     * checkpoint.
     *
     * @return false when the buffer closed meanwhile
     */
    boolean awaitDrained() throws InterruptedException {
        lock.lock();
        try {
            while (!closed && (batchInFlight || !events.isEmpty())) {
                changed.await();
            }
            return !closed;
        } finally {
            lock.unlock();
        }
    }

    /** Accepts events again (the projector starts), empty. */
    void open() {
        lock.lock();
        try {
            events.clear();
            batchInFlight = false;
            closed = false;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes and turns away everyone waiting (the projector stops); queued events are dropped. */
    void close() {
        lock.lock();
        try {
            closed = true;
            events.clear();
            generation++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
