package com.scfledger.platform.payable;

import com.scfledger.platform.ledger.LedgerClient;
import org.hyperledger.fabric.client.Gateway;

/** A feature class that breaks the ledger boundary, so the boundary's rules can be seen to catch it. */
class RawLedgerCallerFixture {

    byte[] bypassTheWritePath(LedgerClient client) {
        return client.evaluate("E1", "GetToken", "T1");
    }

    Object gateway(Gateway gateway) {
        return gateway.getNetwork("scf");
    }
}
