package com.scfledger.platform.ledger;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.Map;

import io.grpc.ConnectivityState;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The ledger's part of /actuator/health:
 * <ul>
 *   <li>{@code gatewayPeer}: the peer Gateways go through now (the gateway organisation's, or a fallback
 *       while it cannot be reached), {@code gatewayPeers}: the order they are tried in, and
 *       {@code channels}: the state of each gRPC channel opened so far;</li>
 *   <li>{@code peers}: whether each organisation's peer accepts connections (a TCP probe, 1 s): the
 *       gateway peer reaches the others for endorsement, so their absence shows here first.</li>
 * </ul>
 * DOWN when the peer in use is in TRANSIENT_FAILURE (no peer left to fail over to); a peer that does
 * not accept connections is reported in {@code peers} (another organisation's may be down while the
 * endorsement policy is still met).
 * A network that is not configured is UNKNOWN.
 */
@Component("ledger")
class LedgerHealth implements HealthIndicator {

    private final FabricNetwork network;
    private final PeerChannels channels;
    private final GatewayRegistry gateways;

    LedgerHealth(FabricNetwork network, PeerChannels channels, GatewayRegistry gateways) {
        this.network = network;
        this.channels = channels;
        this.gateways = gateways;
    }

    @Override
    public Health health() {
        if (network.orgs().isEmpty()) {
            return Health.unknown().withDetail("problems", network.problems()).build();
        }
        String inUse = gateways.currentEndpoint();
        Map<String, ConnectivityState> states = channels.states();
        Map<String, String> peers = new LinkedHashMap<>();
        network.orgs().forEach((org, settings) -> peers.put(org.name(), reachable(settings.peerEndpoint()) ? "UP" : "DOWN"));
        Health.Builder b = states.get(inUse) == ConnectivityState.TRANSIENT_FAILURE ? Health.down() : Health.up();
        return b.withDetail("source", network.source()).withDetail("channel", network.channel())
                .withDetail("chaincode", network.chaincode()).withDetail("organisations", network.orgs().keySet())
                .withDetail("gatewayPeer", inUse).withDetail("gatewayPeers", gateways.gatewayPeers())
                .withDetail("mutualTls", network.clientTls().isPresent())
                .withDetail("channels", states).withDetail("peers", peers).build();
    }

    private static boolean reachable(String endpoint) {
        int colon = endpoint.lastIndexOf(':');
        if (colon < 0) {
            return false;
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(endpoint.substring(0, colon), Integer.parseInt(endpoint.substring(colon + 1))), 1000);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
