package com.scfledger.platform.readmodel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import com.scfledger.platform.ledger.LedgerIdentityChanged;
import com.scfledger.platform.ledger.ReadModelSync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the read model in step with the ledger from the SCF chaincode's events. It starts, stops
 * and rebuilds; the work is done by its parts, each on a thread of {@link ProjectorThreads}:
 * <ul>
 * <li>{@link ProjectorLeadership}: only one API instance per database projects;
 * <li>{@link EventFollower}: reads the events from the checkpoint into the {@link EventBuffer};
 * <li>{@link BatchApplier}: applies them in batches, each in one transaction with the checkpoint;
 * <li>{@link LedgerHeadFollower} and {@link ProjectionLag}: how far the read model is behind;
 * <li>{@link AppliedWaiters}: writes waiting until the read model shows them.
 * </ul>
 */
@Component("readModelProjector")
class Projector implements SmartLifecycle, ReadModelSync {

    private static final Logger log = LoggerFactory.getLogger(Projector.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    /** A state snapshot for health, metrics and the admin endpoint. */
    record Status(boolean enabled, boolean running, boolean leader, boolean connected, boolean headConnected,
                  long checkpointBlock,
                  int checkpointTxIndex, String checkpointTransactionId, long eventsApplied, long duplicates,
                  long rejected, long headBlock, int lagEvents, long lagBlocks, double lagSeconds, Instant lastEventAt,
                  String lastError, Instant lastErrorAt) {
    }

    private final ProjectorParts parts;
    private final ProjectorThreads threads;
    private final ProjectorProperties properties;
    private final String operatorId;
    private final ReentrantLock lifecycle = new ReentrantLock();
    /** The current run's flag: a part of an earlier run that is still winding down never sees it turn true again. */
    private volatile AtomicBoolean run = new AtomicBoolean(false);
    private List<Future<?>> running = List.of();

    Projector(ProjectorParts parts, ProjectorThreads threads, ProjectorProperties properties,
              @Value("${scf.platform.operator-enterprise-id:PLATFORM}") String operatorId) {
        this.parts = parts;
        this.threads = threads;
        this.properties = properties;
        this.operatorId = operatorId;
    }

    // ---- lifecycle ------------------------------------------------------------------------------------------

    @Override
    public boolean isAutoStartup() {
        return properties.enabled();
    }

    @Override
    public void start() {
        lifecycle.lock();
        try {
            if (isRunning()) {
                return;
            }
            long from = parts.store().position().block();
            parts.lag().startAt(from);
            parts.buffer().open();
            log.info("projector {} starts from block {}", properties.name(), from);
            AtomicBoolean thisRun = new AtomicBoolean(true);
            run = thisRun;
            running = List.of(
                    threads.run(() -> parts.applier().applyWhile(thisRun::get, parts.follower()::disconnect)),
                    threads.run(() -> parts.follower().follow(thisRun::get)),
                    threads.run(() -> parts.head().follow(thisRun::get)));
        } finally {
            lifecycle.unlock();
        }
    }

    @Override
    public void stop() {
        lifecycle.lock();
        try {
            if (!isRunning()) {
                return;
            }
            run.set(false);
            parts.buffer().close();
            parts.follower().disconnect();
            parts.head().disconnect();
            parts.pause().wakeUp();
            long deadline = System.nanoTime() + STOP_WAIT.toNanos();
            for (Future<?> part : running) {
                awaitEnd(part, deadline);
            }
            running = List.of();
            log.info("projector {} stopped at block {}", properties.name(), parts.lag().snapshot().appliedBlock());
        } finally {
            lifecycle.unlock();
        }
    }

    @Override
    public boolean isRunning() {
        return run.get();
    }

    /**
     * Empties the read model and replays every event from block 0: the projector stops, the tables
     * and the checkpoint are reset in one transaction, and it starts again. Reads see the model
     * filling up meanwhile (health shows the lag).
     */
    void rebuild() {
        lifecycle.lock();
        try {
            boolean wasRunning = isRunning();
            stop();
            parts.store().empty();
            parts.recent().clear();
            parts.lag().reset();
            parts.applier().reset();
            log.info("read model of projector {} emptied; replaying from block 0", properties.name());
            if (wasRunning || properties.enabled()) {
                start();
            }
        } finally {
            lifecycle.unlock();
        }
    }

    /** The operator's ledger identity changed: a stream that failed for the lack of it can reopen now. */
    @EventListener
    void onIdentityChanged(LedgerIdentityChanged event) {
        if (operatorId.equals(event.enterpriseId())) {
            parts.pause().wakeUp();
        }
    }

    // ---- waiting for a write ------------------------------------------------------------------------------

    @Override
    public boolean awaitApplied(String transactionId) {
        return awaitApplied(transactionId, properties.awaitTimeout());
    }

    @Override
    public boolean awaitApplied(String transactionId, Duration timeout) {
        if (!isRunning() || transactionId == null) {
            return false;
        }
        return parts.waiters().await(transactionId, timeout);
    }

    /**
     * Waits until the projector has applied every event the peer has shown it: connected to both
     * streams, nothing pending, for a quiet second. For the commands and tests.
     */
    boolean awaitCaughtUp(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long quietSince = -1;
        while (System.nanoTime() < deadline) {
            Status s = status();
            boolean idle = s.running() && s.leader() && s.connected() && s.headConnected() && s.headBlock() >= 0
                    && s.lagEvents() == 0;
            if (!idle) {
                quietSince = -1;
            } else if (quietSince < 0) {
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > 1_000_000_000L) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    boolean isApplied(String transactionId) {
        return parts.store().isApplied(transactionId);
    }

    // ---- state ----------------------------------------------------------------------------------------------

    Status status() {
        ProjectionCheckpointer.Position at;
        try {
            at = parts.store().position();
        } catch (RuntimeException e) {
            at = new ProjectionCheckpointer.Position(-1, -1, null, -1);
        }
        ProjectionLag.Snapshot lag = parts.lag().snapshot();
        ProjectorFailures.Last failure = parts.failures().last();
        return new Status(properties.enabled(), isRunning(), parts.leadership().leads(), parts.follower().connected(),
                parts.head().connected(), at.block(), at.txIndex(), at.transactionId(), at.eventsApplied(),
                parts.applier().duplicates(), parts.applier().rejected(), lag.headBlock(), lag.events(), lag.blocks(),
                lag.seconds(), parts.applier().lastEventAt(), failure.message(), failure.at());
    }

    Duration healthMaxLag() {
        return properties.healthMaxLag();
    }

    private void awaitEnd(Future<?> part, long deadline) {
        try {
            part.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            log.warn("a part of projector {} did not stop within {}; it ends on its own", properties.name(), STOP_WAIT);
        } catch (ExecutionException e) {
            log.warn("a part of projector {} ended with {}", properties.name(), e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
