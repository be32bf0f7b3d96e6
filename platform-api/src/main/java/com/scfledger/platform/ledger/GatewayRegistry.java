package com.scfledger.platform.ledger;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.hyperledger.fabric.client.CallOption;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.identity.Identity;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One Gateway per signing identity (an enterprise's own, or a user's personal one) and gateway peer, all
 * going through the same peer at a time (the gateway organisation's, PlatformOrg by default) over its one
 * shared gRPC channel, with a deadline for each phase: evaluate, endorse, submit and commit status. A
 * Gateway is cheap (it holds no connection of its own); it is replaced when the identity is enrolled again.
 *
 * <p>Why one peer at a time for every enterprise, whatever its organisation: the Gateway confirms a
 * commit on its own peer only. Another organisation's peer may commit the same block a little
 * later, so a follow-up transaction endorsed there (say, AcceptPayable right after RegisterPayable)
 * could read the state before the write and fail with NOT_FOUND. Endorsement still collects the
 * signatures the channel's policy needs from the other organisations' peers, through discovery.
 *
 * <p>When that peer's connection fails, calls go through the next organisation's peer in
 * {@link LedgerProperties#gatewayPeers()} order, so losing one peer does not stop the platform;
 * they come back to the preferred peer once it is connected again.
 */
@Component
class GatewayRegistry {

    private static final Logger log = LoggerFactory.getLogger(GatewayRegistry.class);
    private static final int MAX_UNSIGNED_IDENTITIES = 10_000;

    private record Entry(long version, Map<String, Gateway> byEndpoint) {
    }

    private record UnsignedKey(String mspId, X509Certificate certificate) {
    }

    private final PeerChannels channels;
    private final FabricNetwork network;
    private final LedgerProperties.Deadlines deadlines;
    private final List<Org> gatewayPeers;
    private final Map<Signer, Entry> gateways = new ConcurrentHashMap<>();
    private final Map<UnsignedKey, Identity> unsignedIdentities = new ConcurrentHashMap<>();
    private volatile String current;

    GatewayRegistry(PeerChannels channels, FabricNetwork network, LedgerProperties properties) {
        this.channels = channels;
        this.network = network;
        this.deadlines = properties.deadlines();
        this.gatewayPeers = properties.gatewayPeers();
    }

    /** The organisation whose peer Gateways connect through while it is reachable. */
    Org gatewayOrg() {
        return gatewayPeers.get(0);
    }

    /** The organisations whose peers Gateways may go through, in preference order. */
    List<Org> gatewayPeers() {
        return gatewayPeers;
    }

    /** The endpoint the last call went through (the gateway organisation's before any call); opens nothing. */
    String currentEndpoint() {
        String last = current;
        if (last != null) {
            return last;
        }
        return network.configured(gatewayOrg()) ? network.org(gatewayOrg()).peerEndpoint() : "none";
    }

    /** The peer calls go through now: the first one, in preference order, whose connection has not just failed. */
    OrgSettings gatewayPeer() {
        List<OrgSettings> candidates = new ArrayList<>();
        for (Org org : gatewayPeers) {
            if (network.configured(org)) {
                candidates.add(network.org(org));
            }
        }
        if (candidates.isEmpty()) {
            return network.org(gatewayOrg());
        }
        OrgSettings chosen = candidates.stream().filter(channels::usable).findFirst().orElse(candidates.get(0));
        String previous = current;
        if (!chosen.peerEndpoint().equals(previous)) {
            current = chosen.peerEndpoint();
            if (previous != null) {
                log.warn("gateway peer is now {} ({}), was {}", chosen.peerEndpoint(), chosen.mspId(), previous);
            }
        }
        return chosen;
    }

    Gateway gatewayFor(LedgerCredentials credentials) {
        OrgSettings peer = gatewayPeer();
        Entry entry = gateways.compute(credentials.signer(), (signer, existing) -> {
            if (existing != null && existing.version() == credentials.version()) {
                return existing;
            }
            if (existing != null) {
                existing.byEndpoint().values().forEach(Gateway::close);
            }
            return new Entry(credentials.version(), new ConcurrentHashMap<>());
        });
        return entry.byEndpoint().computeIfAbsent(peer.peerEndpoint(), endpoint -> connect(credentials, peer));
    }

    private Gateway connect(LedgerCredentials c, OrgSettings peer) {
        Gateway.Builder builder = Gateway.newInstance();
        network.clientTls().ifPresent(tls -> builder.tlsClientCertificateHash(tls.certificateHash()));
        return builder
                .identity(new X509Identity(c.mspId(), c.certificate()))
                .signer(P256Signer.of(c.privateKey()))
                .hash(Hash.SHA256)
                .connection(channels.channelFor(peer))
                .evaluateOptions(CallOption.deadlineAfter(deadlines.evaluate().toMillis(), TimeUnit.MILLISECONDS))
                .endorseOptions(CallOption.deadlineAfter(deadlines.endorse().toMillis(), TimeUnit.MILLISECONDS))
                .submitOptions(CallOption.deadlineAfter(deadlines.submit().toMillis(), TimeUnit.MILLISECONDS))
                .commitStatusOptions(CallOption.deadlineAfter(deadlines.commitStatus().toMillis(), TimeUnit.MILLISECONDS))
                .connect();
    }

    /**
     * A Gateway for an identity whose key the platform does not hold: it builds proposals and transactions for the
     * client to sign, and forwards what the client signed; it cannot sign anything itself. The caller closes it.
     */
    Gateway unsignedGatewayFor(String mspId, X509Certificate certificate) {
        OrgSettings peer = gatewayPeer();
        return Gateway.newInstance()
                .identity(unsignedIdentity(mspId, certificate))
                .hash(Hash.SHA256)
                .connection(channels.channelFor(peer))
                .endorseOptions(CallOption.deadlineAfter(deadlines.endorse().toMillis(), TimeUnit.MILLISECONDS))
                .submitOptions(CallOption.deadlineAfter(deadlines.submit().toMillis(), TimeUnit.MILLISECONDS))
                .connect();
    }

    /**
     * The client's identity, kept: building one encodes the certificate as PEM, which cost more than the rest of a
     * Gateway, three times per self-signed write. A certificate never changes; whether it may still sign is the
     * ledger's check.
     */
    private Identity unsignedIdentity(String mspId, X509Certificate certificate) {
        if (unsignedIdentities.size() >= MAX_UNSIGNED_IDENTITIES) {
            unsignedIdentities.clear();
        }
        return unsignedIdentities.computeIfAbsent(new UnsignedKey(mspId, certificate),
                key -> new X509Identity(mspId, certificate));
    }

    @EventListener
    void onIdentityChanged(LedgerIdentityChanged event) {
        gateways.entrySet().removeIf(entry -> {
            boolean stale = entry.getKey().enterpriseId().equals(event.enterpriseId());
            if (stale) {
                entry.getValue().byEndpoint().values().forEach(Gateway::close);
            }
            return stale;
        });
    }

    int size() {
        return gateways.size();
    }

    @PreDestroy
    void close() {
        gateways.values().forEach(e -> e.byEndpoint().values().forEach(Gateway::close));
        gateways.clear();
    }
}
