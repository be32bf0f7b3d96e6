package com.scfledger.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.hyperledger.fabric.client.ChaincodeEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventFollowerUnitTest {

    private static final Duration NO_WAIT = Duration.ofMillis(1);

    private final FakeLedgerEvents ledger = new FakeLedgerEvents();
    private final FakeProjectionStore store = new FakeProjectionStore();
    private final FakeLeadership leadership = new FakeLeadership();
    private final EventBuffer buffer = new EventBuffer(100);
    private final RetryPause pause = new RetryPause(Duration.ofMillis(20), Duration.ofMillis(40));
    private final ProjectorFailures failures = new ProjectorFailures("test");
    private final EventFollower follower = new EventFollower(ledger, "PLATFORM", store, leadership, buffer, pause,
            failures);
    private final AtomicBoolean running = new AtomicBoolean(true);
    private CompletableFuture<Void> following;

    private void startFollowing() {
        following = CompletableFuture.runAsync(() -> follower.follow(running::get));
    }

    @AfterEach
    void stop() throws Exception {
        running.set(false);
        buffer.close();
        follower.disconnect();
        pause.wakeUp();
        following.get(5, TimeUnit.SECONDS);
        assertThat(leadership.leads()).as("the leadership is let go").isFalse();
        assertThat(ledger.openStreams()).isZero();
    }

    @Test
    void itReadsTheEventsAfterTheCheckpoint() throws Exception {
        List<ChaincodeEvent> first = ledger.commitBlock("a", "b");
        store.apply(first.get(0));
        startFollowing();
        ledger.commitBlock("c");
        Eventually.soon("b and c read", () -> follower.connected());
        assertThat(takeAll(2)).containsExactly("b", "c");
    }

    @Test
    void afterTheStreamFailsItReopensAtTheCheckpointOnceWhatWasReadIsApplied() throws Exception {
        ledger.commitBlock("a");
        startFollowing();
        List<ChaincodeEvent> batch = buffer.takeBatch(10, Duration.ofSeconds(5));
        ledger.breakStreams(new IllegalStateException("peer gone"));
        Eventually.soon("the failure is seen", () -> failures.last().message() != null);
        assertThat(failures.last().message()).isEqualTo("IllegalStateException: peer gone");
        Thread.sleep(100);
        assertThat(ledger.eventStreamsOpened.get()).as("not reopened while a batch is in flight").isEqualTo(1);

        batch.forEach(store::apply);
        buffer.batchDone();
        Eventually.soon("reopened", () -> ledger.eventStreamsOpened.get() == 2);
        ledger.commitBlock("b");
        assertThat(takeAll(1)).as("a is not read again").containsExactly("b");
    }

    @Test
    void itStandsByWhileAnotherInstanceLeads() throws Exception {
        leadership.withhold();
        startFollowing();
        Thread.sleep(100);
        assertThat(ledger.eventStreamsOpened.get()).isZero();
        assertThat(follower.connected()).isFalse();

        leadership.grant();
        pause.wakeUp();
        Eventually.soon("it leads and follows", () -> leadership.leads() && follower.connected());
    }

    private List<String> takeAll(int count) throws InterruptedException {
        List<String> read = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (read.size() < count && System.nanoTime() < deadline) {
            buffer.takeBatch(10, Duration.ofMillis(50)).forEach(e -> read.add(e.getTransactionId()));
            buffer.batchDone();
        }
        assertThat(buffer.takeBatch(10, NO_WAIT)).as("nothing more").isEmpty();
        return read;
    }
}
