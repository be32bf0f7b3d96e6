package com.scfledger.platform.ledger;

import java.util.concurrent.TimeUnit;

import org.hyperledger.fabric.client.EndorseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Endorses the same proposal again while other organisations' peers catch up. A client that saw its write commit
 * (on the gateway organisation's peer) may make the next write at once, and a peer of another organisation a block
 * behind refuses it: the payable it splits is not there yet. That refusal is not the chaincode's answer, so the
 * proposal is endorsed again after a short pause, the pauses doubling, within the one endorse deadline. Nothing was
 * submitted, so endorsing again is safe; the proposal, its transaction id and its signature stay the same.
 */
final class CatchUpEndorsement {

    private static final Logger log = LoggerFactory.getLogger(CatchUpEndorsement.class);
    private static final long FIRST_PAUSE_MILLIS = 25;
    private static final long LONGEST_PAUSE_MILLIS = 400;

    /** One endorsement, given the milliseconds left of the endorse deadline. */
    @FunctionalInterface
    interface Attempt<T> {
        T endorse(long millisLeft) throws EndorseException;
    }

    private CatchUpEndorsement() {
    }

    /**
     * @param askedOrganisations how many organisations the proposal names, 0 when the Gateway chooses them
     * @param endorseUntilNanos  the end of the endorse deadline, on {@link System#nanoTime()}
     */
    static <T> T endorse(String transaction, int askedOrganisations, long endorseUntilNanos, Attempt<T> attempt)
            throws EndorseException {
        long pause = FIRST_PAUSE_MILLIS;
        for (int tries = 1; ; tries++) {
            long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(endorseUntilNanos - System.nanoTime()));
            try {
                return attempt.endorse(left);
            } catch (EndorseException e) {
                // another attempt needs its pause and about as long again to endorse
                if (!LedgerErrors.endorsersBehind(e, askedOrganisations) || left < 3 * pause) {
                    throw e;
                }
                log.debug("{} attempt {}: endorsers behind the gateway peer, endorsing again in {} ms", transaction,
                        tries, pause);
                pause(pause);
                pause = Math.min(2 * pause, LONGEST_PAUSE_MILLIS);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new LedgerOutage(LedgerOutage.Kind.LEDGER_ERROR, "Interrupted while the endorsers caught up.", null,
                    null, interrupted);
        }
    }
}
