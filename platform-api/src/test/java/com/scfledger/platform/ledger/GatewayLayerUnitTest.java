package com.scfledger.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hyperledger.fabric.client.Gateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real gateway layer (SDK, gRPC channel, deadlines, error mapping) against a peer address where
 * nothing listens: no network is needed to see an unreachable peer become a 503 with Retry-After.
 */
class GatewayLayerUnitTest {

    @TempDir
    Path dir;

    private PeerChannels channels;
    private GatewayRegistry registry;
    private FabricNetwork network;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private static KeyPair keyPair() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static X509Certificate cert(KeyPair keys, String cn) throws Exception {
        long now = System.currentTimeMillis();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(new X500Name("CN=" + cn),
                BigInteger.valueOf(now), new Date(now - 60_000), new Date(now + 3_600_000), new X500Name("CN=" + cn),
                keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        KeyPair caKeys = keyPair();
        Path tlsCa = dir.resolve("tls-ca.pem");
        Files.writeString(tlsCa, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(cert(caKeys, "tls-ca").getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        String coreEndpoint = "127.0.0.1:" + closedPort();
        String bankEndpoint = "127.0.0.1:" + closedPort();
        Map<String, String> env = Map.of(
                "SCF_CORE_MSP_ID", "CoreMSP", "SCF_CORE_PEER_ENDPOINT", coreEndpoint, "SCF_CORE_PEER_TLS_CA", tlsCa.toString(),
                "SCF_BANK_MSP_ID", "BankMSP", "SCF_BANK_PEER_ENDPOINT", bankEndpoint, "SCF_BANK_PEER_TLS_CA", tlsCa.toString());
        network = NetworkEnv.load(dir.resolve("none.env"), env::get);
        channels = new PeerChannels(network);
        registry = new GatewayRegistry(channels, network, properties(Org.CORE, List.of()));
    }

    private static LedgerProperties properties(Org gatewayOrg, List<Org> fallbacks) {
        return new LedgerProperties(null, new LedgerProperties.Deadlines(Duration.ofSeconds(2),
                Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2)), gatewayOrg, fallbacks,
                Duration.ofSeconds(30));
    }

    @AfterEach
    void tearDown() {
        registry.close();
        channels.close();
    }

    private LedgerCredentials credentials(String enterprise, Org org, long version) throws Exception {
        KeyPair keys = keyPair();
        return new LedgerCredentials(enterprise, org, network.org(org).mspId(), cert(keys, enterprise), keys.getPrivate(),
                version);
    }

    @Test
    void enterprisesShareOneChannelPerPeerAndEachHasItsOwnGateway() throws Exception {
        LedgerCredentials a = credentials("CORE-A", Org.CORE, 1);
        LedgerCredentials b = credentials("CORE-B", Org.CORE, 2);
        Gateway ga = registry.gatewayFor(a);
        Gateway gb = registry.gatewayFor(b);
        assertThat(ga).isNotSameAs(gb);
        assertThat(registry.gatewayFor(a)).isSameAs(ga);
        assertThat(registry.size()).isEqualTo(2);
        ManagedChannel core = channels.channelFor(network.org(Org.CORE));
        assertThat(channels.channelFor(network.org(Org.CORE))).isSameAs(core);
        assertThat(channels.states()).hasSize(1);
    }

    @Test
    void everyEnterpriseConnectsThroughTheGatewayOrganisationsPeerWhateverItsOwnOrganisation() throws Exception {
        Gateway bank = registry.gatewayFor(credentials("BANK-A", Org.BANK, 3));
        Gateway core = registry.gatewayFor(credentials("CORE-A", Org.CORE, 4));
        assertThat(bank).isNotSameAs(core);
        // only the gateway organisation's (CORE's) peer has a channel: BANK-A's Gateway did not open one to BankOrg's peer
        assertThat(channels.states()).containsOnlyKeys(network.org(Org.CORE).peerEndpoint());
        assertThat(registry.gatewayOrg()).isEqualTo(Org.CORE);
    }

    @Test
    void aNewEnrollmentReplacesTheGateway() throws Exception {
        LedgerCredentials v1 = credentials("CORE-A", Org.CORE, 1);
        Gateway g1 = registry.gatewayFor(v1);
        LedgerCredentials v2 = credentials("CORE-A", Org.CORE, 7);
        assertThat(registry.gatewayFor(v2)).isNotSameAs(g1);
        registry.onIdentityChanged(new LedgerIdentityChanged("CORE-A"));
        assertThat(registry.size()).isZero();
    }

    @Test
    void anUnreachablePeerIsA503WithRetryAfterForQueriesAndSubmissions() throws Exception {
        LedgerCredentials c = credentials("CORE-A", Org.CORE, 1);
        FabricLedgerClient client = new FabricLedgerClient(id -> c, registry, network, meters, noOrganisations(),
                LEDGER_PROPERTIES);
        assertThatThrownBy(() -> client.evaluate("CORE-A", "GetToken", "T-1"))
                .isInstanceOfSatisfying(LedgerFailure.class, Answers.answered(p -> {
                    assertThat(p.status()).isEqualTo(503);
                    assertThat(p.code()).isIn("PEER_UNAVAILABLE", "LEDGER_TIMEOUT");
                    assertThat(p.retryAfterSeconds()).isPositive();
                }));
        assertThatThrownBy(() -> client.submit("CORE-A", "SplitTransfer", "T-1", "[]", "req-1"))
                .isInstanceOfSatisfying(LedgerFailure.class, Answers.answered(p -> {
                    assertThat(p.status()).isEqualTo(503);
                    assertThat(p.retryAfterSeconds()).isPositive();
                    assertThat(p.properties()).containsKey("transactionId");
                }));
        assertThat(meters.find("scf.ledger.operation").tag("kind", "submit").timer()).isNotNull();
        assertThat(meters.find("scf.ledger.operation").tag("transaction", "GetToken").timer().count()).isEqualTo(1);
    }

    @Test
    void theSystemQueriesAnswerAnUnreachablePeerAsEvaluateDoes() throws Exception {
        LedgerCredentials c = credentials("CORE-A", Org.CORE, 1);
        FabricLedgerClient client = new FabricLedgerClient(id -> c, registry, network, meters, noOrganisations(),
                LEDGER_PROPERTIES);
        assertThatThrownBy(() -> client.committed("CORE-A", "tx-1"))
                .isInstanceOfSatisfying(LedgerFailure.class, Answers.answered(p -> {
                    assertThat(p.status()).isEqualTo(503);
                    assertThat(p.code()).isIn("PEER_UNAVAILABLE", "LEDGER_TIMEOUT");
                }));
        assertThatThrownBy(() -> client.chainHeight("CORE-A", Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(LedgerFailure.class, Answers.answered(p -> {
                    assertThat(p.status()).isEqualTo(503);
                    assertThat(p.code()).isIn("PEER_UNAVAILABLE", "LEDGER_TIMEOUT");
                }));
        assertThat(meters.find("scf.ledger.operation").tag("transaction", "GetBlockByTxID").tag("outcome", "ok").timer())
                .isNull();
        assertThat(meters.find("scf.ledger.operation").tag("transaction", "GetChainInfo").timer().count()).isEqualTo(1);
    }

    @Test
    void aGatewayOrganisationThatIsNotConfiguredIsA503() throws Exception {
        KeyPair keys = keyPair();
        LedgerCredentials c = new LedgerCredentials("P", Org.CORE, "CoreMSP", cert(keys, "p"), keys.getPrivate(), 1);
        GatewayRegistry viaPlatform = new GatewayRegistry(channels, network, properties(Org.PLATFORM, List.of()));
        FabricLedgerClient client = new FabricLedgerClient(id -> c, viaPlatform, network, meters, noOrganisations(),
                LEDGER_PROPERTIES);
        assertThatThrownBy(() -> client.evaluate("P", "GetEnterprise", "P"))
                .isInstanceOfSatisfying(LedgerFailure.class,
                        Answers.answered(p -> assertThat(p.code()).isEqualTo("LEDGER_NOT_CONFIGURED")));
    }

    @Test
    void whenTheGatewayPeerCannotBeReachedCallsGoThroughTheNextOrganisationsPeer() throws Exception {
        // BankOrg's "peer" accepts connections and never answers, so nothing says it failed; CoreOrg's refuses them.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String coreEndpoint = network.org(Org.CORE).peerEndpoint();
            String bankEndpoint = "127.0.0.1:" + silent.getLocalPort();
            Path tlsCa = network.org(Org.CORE).peerTlsCa();
            Map<String, String> env = Map.of(
                    "SCF_CORE_MSP_ID", "CoreMSP", "SCF_CORE_PEER_ENDPOINT", coreEndpoint,
                    "SCF_CORE_PEER_TLS_CA", tlsCa.toString(),
                    "SCF_BANK_MSP_ID", "BankMSP", "SCF_BANK_PEER_ENDPOINT", bankEndpoint,
                    "SCF_BANK_PEER_TLS_CA", tlsCa.toString());
            FabricNetwork twoPeers = NetworkEnv.load(dir.resolve("none.env"), env::get);
            PeerChannels peerChannels = new PeerChannels(twoPeers);
            GatewayRegistry failover = new GatewayRegistry(peerChannels, twoPeers, properties(Org.CORE, List.of(Org.BANK)));
            try {
                assertThat(failover.gatewayPeers()).containsExactly(Org.CORE, Org.BANK);
                OrgSettings core = twoPeers.org(Org.CORE);
                peerChannels.usable(core); // asks CoreOrg's channel to connect, where nothing listens
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (peerChannels.states().get(coreEndpoint) != ConnectivityState.TRANSIENT_FAILURE
                        && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(peerChannels.states()).containsEntry(coreEndpoint, ConnectivityState.TRANSIENT_FAILURE);
                assertThat(peerChannels.usable(core)).isFalse();

                Gateway viaBank = failover.gatewayFor(credentials("CORE-A", Org.CORE, 1));
                assertThat(failover.gatewayPeer().org()).isEqualTo(Org.BANK);
                assertThat(peerChannels.states()).containsKey(bankEndpoint);
                assertThat(failover.gatewayFor(credentials("CORE-A", Org.CORE, 1))).isSameAs(viaBank);
            } finally {
                failover.close();
                peerChannels.close();
            }
        }
    }

    private static final LedgerProperties LEDGER_PROPERTIES = new LedgerProperties(null, new LedgerProperties.Deadlines(
            java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(2),
            java.time.Duration.ofSeconds(2)), Org.PLATFORM, List.of(), java.time.Duration.ofSeconds(30));

    private static Endorsers noOrganisations() {
        return new Endorsers(java.util.List.of(), "", java.time.Duration.ofSeconds(30), java.time.Clock.systemUTC());
    }
}
