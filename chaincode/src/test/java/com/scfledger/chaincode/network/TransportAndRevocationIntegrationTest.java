package com.scfledger.chaincode.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.TlsChannelCredentials;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transport and revocation on the real network, as an outside client with identities enrolled at BankOrg's CA:
 * a client without a TLS certificate does not get past the handshake, and a certificate revoked with
 * {@code scripts/network.sh revoke} (CA, then the channel's MSP through a config update) is refused by the peers.
 */
class TransportAndRevocationIntegrationTest {

    @TempDir
    static Path enrollments;

    private static NetworkEnv env;
    private static Gateways gateways;
    private static CaEnrollment ca;

    @BeforeAll
    static void connect() {
        env = NetworkEnv.load();
        gateways = new Gateways(env);
        ca = new CaEnrollment(env, enrollments);
    }

    @AfterAll
    static void closeChannels() throws InterruptedException {
        gateways.close();
    }

    @Test
    void aClientWithoutATlsCertificateIsRefusedWhileTheSameIdentityWithOneGetsThrough() throws Exception {
        EnrolledIdentity auditor = ca.enroll(NetworkEnv.Org.BANK, "it-tls-" + UUID.randomUUID(), Map.of("scf.role", "AUDITOR"));
        var serverTrustOnly = TlsChannelCredentials.newBuilder()
                .trustManager(new File(env.get(NetworkEnv.Org.PLATFORM, "PEER_TLS_CA"))).build();
        ManagedChannel bare = Grpc.newChannelBuilder(env.get(NetworkEnv.Org.PLATFORM, "PEER_ENDPOINT"), serverTrustOnly).build();
        try (Gateway noCertificate = Gateway.newInstance()
                .identity(new X509Identity(auditor.mspId(),
                        Identities.readX509Certificate(Files.newBufferedReader(auditor.certificate()))))
                .signer(Signers.newPrivateKeySigner(Identities.readPrivateKey(Files.newBufferedReader(auditor.privateKey()))))
                .hash(Hash.SHA256).connection(bare)
                .evaluateOptions(options -> options.withDeadlineAfter(10, TimeUnit.SECONDS)).connect()) {
            assertThatThrownBy(() -> health(noCertificate).evaluateTransaction("Ping"))
                    .isInstanceOfSatisfying(GatewayException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
        } finally {
            bare.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        try (Gateway withCertificate = gateways.connect(auditor, NetworkEnv.Org.PLATFORM)) {
            assertThat(new String(health(withCertificate).evaluateTransaction("Ping"), StandardCharsets.UTF_8)).contains("OK");
        }
    }

    @Test
    void aRevokedCertificateIsRefusedByEveryPeerOnceItsCrlIsOnTheChannel() throws Exception {
        String name = "it-revoked-" + UUID.randomUUID();
        EnrolledIdentity auditor = ca.enroll(NetworkEnv.Org.BANK, name, Map.of("scf.role", "AUDITOR"));
        try (Gateway viaBank = gateways.connect(auditor, NetworkEnv.Org.BANK)) {
            assertThat(new String(health(viaBank).submitTransaction("RecordHeartbeat", "hb-" + UUID.randomUUID()),
                    StandardCharsets.UTF_8)).contains("\"mspId\":\"BankMSP\"");
        }

        revoke("bank", name);

        for (NetworkEnv.Org peer : List.of(NetworkEnv.Org.BANK, NetworkEnv.Org.PLATFORM, NetworkEnv.Org.CORE)) {
            try (Gateway gateway = gateways.connect(auditor, peer)) {
                assertThatThrownBy(() -> health(gateway).submitTransaction("RecordHeartbeat", "hb-" + UUID.randomUUID()))
                        .as("a write through %s's peer", peer).isInstanceOf(GatewayException.class);
                assertThatThrownBy(() -> health(gateway).evaluateTransaction("Ping"))
                        .as("a read through %s's peer", peer).isInstanceOf(GatewayException.class)
                        .hasMessageContaining("access denied");
            }
        }
    }

    private static void revoke(final String org, final String name) throws Exception {
        Path root = NetworkEnv.repositoryRoot();
        Process process = new ProcessBuilder(List.of("bash", root.resolve("scripts/network.sh").toString(), "revoke",
                "--org", org, "--id", name, "--reason", "keycompromise")).directory(root.toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("signed by BankMSP admin").contains("configuration of scf updated");
    }

    private static Contract health(final Gateway gateway) {
        return gateway.getNetwork(env.channel()).getContract(env.chaincode(), "health");
    }
}
