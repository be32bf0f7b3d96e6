package com.scfledger.platform.ledger;

import java.time.Duration;

/**
 * Lets a ledger write wait until the read model shows it, so a client that reads right after its write sees it. The
 * write path ({@link ScfLedger}) owns this port; the read model implements it.
 */
public interface ReadModelSync {

    /**
     * Waits until the event of the given committed transaction is in the read model.
     *
     * @return true when it is; false when the projector is not running or the wait timed out
     */
    boolean awaitApplied(String transactionId, Duration timeout);

    /** {@link #awaitApplied(String, Duration)} with the configured timeout ({@code scf.projector.await-timeout}). */
    boolean awaitApplied(String transactionId);
}
