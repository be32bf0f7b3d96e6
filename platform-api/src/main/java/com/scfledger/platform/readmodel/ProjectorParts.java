package com.scfledger.platform.readmodel;

import com.scfledger.platform.ledger.LedgerEvents;
import io.micrometer.core.instrument.MeterRegistry;
import org.hyperledger.fabric.client.Checkpoint;

/**
 * The parts of one {@link Projector}, assembled once. They share the buffer between follower and
 * applier, the pause (so one wake-up ends every wait), the last failure and the recently applied.
 */
record ProjectorParts(ProjectionStore store, ProjectorLeadership leadership, EventBuffer buffer,
                      EventFollower follower, BatchApplier applier, LedgerHeadFollower head, ProjectionLag lag,
                      AppliedWaiters waiters, RecentlyApplied recent, RetryPause pause, ProjectorFailures failures) {

    private static final int BUFFERED_EVENTS = 10_000;

    static ProjectorParts assemble(LedgerEvents events, String operatorId, ProjectionStore store,
                                   Checkpoint checkpoint, ProjectorLeadership leadership,
                                   ProjectorProperties properties, MeterRegistry meters) {
        RecentlyApplied recent = new RecentlyApplied();
        EventBuffer buffer = new EventBuffer(BUFFERED_EVENTS);
        RetryPause pause = new RetryPause(properties.retryDelay(), properties.maxRetryDelay());
        ProjectorFailures failures = new ProjectorFailures(properties.name());
        ProjectionLag lag = new ProjectionLag(recent, System::nanoTime);
        lag.register(meters);
        AppliedWaiters waiters = new AppliedWaiters(recent, store, leadership);
        return new ProjectorParts(store, leadership, buffer,
                new EventFollower(events, operatorId, checkpoint, leadership, buffer, pause, failures),
                new BatchApplier(store, buffer, recent, lag, waiters, pause, failures, meters),
                new LedgerHeadFollower(events, operatorId, checkpoint, lag, pause, failures),
                lag, waiters, recent, pause, failures);
    }
}
