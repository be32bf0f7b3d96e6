package com.scfledger.platform.readmodel;

import java.util.Optional;
import java.util.OptionalLong;

import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.Checkpointer;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Gateway SDK's {@link Checkpointer}, kept in the {@code projector_checkpoint} row of one
 * projector. Every method runs in the caller's database transaction, so the projector moves the
 * checkpoint in the same transaction as the rows of the event it applied: after a crash either
 * both are there or neither is, and the stream resumes right after the last applied event.
 *
 * <p>The position is the SDK's (block number, transaction id: resume in that block after that
 * transaction) plus the event's index among this chaincode's events in its block.
 */
final class ProjectionCheckpointer implements Checkpointer {

    /** Where the projector stands; {@code txIndex} -1 and {@code transactionId} null before the block's first event. */
    record Position(long block, int txIndex, String transactionId, long eventsApplied) {

        /** The index the next event gets if it is in {@code eventBlock}. */
        int nextIndex(long eventBlock) {
            return eventBlock == block ? txIndex + 1 : 0;
        }
    }

    private final JdbcClient jdbc;
    private final String projector;

    ProjectionCheckpointer(JdbcClient jdbc, String projector) {
        this.jdbc = jdbc;
        this.projector = projector;
    }

    Position position() {
        return read("");
    }

    /** The position, with the row locked until the end of the transaction (one writer at a time). */
    Position lockPosition() {
        return read(" FOR UPDATE");
    }

    private Position read(String lock) {
        return jdbc.sql("SELECT block_number, tx_index, transaction_id, events_applied FROM projector_checkpoint "
                        + "WHERE projector = :p" + lock)
                .param("p", projector)
                .query((rs, i) -> new Position(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getLong(4)))
                .optional()
                .orElseGet(() -> {
                    jdbc.sql("INSERT INTO projector_checkpoint (projector, block_number, tx_index) VALUES (:p, 0, -1) "
                            + "ON CONFLICT DO NOTHING").param("p", projector).update();
                    return new Position(0, -1, null, 0);
                });
    }

    @Override
    public OptionalLong getBlockNumber() {
        return OptionalLong.of(position().block());
    }

    @Override
    public Optional<String> getTransactionId() {
        return Optional.ofNullable(position().transactionId());
    }

    @Override
    public void checkpointBlock(long blockNumber) {
        write(blockNumber + 1, -1, null, 0);
    }

    @Override
    public void checkpointTransaction(long blockNumber, String transactionId) {
        Position p = position();
        write(blockNumber, p.nextIndex(blockNumber), transactionId, 1);
    }

    @Override
    public void checkpointChaincodeEvent(ChaincodeEvent event) {
        checkpointTransaction(event.getBlockNumber(), event.getTransactionId());
    }

    /** After a batch: the last applied event's position, and how many events the batch applied. */
    void moveTo(long block, int txIndex, String transactionId, int applied) {
        write(block, txIndex, transactionId, applied);
    }

    /** Back to the start of the chain: the next stream begins at block 0. */
    void reset() {
        jdbc.sql("UPDATE projector_checkpoint SET block_number = 0, tx_index = -1, transaction_id = NULL, "
                + "events_applied = 0, updated_at = now() WHERE projector = :p").param("p", projector).update();
    }

    private void write(long block, int txIndex, String transactionId, int applied) {
        jdbc.sql("""
                UPDATE projector_checkpoint SET block_number = :b, tx_index = :i, transaction_id = :t,
                       events_applied = events_applied + :n, updated_at = now()
                WHERE projector = :p""")
                .param("b", block).param("i", txIndex).param("t", transactionId).param("n", applied)
                .param("p", projector).update();
    }
}
