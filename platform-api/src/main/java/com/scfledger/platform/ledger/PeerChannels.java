package com.scfledger.platform.ledger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;


/**
 * One gRPC channel per peer endpoint, created on first use and shared by every enterprise's
 * Gateway on that peer (a channel multiplexes calls over HTTP/2; per-identity channels would only
 * multiply connections and TLS handshakes). TLS trusts only the organisation's TLS CA.
 */
@Component
class PeerChannels {

    private static final Logger log = LoggerFactory.getLogger(PeerChannels.class);

    private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();

    ManagedChannel channelFor(OrgSettings org) {
        return channels.computeIfAbsent(org.peerEndpoint(), endpoint -> open(org));
    }

    /** The connectivity state of each channel opened so far, by endpoint (for health). */
    Map<String, ConnectivityState> states() {
        Map<String, ConnectivityState> out = new java.util.TreeMap<>();
        channels.forEach((endpoint, channel) -> out.put(endpoint, channel.getState(false)));
        return out;
    }

    private ManagedChannel open(OrgSettings org) {
        try {
            NettyChannelBuilder builder = NettyChannelBuilder.forTarget(org.peerEndpoint())
                    .sslContext(GrpcSslContexts.forClient().trustManager(org.peerTlsCa().toFile()).build())
                    .keepAliveTime(60, TimeUnit.SECONDS)
                    .keepAliveTimeout(20, TimeUnit.SECONDS)
                    .maxInboundMessageSize(64 * 1024 * 1024);
            if (org.peerHostAlias() != null && !org.peerHostAlias().isBlank()) {
                builder.overrideAuthority(org.peerHostAlias());
            }
            log.info("opening the gRPC channel to {} ({})", org.peerEndpoint(), org.mspId());
            return builder.build();
        } catch (Exception e) {
            throw new LedgerOutage(LedgerOutage.Kind.PEER_UNAVAILABLE, "Cannot open a TLS channel to the peer "
                    + org.peerEndpoint() + ": " + e.getMessage(), null, null, e);
        }
    }

    @PreDestroy
    void close() {
        channels.values().forEach(ManagedChannel::shutdown);
        for (ManagedChannel c : channels.values()) {
            try {
                if (!c.awaitTermination(5, TimeUnit.SECONDS)) {
                    c.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                c.shutdownNow();
            }
        }
        channels.clear();
    }
}
