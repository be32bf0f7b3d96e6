package com.scfledger.platform.ledger;

import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.Checkpoint;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.protos.peer.FilteredBlock;

/**
 * Event streams from the gateway organisation's peer, read with an enterprise's identity (the
 * projector uses the platform operator's). Iterators block until the next event arrives; closing
 * one cancels its stream. Failures surface from {@code hasNext()}/{@code next()} as the SDK's
 * {@link org.hyperledger.fabric.client.GatewayRuntimeException}.
 */
public interface LedgerEvents {

    /** The SCF chaincode's events of committed, valid transactions, in block order, after the checkpoint. */
    CloseableIterator<ChaincodeEvent> chaincodeEvents(String enterpriseId, Checkpoint checkpoint);

    /** Filtered blocks (transaction ids, validation codes, event names; no payloads) from {@code startBlock}. */
    CloseableIterator<FilteredBlock> filteredBlocks(String enterpriseId, long startBlock);

    /** The SCF chaincode's name, which filtered blocks carry on each chaincode event. */
    String chaincodeName();
}
