package com.scfledger.platform.ledger;

import java.util.Optional;

import com.scfledger.contract.ledger.LedgerEvent;

/**
 * A ledger write that is done.
 *
 * @param transactionId       the Fabric transaction that did it
 * @param blockNumber         its block
 * @param event               the chaincode's result: the event payload, with the new state of every record it
 *                            changed
 * @param readModelApplied    whether the read model already shows it
 * @param confirmedFromLedger true when this call's submit was refused because an earlier submit with the same
 *                            request id had done it; the ledger's request record names that transaction, and its
 *                            block and result are read back from the ledger
 */
public record Committed(String transactionId, long blockNumber, LedgerEvent event, boolean readModelApplied,
                        boolean confirmedFromLedger) {

    /** The chaincode's result (absent only for a transaction that returned none). */
    public Optional<LedgerEvent> result() {
        return Optional.ofNullable(event);
    }

    Committed withReadModelApplied(boolean applied) {
        return new Committed(transactionId, blockNumber, event, applied, confirmedFromLedger);
    }
}
