package com.scfledger.platform.ledger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.hyperledger.fabric.client.CallOption;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One Gateway per enterprise identity, all connected through the same peer (the gateway
 * organisation's, PlatformOrg by default) over its one shared gRPC channel, with a deadline for
 * each phase: evaluate, endorse, submit and commit status. A Gateway is cheap (it holds no
 * connection of its own); it is replaced when the enterprise is enrolled again.
 *
 * <p>Why one peer for every enterprise, whatever its organisation: the Gateway confirms a commit on
 * its own peer only. Another organisation's peer may commit the same block a little later, so a
 * follow-up transaction endorsed there (say, AcceptPayable right after RegisterPayable) could read
 * the state before the write and fail with NOT_FOUND. Endorsement still collects the signatures the
 * channel's policy needs from the other organisations' peers, through service discovery.
 */
@Component
class GatewayRegistry {

    private record Entry(long version, Gateway gateway) {
    }

    private final PeerChannels channels;
    private final FabricNetwork network;
    private final LedgerProperties.Deadlines deadlines;
    private final Org gatewayOrg;
    private final Map<String, Entry> gateways = new ConcurrentHashMap<>();

    GatewayRegistry(PeerChannels channels, FabricNetwork network, LedgerProperties properties) {
        this.channels = channels;
        this.network = network;
        this.deadlines = properties.deadlines();
        this.gatewayOrg = properties.gatewayOrg();
    }

    /** The organisation whose peer every Gateway connects through. */
    Org gatewayOrg() {
        return gatewayOrg;
    }

    Gateway gatewayFor(LedgerCredentials credentials) {
        Entry entry = gateways.compute(credentials.enterpriseId(), (id, current) -> {
            if (current != null && current.version() == credentials.version()) {
                return current;
            }
            if (current != null) {
                current.gateway().close();
            }
            return new Entry(credentials.version(), connect(credentials));
        });
        return entry.gateway();
    }

    private Gateway connect(LedgerCredentials c) {
        OrgSettings peer = network.org(gatewayOrg);
        return Gateway.newInstance()
                .identity(new X509Identity(c.mspId(), c.certificate()))
                .signer(Signers.newPrivateKeySigner(c.privateKey()))
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
    Gateway unsignedGatewayFor(String mspId, java.security.cert.X509Certificate certificate) {
        OrgSettings peer = network.org(gatewayOrg);
        return Gateway.newInstance()
                .identity(new X509Identity(mspId, certificate))
                .hash(Hash.SHA256)
                .connection(channels.channelFor(peer))
                .endorseOptions(CallOption.deadlineAfter(deadlines.endorse().toMillis(), TimeUnit.MILLISECONDS))
                .submitOptions(CallOption.deadlineAfter(deadlines.submit().toMillis(), TimeUnit.MILLISECONDS))
                .connect();
    }

    @EventListener
    void onIdentityChanged(LedgerIdentityChanged event) {
        Entry old = gateways.remove(event.enterpriseId());
        if (old != null) {
            old.gateway().close();
        }
    }

    int size() {
        return gateways.size();
    }

    @PreDestroy
    void close() {
        gateways.values().forEach(e -> e.gateway().close());
        gateways.clear();
    }
}
