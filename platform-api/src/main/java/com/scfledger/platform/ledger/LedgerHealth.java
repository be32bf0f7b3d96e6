package com.scfledger.platform.ledger;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.scfledger.platform.domain.DomainException;
import io.grpc.ConnectivityState;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The ledger's part of /actuator/health:
 * <ul>
 *   <li>{@code gatewayPeer}: the peer Gateways go through now (the gateway organisation's, or a fallback while
 *       it cannot be reached), and whether it answers: a query of its chain height ({@code height}, within
 *       {@link #PROBE_DEADLINE}) signed by the platform operator. A paused or wedged peer still accepts TCP
 *       connections and keeps a READY gRPC channel, so only an answer shows it is alive;
 *       {@code gatewayPeers}: the order peers are tried in;</li>
 *   <li>{@code channels}: the state of each gRPC channel opened so far;</li>
 *   <li>{@code peers}: whether each organisation's peer accepts connections (a TCP probe, 1 s): the gateway peer
 *       reaches the others for endorsement, so their absence shows here first;</li>
 *   <li>{@code endorsers}: each organisation as the write path sees it, HEALTHY or SET_ASIDE after it failed to
 *       endorse (writes then go to the others while they are a majority).</li>
 * </ul>
 * DOWN when no gateway peer answers the probe in time (the one in use, or the one calls fail over to); another
 * organisation's peer may be down while the endorsement policy is still met. A network that is not configured is
 * UNKNOWN.
 */
@Component("ledger")
class LedgerHealth implements HealthIndicator {

    static final Duration PROBE_DEADLINE = Duration.ofSeconds(2);

    private final FabricNetwork network;
    private final PeerChannels channels;
    private final GatewayRegistry gateways;
    private final LedgerClient client;
    private final Endorsers endorsers;
    private final String operatorId;

    LedgerHealth(FabricNetwork network, PeerChannels channels, GatewayRegistry gateways, LedgerClient client,
                 Endorsers endorsers, @Value("${scf.platform.operator-enterprise-id:PLATFORM}") String operatorId) {
        this.network = network;
        this.channels = channels;
        this.gateways = gateways;
        this.client = client;
        this.endorsers = endorsers;
        this.operatorId = operatorId;
    }

    @Override
    public Health health() {
        if (network.orgs().isEmpty()) {
            return Health.unknown().withDetail("problems", network.problems()).build();
        }
        String inUse = gateways.currentEndpoint();
        Map<String, String> peers = new LinkedHashMap<>();
        network.orgs().forEach((org, settings) -> peers.put(org.name(), reachable(settings.peerEndpoint()) ? "UP" : "DOWN"));
        Map<String, Object> gatewayPeer = new LinkedHashMap<>();
        gatewayPeer.put("endpoint", inUse);
        boolean answers = probe(gatewayPeer);
        Map<String, ConnectivityState> states = channels.states();
        // The answer decides: a channel that failed while a peer was away stays in TRANSIENT_FAILURE until its next
        // call, though calls already go through another peer and the probe has just been answered.
        boolean up = answers;
        return (up ? Health.up() : Health.down()).withDetail("source", network.source())
                .withDetail("channel", network.channel()).withDetail("chaincode", network.chaincode())
                .withDetail("organisations", network.orgs().keySet()).withDetail("gatewayPeer", gatewayPeer)
                .withDetail("gatewayPeers", gateways.gatewayPeers()).withDetail("mutualTls", network.clientTls().isPresent())
                .withDetail("channels", states).withDetail("peers", peers).withDetail("endorsers", endorsers.status())
                .build();
    }

    /** Asks the gateway peer its chain height; false only when the peer itself did not answer. */
    private boolean probe(Map<String, Object> details) {
        long start = System.nanoTime();
        try {
            details.put("height", client.chainHeight(operatorId, PROBE_DEADLINE));
            details.put("status", "ANSWERS");
            return true;
        } catch (LedgerFailure f) {
            details.put("status", f.code());
            details.put("detail", f.detail());
            return false;
        } catch (DomainException notEnrolled) {
            // the operator has no ledger identity yet: nothing to sign the probe with, which says nothing of the peer
            details.put("status", "NOT_PROBED");
            details.put("detail", notEnrolled.getMessage());
            return true;
        } finally {
            details.put("probeMillis", (System.nanoTime() - start) / 1_000_000);
        }
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
