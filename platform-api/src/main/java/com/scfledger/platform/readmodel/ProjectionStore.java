package com.scfledger.platform.readmodel;

import java.util.List;
import java.util.Locale;

import org.hyperledger.fabric.client.ChaincodeEvent;

/**
 * The read model's tables and the projector's checkpoint, always written together in one database
 * transaction: after a crash either an event's rows and the checkpoint past it are there, or neither.
 */
interface ProjectionStore {

    /** What became of an event; the lower-case name is the {@code outcome} tag of {@code scf.projector.events}. */
    enum Outcome {
        APPLIED, DUPLICATE, REJECTED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Applies the events, in order, and moves the checkpoint past the last, in one transaction.
     *
     * @return false, having changed nothing, when one of them cannot be read or was applied before:
     *         the caller applies them one by one then
     */
    boolean applyAll(List<ChaincodeEvent> events);

    /**
     * Applies one event with the checkpoint in one transaction. An event this API cannot read is
     * kept as rejected (no rows) so the stream goes on; one applied before changes nothing.
     */
    Outcome apply(ChaincodeEvent event);

    /** Whether the transaction's event is in the read model. */
    boolean isApplied(String transactionId);

    /** Where the projector stands. */
    ProjectionCheckpointer.Position position();

    /** Empties the read model and moves the checkpoint back to block 0, in one transaction. */
    void empty();
}
