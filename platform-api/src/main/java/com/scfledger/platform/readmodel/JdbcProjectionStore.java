package com.scfledger.platform.readmodel;

import java.util.ArrayList;
import java.util.List;

import org.hyperledger.fabric.client.ChaincodeEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The read model in PostgreSQL, written through {@link EventProjection} and {@link ProjectionCheckpointer}. */
@Component
class JdbcProjectionStore implements ProjectionStore {

    private static final Logger log = LoggerFactory.getLogger(Projector.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final EventProjection projection;
    private final ProjectionCheckpointer checkpointer;

    JdbcProjectionStore(JdbcClient jdbc, TransactionTemplate tx, EventProjection projection,
                        ProjectionCheckpointer checkpointer) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.projection = projection;
        this.checkpointer = checkpointer;
    }

    @Override
    public boolean applyAll(List<ChaincodeEvent> events) {
        try {
            tx.executeWithoutResult(s -> {
                ProjectionCheckpointer.Position at = checkpointer.lockPosition();
                long block = at.block();
                int index = at.txIndex();
                List<EventProjection.Incoming> incoming = new ArrayList<>(events.size());
                for (ChaincodeEvent e : events) {
                    index = e.getBlockNumber() == block ? index + 1 : 0;
                    block = e.getBlockNumber();
                    incoming.add(new EventProjection.Incoming(e.getTransactionId(), e.getEventName(), block, index,
                            e.getPayload()));
                }
                projection.applyAll(incoming);
                checkpointer.moveTo(block, index, events.get(events.size() - 1).getTransactionId(), events.size());
            });
            return true;
        } catch (IllegalArgumentException | EventProjection.DuplicateInBatch oneByOne) {
            return false;
        }
    }

    @Override
    public Outcome apply(ChaincodeEvent event) {
        try {
            return tx.execute(s -> {
                ProjectionCheckpointer.Position at = checkpointer.lockPosition();
                if (!projection.apply(event.getTransactionId(), event.getEventName(), event.getBlockNumber(),
                        at.nextIndex(event.getBlockNumber()), event.getPayload())) {
                    return Outcome.DUPLICATE;
                }
                checkpointer.checkpointChaincodeEvent(event);
                return Outcome.APPLIED;
            });
        } catch (IllegalArgumentException e) {
            log.error("event {} of transaction {} in block {} cannot be projected and is skipped: {}",
                    event.getEventName(), event.getTransactionId(), event.getBlockNumber(), e.getMessage());
            return reject(event);
        }
    }

    private Outcome reject(ChaincodeEvent event) {
        return tx.execute(s -> {
            ProjectionCheckpointer.Position at = checkpointer.lockPosition();
            int inserted = jdbc.sql("""
                    INSERT INTO projected_events (tx_id, block_number, tx_index, event_name, rejected)
                    VALUES (:tx, :b, :i, :n, true) ON CONFLICT (tx_id) DO NOTHING""")
                    .param("tx", event.getTransactionId()).param("b", event.getBlockNumber())
                    .param("i", at.nextIndex(event.getBlockNumber())).param("n", event.getEventName()).update();
            if (inserted == 0) {
                return Outcome.DUPLICATE;
            }
            checkpointer.checkpointChaincodeEvent(event);
            return Outcome.REJECTED;
        });
    }

    @Override
    public boolean isApplied(String transactionId) {
        return jdbc.sql("SELECT count(*) FROM projected_events WHERE tx_id = :t").param("t", transactionId)
                .query(Long.class).single() > 0;
    }

    @Override
    public ProjectionCheckpointer.Position position() {
        return checkpointer.position();
    }

    @Override
    public void empty() {
        tx.executeWithoutResult(s -> {
            checkpointer.lockPosition();
            jdbc.sql("TRUNCATE " + String.join(", ", RecordType.TABLES)).update();
            checkpointer.reset();
        });
    }
}
