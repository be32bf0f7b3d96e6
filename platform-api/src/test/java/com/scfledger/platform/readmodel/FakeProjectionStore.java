package com.scfledger.platform.readmodel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.Checkpoint;

/**
 * The read model in memory, with its checkpoint (which the fake ledger reads to resume). Events can
 * be made unreadable, and the next write can be made to fail like a lost database.
 */
final class FakeProjectionStore implements ProjectionStore, Checkpoint {

    private final Map<String, Outcome> applied = new LinkedHashMap<>();
    private final Set<String> unreadable = new HashSet<>();
    final List<Integer> batchSizes = new ArrayList<>();
    private ProjectionCheckpointer.Position position = new ProjectionCheckpointer.Position(0, -1, null, 0);
    private RuntimeException nextFailure;

    synchronized void unreadable(String transactionId) {
        unreadable.add(transactionId);
    }

    synchronized void failNextWrite(RuntimeException failure) {
        nextFailure = failure;
    }

    /** Marks a transaction applied behind the projector's back (another instance applied it). */
    synchronized void appliedElsewhere(String transactionId) {
        applied.put(transactionId, Outcome.APPLIED);
    }

    synchronized Map<String, Outcome> applied() {
        return new LinkedHashMap<>(applied);
    }

    @Override
    public synchronized boolean applyAll(List<ChaincodeEvent> events) {
        failIfAsked();
        if (events.stream().anyMatch(e -> unreadable.contains(e.getTransactionId())
                || applied.containsKey(e.getTransactionId()))) {
            return false;
        }
        batchSizes.add(events.size());
        events.forEach(e -> record(e, Outcome.APPLIED));
        return true;
    }

    @Override
    public synchronized Outcome apply(ChaincodeEvent event) {
        failIfAsked();
        if (applied.containsKey(event.getTransactionId())) {
            return Outcome.DUPLICATE;
        }
        Outcome outcome = unreadable.contains(event.getTransactionId()) ? Outcome.REJECTED : Outcome.APPLIED;
        record(event, outcome);
        return outcome;
    }

    private void record(ChaincodeEvent e, Outcome outcome) {
        applied.put(e.getTransactionId(), outcome);
        position = new ProjectionCheckpointer.Position(e.getBlockNumber(), position.nextIndex(e.getBlockNumber()),
                e.getTransactionId(), position.eventsApplied() + 1);
    }

    private void failIfAsked() {
        RuntimeException failure = nextFailure;
        nextFailure = null;
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public synchronized boolean isApplied(String transactionId) {
        return applied.containsKey(transactionId);
    }

    @Override
    public synchronized ProjectionCheckpointer.Position position() {
        return position;
    }

    @Override
    public synchronized void empty() {
        applied.clear();
        position = new ProjectionCheckpointer.Position(0, -1, null, 0);
    }

    @Override
    public synchronized OptionalLong getBlockNumber() {
        return OptionalLong.of(position.block());
    }

    @Override
    public synchronized Optional<String> getTransactionId() {
        return Optional.ofNullable(position.transactionId());
    }
}
