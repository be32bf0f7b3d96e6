package com.scfledger.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class AppliedWaitersUnitTest {

    private final RecentlyApplied recent = new RecentlyApplied();
    private final FakeProjectionStore store = new FakeProjectionStore();
    private final FakeLeadership leadership = new FakeLeadership();
    private final AppliedWaiters waiters = new AppliedWaiters(recent, store, leadership);

    AppliedWaitersUnitTest() {
        leadership.tryLead();
    }

    @Test
    void aWriteWakesWhenItsTransactionIsAppliedNotAtItsDeadline() throws Exception {
        CompletableFuture<Boolean> wait = awaitAsync("tx1", Duration.ofSeconds(30));
        Eventually.soon("the write waits", () -> waiters.waiting() == 1);
        long applied = System.nanoTime();
        recent.add("tx1");
        waiters.applied("tx1");
        assertThat(wait.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(System.nanoTime() - applied).as("woken, not polled").isLessThan(TimeUnit.SECONDS.toNanos(1));
        assertThat(waiters.waiting()).isZero();
    }

    @Test
    void twoWritesWaitingForTheSameTransactionBothWake() throws Exception {
        CompletableFuture<Boolean> first = awaitAsync("tx1", Duration.ofSeconds(30));
        CompletableFuture<Boolean> second = awaitAsync("tx1", Duration.ofSeconds(30));
        Eventually.soon("both wait", () -> waiters.waiting() == 2);
        waiters.applied("tx1");
        assertThat(first.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(second.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aWaitEndsAtItsDeadlineAndLeavesNothingBehind() throws Exception {
        CompletableFuture<Boolean> other = awaitAsync("tx1", Duration.ofSeconds(30));
        Eventually.soon("the other write waits", () -> waiters.waiting() == 1);
        assertThat(waiters.await("tx1", Duration.ofMillis(100))).isFalse();
        assertThat(waiters.waiting()).as("only the other wait is left").isEqualTo(1);
        waiters.applied("tx1");
        assertThat(other.get(5, TimeUnit.SECONDS)).as("the other wait still wakes").isTrue();
        assertThat(waiters.waiting()).isZero();
    }

    @Test
    void aTransactionAppliedBeforeTheWriteAskedIsFoundAtOnce() {
        recent.add("lately");
        store.appliedElsewhere("before-a-restart");
        assertThat(waiters.await("lately", Duration.ZERO)).isTrue();
        assertThat(waiters.await("before-a-restart", Duration.ZERO)).isTrue();
        assertThat(waiters.await("never", Duration.ZERO)).isFalse();
    }

    @Test
    void onAStandbyInstanceTheWriteWatchesTheTableAnotherInstanceWrites() throws Exception {
        leadership.withhold();
        CompletableFuture<Boolean> wait = awaitAsync("tx1", Duration.ofSeconds(30));
        Thread.sleep(100);
        assertThat(wait).isNotDone();
        store.appliedElsewhere("tx1");
        assertThat(wait.get(5, TimeUnit.SECONDS)).isTrue();
    }

    private CompletableFuture<Boolean> awaitAsync(String tx, Duration timeout) {
        return CompletableFuture.supplyAsync(() -> waiters.await(tx, timeout));
    }
}
