package org.hyperledger.fabric.contract;

import org.hyperledger.fabric.contract.metadata.MetadataBuilder;

/**
 * Lets tests scan for contracts and build the metadata the way {@code ContractRouter.main} does before it
 * connects to a peer: the shim
 * keeps {@code findAllContracts} package-private, so this bridge lives in the shim's package (test code only).
 */
public final class ContractRouterAccess {

    private ContractRouterAccess() {
    }

    public static ContractRouter scannedRouter() {
        ContractRouter router = new ContractRouter(new String[] {"--id", "scf:test", "--peer.address", "127.0.0.1:7052"});
        router.findAllContracts();
        MetadataBuilder.initialize(router.getRoutingRegistry(), router.getTypeRegistry());
        return router;
    }
}
