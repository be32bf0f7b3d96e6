package com.scfledger.platform.ledger;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param networkEnv       path of the network settings file (SCF_NETWORK_ENV); empty to look for
 *                         {@code fabric-network/.run/network.env} from the working directory upwards
 * @param deadlines        a deadline for each phase of a ledger call
 * @param gatewayOrg       the organisation whose peer every enterprise's Gateway connects through while
 *                         it is reachable (SCF_GATEWAY_ORG, default PLATFORM: the operator's own peer). One
 *                         peer for all keeps reads consistent with writes: the Gateway waits for the commit
 *                         on its own peer only, and another organisation's peer may still lag by a block, so
 *                         a follow-up call sent there could miss the write that was just confirmed.
 * @param gatewayFallbacks the organisations whose peers take over, in this order, when the gateway
 *                         organisation's peer cannot be reached (SCF_GATEWAY_FALLBACKS; default: every
 *                         other organisation)
 * @param endorserQuarantine how long an organisation that failed to endorse is left out of proposals (while
 *                         the others are still a majority) before it is asked again
 */
@ConfigurationProperties("scf.fabric")
record LedgerProperties(String networkEnv, @DefaultValue Deadlines deadlines, @DefaultValue("PLATFORM") Org gatewayOrg,
                        List<Org> gatewayFallbacks, @DefaultValue("PT30S") Duration endorserQuarantine) {

    LedgerProperties {
        gatewayOrg = gatewayOrg == null ? Org.PLATFORM : gatewayOrg;
        if (gatewayFallbacks == null) {
            gatewayFallbacks = List.of(Org.values());
        }
        gatewayFallbacks = gatewayFallbacks.stream().filter(o -> o != null).distinct().toList();
        endorserQuarantine = endorserQuarantine == null ? Duration.ofSeconds(30) : endorserQuarantine;
    }

    /** The gateway organisation first, then its fallbacks. */
    List<Org> gatewayPeers() {
        Set<Org> ordered = new LinkedHashSet<>();
        ordered.add(gatewayOrg);
        ordered.addAll(gatewayFallbacks);
        return List.copyOf(ordered);
    }

    /**
     * Together with the read model's wait they bound how long a client waits for a write's answer: endorse 10 s
     * (one more endorsement after an organisation failed included), submit 4 s, commit status 10 s, read model
     * 4 s: 28 s at most.
     *
     * @param evaluate     a query, end to end
     * @param endorse      collecting endorsements for a transaction proposal
     * @param submit       handing the endorsed transaction to the orderer
     * @param commitStatus waiting until the transaction is committed (or found invalid) in a block
     */
    record Deadlines(@DefaultValue("PT5S") Duration evaluate, @DefaultValue("PT10S") Duration endorse,
                     @DefaultValue("PT4S") Duration submit, @DefaultValue("PT10S") Duration commitStatus) {
    }
}
