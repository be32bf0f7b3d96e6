package com.scfledger.platform.ledger;

import tools.jackson.databind.JsonNode;

/**
 * A ledger write that is done.
 *
 * @param transactionId      the Fabric transaction that did it
 * @param blockNumber        its block, or -1 when it was only confirmed
 * @param event              the chaincode's result (the event payload: the new state of every record it changed);
 *                           empty when it was only confirmed
 * @param readModelApplied   whether the read model already shows it
 * @param confirmedFromLedger true when this call's submit was refused because an earlier submit with the same
 *                           request id had done it; the request record on the ledger names that transaction
 */
public record Committed(String transactionId, long blockNumber, JsonNode event, boolean readModelApplied,
                        boolean confirmedFromLedger) {
}
