package com.scfledger.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class ProjectorHealthUnitTest {

    private final FakeLedgerEvents ledger = new FakeLedgerEvents();
    private final FakeProjectionStore store = new FakeProjectionStore();
    private final ProjectorThreads threads = new ProjectorThreads();
    private Projector projector;

    private ProjectorHealth health(boolean enabled) {
        ProjectorProperties properties = new ProjectorProperties(enabled, "main", Duration.ofSeconds(5),
                Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(60));
        projector = new Projector(ProjectorParts.assemble(ledger, "PLATFORM", store, store, new FakeLeadership(),
                properties, new SimpleMeterRegistry()), threads, properties, "PLATFORM");
        return new ProjectorHealth(projector);
    }

    @AfterEach
    void shutDown() {
        projector.stop();
        threads.destroy();
    }

    @Test
    void aRunningProjectorWithoutLagIsUpAndShowsWhereItStands() {
        ProjectorHealth health = health(true);
        projector.start();
        ledger.commitBlock("a");
        assertThat(projector.awaitApplied("a", Duration.ofSeconds(5))).isTrue();
        assertThat(projector.awaitCaughtUp(Duration.ofSeconds(5))).isTrue();

        Health h = health.health();
        assertThat(h.getStatus()).isEqualTo(Status.UP);
        assertThat(h.getDetails()).containsEntry("role", "leader").containsEntry("connected", true)
                .containsEntry("checkpointBlock", 1L).containsEntry("eventsApplied", 1L)
                .containsEntry("lagEvents", 0).containsEntry("duplicatesSkipped", 0L).containsKey("lastEventAt");
    }

    @Test
    void aStoppedProjectorIsDown() {
        ProjectorHealth health = health(true);
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails()).containsEntry("running", false).containsEntry("role", "standby");
    }

    @Test
    void aDisabledProjectorIsUnknown() {
        ProjectorHealth health = health(false);
        assertThat(health.health().getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(health.health().getDetails()).containsEntry("disabled", true);
    }
}
