package com.scfledger.platform.ledger;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param networkEnv path of the network settings file (SCF_NETWORK_ENV); empty to look for
 *                   {@code fabric-network/.run/network.env} from the working directory upwards
 * @param deadlines  a deadline for each phase of a ledger call
 */
@ConfigurationProperties("scf.fabric")
record LedgerProperties(String networkEnv, @DefaultValue Deadlines deadlines) {

    /**
     * @param evaluate     a query, end to end
     * @param endorse      collecting endorsements for a transaction proposal
     * @param submit       handing the endorsed transaction to the orderer
     * @param commitStatus waiting until the transaction is committed (or found invalid) in a block
     */
    record Deadlines(@DefaultValue("PT5S") Duration evaluate, @DefaultValue("PT15S") Duration endorse,
                     @DefaultValue("PT5S") Duration submit, @DefaultValue("PT60S") Duration commitStatus) {
    }
}
