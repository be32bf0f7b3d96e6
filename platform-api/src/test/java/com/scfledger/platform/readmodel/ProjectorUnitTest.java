package com.scfledger.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The projector's parts together, on its own threads, against a ledger and a read model in memory. */
class ProjectorUnitTest {

    private final FakeLedgerEvents ledger = new FakeLedgerEvents();
    private final FakeProjectionStore store = new FakeProjectionStore();
    private final FakeLeadership leadership = new FakeLeadership();
    private final ProjectorProperties properties = new ProjectorProperties(true, "main", Duration.ofSeconds(5),
            Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(60));
    private final ProjectorThreads threads = new ProjectorThreads();
    private final Projector projector = new Projector(
            ProjectorParts.assemble(ledger, "PLATFORM", store, store, leadership, properties, new SimpleMeterRegistry()),
            threads, properties, "PLATFORM");

    @AfterEach
    void shutDown() {
        projector.stop();
        threads.destroy();
    }

    @Test
    void aWriteIsAnsweredOnceTheReadModelShowsItsTransaction() {
        projector.start();
        ledger.commitBlock("tx1", "tx2");
        assertThat(projector.awaitApplied("tx2", Duration.ofSeconds(5))).isTrue();
        assertThat(projector.isApplied("tx1")).isTrue();
        assertThat(projector.awaitCaughtUp(Duration.ofSeconds(5))).isTrue();

        Projector.Status s = projector.status();
        assertThat(s.running()).isTrue();
        assertThat(s.leader()).isTrue();
        assertThat(s.connected()).isTrue();
        assertThat(s.headConnected()).isTrue();
        assertThat(s.checkpointBlock()).isEqualTo(1);
        assertThat(s.checkpointTransactionId()).isEqualTo("tx2");
        assertThat(s.eventsApplied()).isEqualTo(2);
        assertThat(s.headBlock()).isEqualTo(1);
        assertThat(s.lagEvents()).isZero();
        assertThat(s.lastError()).isNull();
    }

    @Test
    void stoppedInTheMiddleItAppliesEveryEventExactlyOnceAfterItsRestart() {
        projector.start();
        ledger.commitBlock("a");
        ledger.commitBlock("b");
        assertThat(projector.awaitApplied("b", Duration.ofSeconds(5))).isTrue();

        projector.stop();
        assertThat(projector.isRunning()).isFalse();
        assertThat(ledger.openStreams()).as("both streams closed").isZero();
        assertThat(leadership.leads()).as("another instance may lead now").isFalse();
        assertThat(projector.awaitApplied("b", Duration.ofSeconds(1))).as("a stopped projector answers no").isFalse();
        ledger.commitBlock("c", "d");
        assertThat(store.isApplied("c")).as("nothing is applied while stopped").isFalse();

        projector.start();
        assertThat(projector.awaitApplied("d", Duration.ofSeconds(5))).isTrue();
        assertThat(store.applied()).containsOnlyKeys("a", "b", "c", "d");
        assertThat(projector.status().duplicates()).isZero();
        assertThat(projector.status().eventsApplied()).isEqualTo(4);
    }

    @Test
    void aRebuildReplaysEveryEventFromBlockZero() {
        projector.start();
        ledger.commitBlock("a");
        ledger.commitBlock("b");
        assertThat(projector.awaitApplied("b", Duration.ofSeconds(5))).isTrue();

        projector.rebuild();

        assertThat(projector.isRunning()).isTrue();
        assertThat(projector.awaitCaughtUp(Duration.ofSeconds(5))).isTrue();
        assertThat(store.applied()).containsOnlyKeys("a", "b");
        assertThat(projector.status().eventsApplied()).as("counted from 0 again").isEqualTo(2);
        assertThat(projector.status().duplicates()).isZero();
    }

    @Test
    void aFailingLedgerShowsInTheStatusAndTheProjectorRecovers() {
        projector.start();
        ledger.commitBlock("a");
        assertThat(projector.awaitApplied("a", Duration.ofSeconds(5))).isTrue();
        Eventually.soon("both streams open", () -> projector.status().connected() && projector.status().headConnected());
        ledger.breakStreams(new IllegalStateException("peer gone"));
        // both followers note the failure before they reopen their stream
        Eventually.soon("both streams reopened",
                () -> ledger.eventStreamsOpened.get() == 2 && ledger.blockStreamsOpened.get() == 2);
        assertThat(projector.status().lastError()).isEqualTo("IllegalStateException: peer gone");

        ledger.commitBlock("b");
        assertThat(projector.awaitApplied("b", Duration.ofSeconds(5))).as("b applied").isTrue();
        Eventually.soon("an applied event ends the failure", () -> projector.status().lastError() == null);
        assertThat(List.copyOf(store.applied().keySet())).containsExactly("a", "b");
    }

    @Test
    void aStandbyInstanceAppliesNothingAndAnswersWritesFromTheTable() {
        leadership.withhold();
        projector.start();
        ledger.commitBlock("a");
        store.appliedElsewhere("a");
        assertThat(projector.awaitApplied("a", Duration.ofSeconds(5))).isTrue();
        assertThat(projector.status().leader()).isFalse();
        assertThat(ledger.eventStreamsOpened.get()).isZero();
    }
}
