package com.scfledger.platform.ledger;

import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.Checkpoint;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.protos.peer.FilteredBlock;
import org.springframework.stereotype.Component;

/** {@link LedgerEvents} over the enterprise's Gateway (the shared channel to the gateway organisation's peer). */
@Component
class FabricLedgerEvents implements LedgerEvents {

    private final LedgerSigners signers;
    private final GatewayRegistry gateways;
    private final FabricNetwork network;

    FabricLedgerEvents(LedgerSigners signers, GatewayRegistry gateways, FabricNetwork network) {
        this.signers = signers;
        this.gateways = gateways;
        this.network = network;
    }

    @Override
    public CloseableIterator<ChaincodeEvent> chaincodeEvents(String enterpriseId, Checkpoint checkpoint) {
        return network(enterpriseId).newChaincodeEventsRequest(network.chaincode()).checkpoint(checkpoint).build()
                .getEvents();
    }

    @Override
    public CloseableIterator<FilteredBlock> filteredBlocks(String enterpriseId, long startBlock) {
        return network(enterpriseId).newFilteredBlockEventsRequest().startBlock(startBlock).build().getEvents();
    }

    @Override
    public String chaincodeName() {
        return network.chaincode();
    }

    private Network network(String enterpriseId) {
        return gateways.gatewayFor(signers.credentialsOf(enterpriseId)).getNetwork(network.channel());
    }
}
