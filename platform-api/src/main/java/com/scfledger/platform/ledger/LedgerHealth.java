package com.scfledger.platform.ledger;

import java.util.Map;

import io.grpc.ConnectivityState;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The ledger's part of /actuator/health: which organisations are configured and the state of each
 * peer channel opened so far. A channel in TRANSIENT_FAILURE makes the ledger DOWN; a network that
 * is not configured is UNKNOWN (the API serves reads without it).
 */
@Component("ledger")
class LedgerHealth implements HealthIndicator {

    private final FabricNetwork network;
    private final PeerChannels channels;

    LedgerHealth(FabricNetwork network, PeerChannels channels) {
        this.network = network;
        this.channels = channels;
    }

    @Override
    public Health health() {
        if (network.orgs().isEmpty()) {
            return Health.unknown().withDetail("problems", network.problems()).build();
        }
        Map<String, ConnectivityState> states = channels.states();
        Health.Builder b = states.containsValue(ConnectivityState.TRANSIENT_FAILURE) ? Health.down() : Health.up();
        return b.withDetail("source", network.source()).withDetail("channel", network.channel())
                .withDetail("chaincode", network.chaincode()).withDetail("organisations", network.orgs().keySet())
                .withDetail("peers", states).build();
    }
}
