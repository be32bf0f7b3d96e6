package com.scfledger.platform.readmodel;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How far the read model is behind the ledger: the committed events of the chaincode the block
 * stream has shown ({@link #seen}) that the applier has not applied yet ({@link #applied}), in
 * events, blocks (from the oldest to the head) and seconds (how long the oldest has waited).
 */
final class ProjectionLag {

    /** The lag at one moment. */
    record Snapshot(int events, long blocks, double seconds, long headBlock, long appliedBlock) {
    }

    private record Pending(long block, long seenAtNanos) {
    }

    private final RecentlyApplied recent;
    private final LongSupplier nanoTime;
    /** Seen, not applied yet, in ledger order. */
    private final LinkedHashMap<String, Pending> pending = new LinkedHashMap<>();
    private long headBlock = -1;
    private long appliedBlock = -1;

    ProjectionLag(RecentlyApplied recent, LongSupplier nanoTime) {
        this.recent = recent;
        this.nanoTime = nanoTime;
    }

    /** Publishes the lag as gauges (names documented in docs/platform-api.md, "Observability"). */
    void register(MeterRegistry meters) {
        Gauge.builder("scf.projector.lag.events", this, l -> l.snapshot().events())
                .description("Committed events not yet in the read model").register(meters);
        Gauge.builder("scf.projector.lag.blocks", this, l -> l.snapshot().blocks())
                .description("Blocks from the oldest unapplied event to the ledger head").register(meters);
        Gauge.builder("scf.projector.lag.seconds", this, l -> l.snapshot().seconds())
                .description("How long the oldest unapplied event has waited").register(meters);
        Gauge.builder("scf.projector.checkpoint.block", this, l -> l.snapshot().appliedBlock())
                .description("Block of the last applied event").register(meters);
    }

    /** The projector starts with everything up to {@code block} applied. */
    synchronized void startAt(long block) {
        appliedBlock = block;
    }

    /** The read model was emptied: nothing is applied, the head is not known yet. */
    synchronized void reset() {
        pending.clear();
        appliedBlock = 0;
        headBlock = -1;
    }

    /** The block stream showed a committed event of the chaincode. */
    synchronized void seen(long block, String transactionId) {
        if (!recent.contains(transactionId) && block >= appliedBlock) {
            pending.put(transactionId, new Pending(block, nanoTime.getAsLong()));
        }
    }

    /** The block stream reached {@code block}. */
    synchronized void headAt(long block) {
        headBlock = block;
    }

    /** The applier applied (or skipped) the transaction's event; callers mark it recently applied first. */
    synchronized void applied(long block, String transactionId) {
        appliedBlock = Math.max(appliedBlock, block);
        pending.remove(transactionId);
        for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
            if (it.next().block() < appliedBlock) {
                it.remove(); // an event the projector has passed (only a skipped, already applied one can be)
            } else {
                break;
            }
        }
    }

    synchronized Snapshot snapshot() {
        Pending oldest = pending.isEmpty() ? null : pending.values().iterator().next();
        long blocks = oldest == null ? 0 : Math.max(1, headBlock - oldest.block() + 1);
        double seconds = oldest == null ? 0 : (nanoTime.getAsLong() - oldest.seenAtNanos()) / 1e9;
        return new Snapshot(pending.size(), blocks, seconds, headBlock, appliedBlock);
    }
}
