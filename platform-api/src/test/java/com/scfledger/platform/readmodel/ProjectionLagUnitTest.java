package com.scfledger.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class ProjectionLagUnitTest {

    private final AtomicLong clock = new AtomicLong();
    private final RecentlyApplied recent = new RecentlyApplied();
    private final ProjectionLag lag = new ProjectionLag(recent, clock::get);

    @Test
    void theLagIsWhatTheLedgerShowedAndTheReadModelLacksInEventsBlocksAndSeconds() {
        lag.startAt(4);
        lag.seen(5, "a");
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(1500));
        lag.seen(6, "b");
        lag.headAt(8);
        assertThat(lag.snapshot()).isEqualTo(new ProjectionLag.Snapshot(2, 4, 1.5, 8, 4));

        recent.add("a");
        lag.applied(5, "a");
        assertThat(lag.snapshot()).isEqualTo(new ProjectionLag.Snapshot(1, 3, 0, 8, 5));
        lag.applied(6, "b");
        assertThat(lag.snapshot().events()).isZero();
        assertThat(lag.snapshot().blocks()).isZero();
    }

    @Test
    void anEventAppliedBeforeTheBlockStreamShowedItIsNotLag() {
        lag.startAt(0);
        recent.add("quick");
        lag.applied(3, "quick");
        lag.seen(3, "quick");
        lag.seen(2, "behind the applied block");
        assertThat(lag.snapshot().events()).isZero();
    }

    @Test
    void eventsTheProjectorHasPassedAreNoLongerCounted() {
        lag.startAt(0);
        lag.seen(1, "skipped");
        lag.seen(2, "next");
        lag.applied(2, "other");
        assertThat(lag.snapshot().events()).as("only the one at the applied block is left").isEqualTo(1);
    }

    @Test
    void aRebuildStartsFromBlockZeroWithTheHeadUnknown() {
        lag.startAt(9);
        lag.seen(10, "a");
        lag.headAt(10);
        lag.reset();
        assertThat(lag.snapshot()).isEqualTo(new ProjectionLag.Snapshot(0, 0, 0, -1, 0));
    }

    @Test
    void theLagIsPublishedAsGauges() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        lag.register(meters);
        lag.startAt(3);
        lag.seen(4, "a");
        lag.headAt(6);
        assertThat(meters.get("scf.projector.lag.events").gauge().value()).isEqualTo(1);
        assertThat(meters.get("scf.projector.lag.blocks").gauge().value()).isEqualTo(3);
        assertThat(meters.get("scf.projector.checkpoint.block").gauge().value()).isEqualTo(3);
        assertThat(meters.get("scf.projector.lag.seconds").gauge().value()).isZero();
    }
}
