package com.scfledger.platform.ledger;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;


/**
 * One gRPC channel per peer endpoint, created on first use and shared by every enterprise's
 * Gateway on that peer (a channel multiplexes calls over HTTP/2; per-identity channels would only
 * multiply connections and TLS handshakes). TLS trusts only the organisation's TLS CA and presents
 * the API's client certificate, since peers require mutual TLS.
 *
 * <p>Each channel's connectivity is watched, so that {@link #usable} can tell a peer that failed a
 * moment ago from one that is merely idle: the Gateway registry fails over on it.
 */
@Component
class PeerChannels {

    private static final Logger log = LoggerFactory.getLogger(PeerChannels.class);
    /** A peer whose connection failed within this window is not used while another one is ready. */
    static final long FAILURE_MEMORY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Map<String, Watched> channels = new ConcurrentHashMap<>();
    private final FabricNetwork network;

    PeerChannels(FabricNetwork network) {
        this.network = network;
    }

    ManagedChannel channelFor(OrgSettings org) {
        return watched(org).channel();
    }

    /**
     * True when the peer's channel is connected, or is not known to have failed lately (an idle or
     * new channel connects on its first call). Asking also makes an idle channel connect.
     */
    boolean usable(OrgSettings org) {
        Watched w = watched(org);
        ConnectivityState state = w.channel().getState(true);
        if (state == ConnectivityState.READY) {
            return true;
        }
        if (state == ConnectivityState.TRANSIENT_FAILURE) {
            w.retrySoon();
            return false;
        }
        return System.nanoTime() - w.lastFailure > FAILURE_MEMORY_NANOS;
    }

    /** The connectivity state of each channel opened so far, by endpoint (for health). */
    Map<String, ConnectivityState> states() {
        Map<String, ConnectivityState> out = new TreeMap<>();
        channels.forEach((endpoint, w) -> out.put(endpoint, w.channel().getState(false)));
        return out;
    }

    private Watched watched(OrgSettings org) {
        return channels.computeIfAbsent(org.peerEndpoint(), endpoint -> {
            Watched w = new Watched(open(org));
            w.follow(ConnectivityState.IDLE);
            return w;
        });
    }

    private ManagedChannel open(OrgSettings org) {
        try {
            SslContextBuilder tls = GrpcSslContexts.forClient().trustManager(org.peerTlsCa().toFile());
            network.clientTls().ifPresent(c -> tls.keyManager(c.certificate().toFile(), c.privateKey().toFile()));
            NettyChannelBuilder builder = NettyChannelBuilder.forTarget(org.peerEndpoint())
                    .sslContext(tls.build())
                    .keepAliveTime(60, TimeUnit.SECONDS)
                    .keepAliveTimeout(20, TimeUnit.SECONDS)
                    .maxInboundMessageSize(64 * 1024 * 1024);
            if (org.peerHostAlias() != null && !org.peerHostAlias().isBlank()) {
                builder.overrideAuthority(org.peerHostAlias());
            }
            log.info("opening the gRPC channel to {} ({}, client certificate: {})", org.peerEndpoint(), org.mspId(),
                    network.clientTls().isPresent() ? "yes" : "none");
            return builder.build();
        } catch (Exception e) {
            throw new LedgerOutage(LedgerOutage.Kind.PEER_UNAVAILABLE, "Cannot open a TLS channel to the peer "
                    + org.peerEndpoint() + ": " + e.getMessage(), null, null, e);
        }
    }

    /** A channel and when it last went into TRANSIENT_FAILURE. */
    private static final class Watched {
        private final ManagedChannel channel;
        private static final long RESET_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(5);
        private volatile long lastFailure = System.nanoTime() - FAILURE_MEMORY_NANOS - 1;
        private volatile long lastBackoffReset = System.nanoTime();

        Watched(ManagedChannel channel) {
            this.channel = channel;
        }

        ManagedChannel channel() {
            return channel;
        }

        /** gRPC's reconnect backoff grows to minutes; a peer that is back should be found within seconds. */
        void retrySoon() {
            long now = System.nanoTime();
            if (now - lastBackoffReset > RESET_BACKOFF_NANOS) {
                lastBackoffReset = now;
                channel.resetConnectBackoff();
            }
        }

        void follow(ConnectivityState seen) {
            if (channel.isShutdown()) {
                return;
            }
            channel.notifyWhenStateChanged(seen, () -> {
                ConnectivityState now = channel.getState(false);
                if (now == ConnectivityState.TRANSIENT_FAILURE) {
                    lastFailure = System.nanoTime();
                }
                follow(now);
            });
        }
    }

    @PreDestroy
    void close() {
        channels.values().forEach(w -> w.channel().shutdown());
        for (Watched w : channels.values()) {
            try {
                if (!w.channel().awaitTermination(5, TimeUnit.SECONDS)) {
                    w.channel().shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                w.channel().shutdownNow();
            }
        }
        channels.clear();
    }
}
