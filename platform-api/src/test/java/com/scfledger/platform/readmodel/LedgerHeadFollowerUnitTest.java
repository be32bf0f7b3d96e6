package com.scfledger.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LedgerHeadFollowerUnitTest {

    private final FakeLedgerEvents ledger = new FakeLedgerEvents();
    private final FakeProjectionStore store = new FakeProjectionStore();
    private final ProjectionLag lag = new ProjectionLag(new RecentlyApplied(), System::nanoTime);
    private final RetryPause pause = new RetryPause(Duration.ofMillis(20), Duration.ofMillis(40));
    private final ProjectorFailures failures = new ProjectorFailures("test");
    private final LedgerHeadFollower head = new LedgerHeadFollower(ledger, "PLATFORM", store, lag, pause, failures);
    private final AtomicBoolean running = new AtomicBoolean(true);
    private CompletableFuture<Void> following;

    @AfterEach
    void stop() throws Exception {
        running.set(false);
        head.disconnect();
        pause.wakeUp();
        following.get(5, TimeUnit.SECONDS);
        assertThat(head.connected()).isFalse();
    }

    @Test
    void onlyValidTransactionsCarryingAnEventOfTheChaincodeAreLag() {
        lag.startAt(0);
        ledger.commitBlock("ours");
        ledger.commitFilteredBlock(
                FakeLedgerEvents.transaction("invalid", TxValidationCode.MVCC_READ_CONFLICT, "scf", "PayableRegistered"),
                FakeLedgerEvents.transaction("other chaincode", TxValidationCode.VALID, "lscc", "Deployed"),
                FakeLedgerEvents.transaction("no event", TxValidationCode.VALID, "scf", ""));
        ledger.commitBlock("ours too");
        following = CompletableFuture.runAsync(() -> head.follow(running::get));
        Eventually.soon("the head is at block 3", () -> lag.snapshot().headBlock() == 3);
        assertThat(head.connected()).isTrue();
        assertThat(lag.snapshot().events()).isEqualTo(2);
        assertThat(lag.snapshot().blocks()).isEqualTo(3);
    }

    @Test
    void theCheckpointBlockCountsOnlyTheTransactionsAfterTheCheckpoint() {
        List<ChaincodeEvent> block = ledger.commitBlock("a", "b", "c");
        store.apply(block.get(0));
        store.apply(block.get(1));
        lag.startAt(1);
        following = CompletableFuture.runAsync(() -> head.follow(running::get));
        Eventually.soon("the head is at block 1", () -> lag.snapshot().headBlock() == 1);
        assertThat(lag.snapshot().events()).isEqualTo(1);
    }

    @Test
    void aBrokenStreamIsReopened() {
        lag.startAt(0);
        following = CompletableFuture.runAsync(() -> head.follow(running::get));
        Eventually.soon("connected", head::connected);
        ledger.breakStreams(new IllegalStateException("peer gone"));
        Eventually.soon("the failure is seen", () -> failures.last().message() != null);
        ledger.commitBlock("a");
        Eventually.soon("the new stream shows the block", () -> lag.snapshot().headBlock() == 1);
    }
}
