package com.scfledger.chaincode.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.InvalidKeyException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.X509Identity;

import com.scfledger.signing.client.KeyStores;
import com.scfledger.signing.client.LedgerKey;

/**
 * One gRPC channel per peer, shared by every Gateway connected through it (as the Gateway SDK intends),
 * with explicit deadlines per phase. Close it to shut the channels down.
 */
public final class Gateways implements AutoCloseable {

    private final NetworkEnv env;
    private final Map<NetworkEnv.Org, ManagedChannel> channels = new EnumMap<>(NetworkEnv.Org.class);

    public Gateways(final NetworkEnv env) {
        this.env = env;
    }

    /** A Gateway for {@code identity}, connected through {@code org}'s peer. The caller closes it. */
    public Gateway connect(final EnrolledIdentity identity, final NetworkEnv.Org org) {
        try {
            X509Certificate certificate = Identities.readX509Certificate(Files.newBufferedReader(identity.certificate()));
            LedgerKey key = KeyStores.inMemory(Identities.readPrivateKey(Files.newBufferedReader(identity.privateKey())),
                    certificate.getPublicKey());
            return Gateway.newInstance()
                    .identity(new X509Identity(identity.mspId(), certificate))
                    // the key hashes what it signs (SHA-256), so the Gateway hands it the message itself
                    .signer(key::sign)
                    .hash(Hash.NONE)
                    .connection(channel(org))
                    .evaluateOptions(options -> options.withDeadlineAfter(10, TimeUnit.SECONDS))
                    .endorseOptions(options -> options.withDeadlineAfter(20, TimeUnit.SECONDS))
                    .submitOptions(options -> options.withDeadlineAfter(10, TimeUnit.SECONDS))
                    .commitStatusOptions(options -> options.withDeadlineAfter(60, TimeUnit.SECONDS))
                    .connect();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateException | InvalidKeyException e) {
            throw new IllegalStateException("unusable identity " + identity.enrollmentId(), e);
        }
    }

    private synchronized ManagedChannel channel(final NetworkEnv.Org org) {
        return channels.computeIfAbsent(org, o -> {
            try {
                // Peers require a client certificate (mutual TLS): the one network.env gives to clients.
                var credentials = TlsChannelCredentials.newBuilder()
                        .trustManager(new java.io.File(env.get(o, "PEER_TLS_CA")))
                        .keyManager(new java.io.File(env.get("SCF_CLIENT_TLS_CERT")),
                                new java.io.File(env.get("SCF_CLIENT_TLS_KEY")))
                        .build();
                return Grpc.newChannelBuilder(env.get(o, "PEER_ENDPOINT"), credentials).build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public synchronized void close() throws InterruptedException {
        for (ManagedChannel channel : channels.values()) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        channels.clear();
    }
}
