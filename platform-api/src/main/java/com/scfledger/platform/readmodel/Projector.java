package com.scfledger.platform.readmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import com.scfledger.platform.ledger.LedgerEvents;
import com.scfledger.platform.ledger.LedgerIdentityChanged;
import com.scfledger.platform.ledger.ReadModelSync;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.protos.peer.FilteredBlock;
import org.hyperledger.fabric.protos.peer.FilteredChaincodeAction;
import org.hyperledger.fabric.protos.peer.FilteredTransaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the read model in step with the ledger from the SCF chaincode's events.
 *
 * <p>One thread follows {@code getChaincodeEvents} from the checkpoint kept in PostgreSQL (the
 * Gateway SDK's {@link org.hyperledger.fabric.client.Checkpointer}, see {@link ProjectionCheckpointer}).
 * Each event is applied in one database transaction together with the checkpoint, so it is
 * applied exactly once across restarts; a second application of the same transaction's event is
 * impossible ({@code projected_events}' key) and counted as a duplicate. When the stream fails it
 * reconnects from the checkpoint, with a growing pause.
 *
 * <p>A second thread follows the peer's filtered blocks (ids and event names, no payloads) to know
 * which events the ledger has that the read model does not have yet: the projector's lag, in
 * events, blocks and seconds.
 */
@Component("readModelProjector")
class Projector implements SmartLifecycle, ReadModelSync {

    private static final Logger log = LoggerFactory.getLogger(Projector.class);
    private static final int RECENT = 20_000;
    private static final Duration STANDBY_RETRY = Duration.ofSeconds(5);
    private static final int QUEUE = 10_000;
    private static final int MAX_BATCH = 500;

    /** A state snapshot for health, metrics and the admin endpoint. */
    record Status(boolean enabled, boolean running, boolean leader, boolean connected, boolean headConnected,
                  long checkpointBlock,
                  int checkpointTxIndex, String checkpointTransactionId, long eventsApplied, long duplicates,
                  long rejected, long headBlock, int lagEvents, long lagBlocks, double lagSeconds, Instant lastEventAt,
                  String lastError, Instant lastErrorAt) {
    }

    private record Pending(long block, long seenAtNanos) {
    }

    private record Queued(long generation, ChaincodeEvent event) {
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final EventProjection projection;
    private final LedgerEvents events;
    private final ProjectorProperties properties;
    private final String operatorId;
    private final ProjectionCheckpointer checkpointer;
    private final MeterRegistry meters;
    private final Timer applyTimer;

    private final Object lock = new Object();
    private final Map<String, CompletableFuture<Void>> waiters = new ConcurrentHashMap<>();
    /** Transactions applied lately (guarded by {@link #lock}). */
    private final LinkedHashMap<String, Boolean> recent = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > RECENT;
        }
    };
    /** Events the peer has committed that are not applied yet, in ledger order (guarded by {@link #lock}). */
    private final LinkedHashMap<String, Pending> pending = new LinkedHashMap<>();
    private final Object wake = new Object();

    private volatile boolean running;
    /** The session that holds the projector's advisory lock while this instance projects (null: standby). */
    private volatile Connection leaderConnection;
    private volatile boolean connected;
    private volatile boolean headConnected;
    private volatile Thread eventWorker;
    private volatile Thread headWorker;
    private volatile CloseableIterator<?> eventStream;
    private volatile Thread applyWorker;
    private volatile boolean applying;
    private final java.util.concurrent.BlockingQueue<Queued> queue = new java.util.concurrent.LinkedBlockingQueue<>(QUEUE);
    /** Bumped when a batch fails: events queued from the stream before that are dropped and read again. */
    private final AtomicLong streamGeneration = new AtomicLong();
    private volatile CloseableIterator<?> headStream;
    private volatile long appliedBlock = -1;
    private volatile long headBlock = -1;
    private volatile Instant lastEventAt;
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    Projector(JdbcClient jdbc, DataSource dataSource, TransactionTemplate tx, EventProjection projection, LedgerEvents events,
              ProjectorProperties properties, MeterRegistry meters,
              @Value("${scf.platform.operator-enterprise-id:PLATFORM}") String operatorId) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tx = tx;
        this.projection = projection;
        this.events = events;
        this.properties = properties;
        this.operatorId = operatorId;
        this.meters = meters;
        this.checkpointer = new ProjectionCheckpointer(jdbc, properties.name());
        this.applyTimer = Timer.builder("scf.projector.apply").description("Applying a batch of chaincode events in one "
                + "transaction")
                .publishPercentileHistogram().register(meters);
        Gauge.builder("scf.projector.lag.events", this, p -> p.status().lagEvents())
                .description("Committed events not yet in the read model").register(meters);
        Gauge.builder("scf.projector.lag.blocks", this, p -> p.status().lagBlocks())
                .description("Blocks from the oldest unapplied event to the ledger head").register(meters);
        Gauge.builder("scf.projector.lag.seconds", this, p -> p.status().lagSeconds())
                .description("How long the oldest unapplied event has waited").register(meters);
        Gauge.builder("scf.projector.checkpoint.block", this, p -> p.appliedBlock)
                .description("Block of the last applied event").register(meters);
    }

    // ---- lifecycle ------------------------------------------------------------------------------------------

    @Override
    public boolean isAutoStartup() {
        return properties.enabled();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        appliedBlock = checkpointer.position().block();
        queue.clear();
        applyWorker = daemon("scf-projector-apply", this::applyEvents);
        eventWorker = daemon("scf-projector", this::followEvents);
        headWorker = daemon("scf-projector-head", this::followHead);
        log.info("projector {} started from block {}", properties.name(), appliedBlock);
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        closeQuietly(eventStream);
        closeQuietly(headStream);
        synchronized (wake) {
            wake.notifyAll();
        }
        join(eventWorker);
        join(applyWorker);
        join(headWorker);
        queue.clear();
        connected = false;
        headConnected = false;
        log.info("projector {} stopped at block {}", properties.name(), appliedBlock);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Empties the read model and replays every event from block 0: the projector stops, the tables
     * and the checkpoint are reset in one transaction, and it starts again. Reads see the model
     * filling up meanwhile (health shows the lag).
     */
    synchronized void rebuild() {
        boolean wasRunning = running;
        stop();
        tx.executeWithoutResult(s -> {
            checkpointer.lockPosition();
            jdbc.sql("TRUNCATE " + String.join(", ", RecordType.TABLES)).update();
            checkpointer.reset();
        });
        synchronized (lock) {
            recent.clear();
            pending.clear();
        }
        appliedBlock = 0;
        headBlock = -1;
        duplicates.set(0);
        rejected.set(0);
        log.info("read model of projector {} emptied; replaying from block 0", properties.name());
        if (wasRunning || properties.enabled()) {
            start();
        }
    }

    @EventListener
    void onIdentityChanged(LedgerIdentityChanged event) {
        if (operatorId.equals(event.enterpriseId())) {
            synchronized (wake) {
                wake.notifyAll();
            }
        }
    }

    // ---- the event stream -----------------------------------------------------------------------------------

    /** Reads the event stream into the queue; reconnects from the checkpoint once everything queued is applied. */
    private void followEvents() {
        Duration delay = properties.retryDelay();
        while (running) {
            if (!leadership()) {
                pause(STANDBY_RETRY);
                continue;
            }
            if (!awaitDrained()) {
                continue;
            }
            long generation = streamGeneration.get();
            try {
                CloseableIterator<ChaincodeEvent> stream = events.chaincodeEvents(operatorId, checkpointer);
                eventStream = stream;
                try (stream) {
                    connected = true;
                    while (running && generation == streamGeneration.get() && stream.hasNext()) {
                        Queued q = new Queued(generation, stream.next());
                        while (running && !queue.offer(q, 200, TimeUnit.MILLISECONDS)) {
                            // the applier is behind: wait (bounded by the queue's capacity)
                        }
                        delay = properties.retryDelay();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                connected = false;
                if (!running) {
                    break;
                }
                if (generation == streamGeneration.get()) {
                    failed("event stream", e, delay);
                    if (!leaderStillValid()) {
                        releaseLeadership();
                    }
                    pause(delay);
                    delay = next(delay);
                }
            }
        }
        connected = false;
        releaseLeadership();
    }

    /** Waits until nothing is queued or being applied, so a new stream resumes exactly at the checkpoint. */
    private boolean awaitDrained() {
        while (running) {
            if (queue.isEmpty() && !applying) {
                return true;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /**
     * Applies what the stream delivered, all events waiting in the queue in one database transaction
     * with the checkpoint (one commit per batch rather than per event keeps up with full blocks).
     * When a batch fails, nothing of it is applied: the queue is dropped and the stream reopened at
     * the checkpoint.
     */
    private void applyEvents() {
        List<ChaincodeEvent> batch = new ArrayList<>();
        while (running) {
            Queued first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (first == null) {
                continue;
            }
            applying = true;
            try {
                long generation = streamGeneration.get();
                batch.clear();
                if (first.generation() == generation) {
                    batch.add(first.event());
                }
                List<Queued> more = new ArrayList<>();
                queue.drainTo(more, MAX_BATCH - 1);
                for (Queued q : more) {
                    if (q.generation() == generation) {
                        batch.add(q.event());
                    }
                }
                if (!batch.isEmpty()) {
                    applyBatch(batch);
                }
                lastError = null;
            } catch (RuntimeException e) {
                streamGeneration.incrementAndGet();
                queue.clear();
                closeQuietly(eventStream);
                failed("applying events", e, properties.retryDelay());
                pause(properties.retryDelay());
            } finally {
                applying = false;
            }
        }
    }

    private void applyBatch(List<ChaincodeEvent> batch) {
        long start = System.nanoTime();
        List<String> outcomes;
        try {
            outcomes = tx.execute(s -> {
                ProjectionCheckpointer.Position at = checkpointer.lockPosition();
                long block = at.block();
                int index = at.txIndex();
                List<EventProjection.Incoming> incoming = new ArrayList<>(batch.size());
                for (ChaincodeEvent e : batch) {
                    index = e.getBlockNumber() == block ? index + 1 : 0;
                    block = e.getBlockNumber();
                    incoming.add(new EventProjection.Incoming(e.getTransactionId(), e.getEventName(), block, index,
                            e.getPayload()));
                }
                projection.applyAll(incoming);
                ChaincodeEvent last = batch.get(batch.size() - 1);
                checkpointer.moveTo(block, index, last.getTransactionId(), batch.size());
                return java.util.Collections.nCopies(batch.size(), "applied");
            });
        } catch (IllegalArgumentException | EventProjection.DuplicateInBatch oneByOne) {
            // an event the API cannot read, or one applied before, is in the batch: apply them one by one
            for (ChaincodeEvent e : batch) {
                apply(e);
            }
            return;
        } finally {
            applyTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
        for (int i = 0; i < batch.size(); i++) {
            afterApplied(batch.get(i), outcomes.get(i));
        }
    }

    /**
     * Only one API instance per database projects: the one holding a PostgreSQL advisory lock (on
     * a session of its own, named by schema and projector). Others stand by, serve reads, and take
     * over when the leader's session ends.
     */
    private boolean leadership() {
        if (leaderConnection != null) {
            return true;
        }
        Connection c = null;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT pg_try_advisory_lock(hashtext(current_schema() || ':scf-projector:' || ?))")) {
                ps.setString(1, properties.name());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        leaderConnection = c;
                        log.info("projector {} leads (advisory lock taken)", properties.name());
                        return true;
                    }
                }
            }
            c.close();
            log.debug("projector {} stands by: another instance leads", properties.name());
            return false;
        } catch (SQLException | RuntimeException e) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // the session is gone anyway
                }
            }
            failed("leadership", e instanceof RuntimeException re ? re : new IllegalStateException(e.getMessage(), e),
                    STANDBY_RETRY);
            return false;
        }
    }

    private boolean leaderStillValid() {
        Connection c = leaderConnection;
        try {
            return c != null && c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private void releaseLeadership() {
        Connection c = leaderConnection;
        leaderConnection = null;
        if (c == null) {
            return;
        }
        try (c; PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock_all()")) {
            ps.execute(); // the pool keeps the session: the lock must be let go before the connection goes back
        } catch (SQLException e) {
            log.debug("releasing the projector's lock: {}", e.getMessage());
        }
    }

    /** One event in its own transaction (the fallback when a batch holds an event that cannot be read). */
    private void apply(ChaincodeEvent event) {
        String txId = event.getTransactionId();
        String outcome;
        try {
            outcome = tx.execute(s -> {
                ProjectionCheckpointer.Position at = checkpointer.lockPosition();
                int index = at.nextIndex(event.getBlockNumber());
                if (!projection.apply(txId, event.getEventName(), event.getBlockNumber(), index, event.getPayload())) {
                    return "duplicate";
                }
                checkpointer.checkpointChaincodeEvent(event);
                return "applied";
            });
        } catch (IllegalArgumentException e) {
            outcome = reject(event, e);
        }
        afterApplied(event, outcome);
    }

    private void afterApplied(ChaincodeEvent event, String outcome) {
        String txId = event.getTransactionId();
        if ("duplicate".equals(outcome)) {
            duplicates.incrementAndGet();
            MDC.put("txId", txId);
            log.warn("event {} of transaction {} in block {} was applied before; skipped", event.getEventName(), txId,
                    event.getBlockNumber());
            MDC.remove("txId");
        }
        appliedBlock = Math.max(appliedBlock, event.getBlockNumber());
        lastEventAt = Instant.now();
        markApplied(txId);
        Counter.builder("scf.projector.events").description("Chaincode events by name and outcome")
                .tag("event", event.getEventName()).tag("outcome", outcome).register(meters).increment();
    }

    /** An event this API cannot read: kept as rejected (no rows), so the stream goes on; loudly logged. */
    private String reject(ChaincodeEvent event, IllegalArgumentException e) {
        log.error("event {} of transaction {} in block {} cannot be projected and is skipped: {}", event.getEventName(),
                event.getTransactionId(), event.getBlockNumber(), e.getMessage());
        rejected.incrementAndGet();
        return tx.execute(s -> {
            ProjectionCheckpointer.Position at = checkpointer.lockPosition();
            int inserted = jdbc.sql("""
                    INSERT INTO projected_events (tx_id, block_number, tx_index, event_name, rejected)
                    VALUES (:tx, :b, :i, :n, true) ON CONFLICT (tx_id) DO NOTHING""")
                    .param("tx", event.getTransactionId()).param("b", event.getBlockNumber())
                    .param("i", at.nextIndex(event.getBlockNumber())).param("n", event.getEventName()).update();
            if (inserted == 0) {
                return "duplicate";
            }
            checkpointer.checkpointChaincodeEvent(event);
            return "rejected";
        });
    }

    // ---- the ledger head, for the lag ----------------------------------------------------------------------

    private void followHead() {
        Duration delay = properties.retryDelay();
        while (running) {
            try {
                ProjectionCheckpointer.Position from = checkpointer.position();
                CloseableIterator<FilteredBlock> stream = events.filteredBlocks(operatorId, from.block());
                headStream = stream;
                try (stream) {
                    headConnected = true;
                    String skipThrough = from.transactionId();
                    while (running && stream.hasNext()) {
                        FilteredBlock block = stream.next();
                        boolean skipping = skipThrough != null && block.getNumber() == from.block();
                        for (FilteredTransaction t : block.getFilteredTransactionsList()) {
                            if (skipping) {
                                skipping = !t.getTxid().equals(skipThrough);
                                continue;
                            }
                            if (t.getTxValidationCode() == TxValidationCode.VALID && carriesOurEvent(t)) {
                                notePending(block.getNumber(), t.getTxid());
                            }
                        }
                        skipThrough = null;
                        headBlock = block.getNumber();
                        delay = properties.retryDelay();
                    }
                }
            } catch (RuntimeException e) {
                headConnected = false;
                if (!running) {
                    break;
                }
                failed("block stream", e, delay);
                pause(delay);
                delay = next(delay);
            }
        }
        headConnected = false;
    }

    private boolean carriesOurEvent(FilteredTransaction t) {
        if (!t.hasTransactionActions()) {
            return false;
        }
        for (FilteredChaincodeAction a : t.getTransactionActions().getChaincodeActionsList()) {
            if (a.hasChaincodeEvent() && events.chaincodeName().equals(a.getChaincodeEvent().getChaincodeId())
                    && !a.getChaincodeEvent().getEventName().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private void notePending(long block, String txId) {
        synchronized (lock) {
            if (!recent.containsKey(txId) && block >= appliedBlock) {
                pending.put(txId, new Pending(block, System.nanoTime()));
            }
        }
    }

    private void markApplied(String txId) {
        synchronized (lock) {
            recent.put(txId, Boolean.TRUE);
            pending.remove(txId);
            long applied = appliedBlock;
            for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
                if (it.next().block() < applied) {
                    it.remove(); // an event the projector has passed (only a skipped, already applied one can be)
                } else {
                    break;
                }
            }
        }
        CompletableFuture<Void> waiter = waiters.remove(txId);
        if (waiter != null) {
            waiter.complete(null);
        }
    }

    // ---- waiting for a write ------------------------------------------------------------------------------

    @Override
    public boolean awaitApplied(String transactionId) {
        return awaitApplied(transactionId, properties.awaitTimeout());
    }

    @Override
    public boolean awaitApplied(String transactionId, Duration timeout) {
        if (!running || transactionId == null) {
            return false;
        }
        CompletableFuture<Void> waiter = waiters.computeIfAbsent(transactionId, k -> new CompletableFuture<>());
        try {
            synchronized (lock) {
                if (recent.containsKey(transactionId)) {
                    return true;
                }
            }
            // the leader knows what it applied lately (the waiter is registered before the check above); a
            // transaction older than that, or a standby instance, asks the table
            if ((leaderConnection == null || !pendingOrFresh(transactionId)) && isApplied(transactionId)) {
                return true;
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            while (leaderConnection == null) { // standby: another instance projects, so watch the table
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(50);
                if (isApplied(transactionId)) {
                    return true;
                }
            }
            waiter.get(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            log.debug("transaction {} not in the read model after {}", transactionId, timeout);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        } finally {
            waiters.remove(transactionId, waiter);
        }
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
            boolean idle = s.running() && s.leader() && s.connected() && s.headConnected()
                    && s.headBlock() >= 0 && s.lagEvents() == 0;
            if (idle) {
                if (quietSince < 0) {
                    quietSince = System.nanoTime();
                } else if (System.nanoTime() - quietSince > 1_000_000_000L) {
                    return true;
                }
            } else {
                quietSince = -1;
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

    /** Whether the head stream has seen the transaction as pending, or the recent window is not full yet. */
    private boolean pendingOrFresh(String transactionId) {
        synchronized (lock) {
            return pending.containsKey(transactionId) || recent.size() < RECENT;
        }
    }

    boolean isApplied(String transactionId) {
        return jdbc.sql("SELECT count(*) FROM projected_events WHERE tx_id = :t").param("t", transactionId)
                .query(Long.class).single() > 0;
    }

    // ---- state ----------------------------------------------------------------------------------------------

    Status status() {
        ProjectionCheckpointer.Position at;
        try {
            at = checkpointer.position();
        } catch (RuntimeException e) {
            at = new ProjectionCheckpointer.Position(-1, -1, null, -1);
        }
        int lagEvents;
        long lagBlocks;
        double lagSeconds;
        synchronized (lock) {
            lagEvents = pending.size();
            Pending oldest = pending.isEmpty() ? null : pending.values().iterator().next();
            lagBlocks = oldest == null ? 0 : Math.max(1, headBlock - oldest.block() + 1);
            lagSeconds = oldest == null ? 0 : (System.nanoTime() - oldest.seenAtNanos()) / 1e9;
        }
        return new Status(properties.enabled(), running, leaderConnection != null, connected, headConnected, at.block(),
                at.txIndex(),
                at.transactionId(), at.eventsApplied(), duplicates.get(), rejected.get(), headBlock, lagEvents, lagBlocks,
                lagSeconds, lastEventAt, lastError, lastErrorAt);
    }

    Duration healthMaxLag() {
        return properties.healthMaxLag();
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private void failed(String what, RuntimeException e, Duration retryIn) {
        String message = e.getClass().getSimpleName() + ": " + e.getMessage();
        boolean repeated = message.equals(lastError);
        lastError = message;
        lastErrorAt = Instant.now();
        if (repeated) {
            log.debug("projector {} failed again: {}; retrying in {}", what, message, retryIn);
        } else {
            log.warn("projector {} failed: {}; retrying in {}", what, message, retryIn);
        }
    }

    private Duration next(Duration delay) {
        Duration doubled = delay.multipliedBy(2);
        return doubled.compareTo(properties.maxRetryDelay()) > 0 ? properties.maxRetryDelay() : doubled;
    }

    private void pause(Duration d) {
        synchronized (wake) {
            try {
                if (running) {
                    wake.wait(Math.max(1, d.toMillis()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void closeQuietly(CloseableIterator<?> it) {
        if (it != null) {
            try {
                it.close();
            } catch (RuntimeException ignored) {
                // closing cancels the stream; its failure changes nothing
            }
        }
    }

    private static void join(Thread t) {
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
