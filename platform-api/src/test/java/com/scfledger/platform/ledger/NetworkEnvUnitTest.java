package com.scfledger.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkEnvUnitTest {

    private static final String FILE = """
            # written by scripts/network.sh
            SCF_CHANNEL=scf
            export SCF_CHAINCODE="scf"
            SCF_CORE_MSP_ID=CoreMSP
            SCF_CORE_PEER_ENDPOINT=127.0.0.1:9051
            SCF_CORE_PEER_TLS_CA='/abs/core/tls-ca.pem'
            SCF_CORE_CA_URL=https://127.0.0.1:9054
            SCF_CORE_CA_TLS_CA=crypto/core-ca-tls.pem
            SCF_CORE_CA_ADMIN=admin
            SCF_CORE_CA_ADMIN_SECRET=adminpw
            SCF_CORE_CA_NAME=ca-core
            SCF_BANK_MSP_ID=BankMSP
            SCF_BANK_PEER_ENDPOINT=127.0.0.1:8051
            SCF_BANK_PEER_TLS_CA=/abs/bank.pem
            not a line
            """;

    @Test
    void parsesQuotesExportAndComments() {
        Map<String, String> v = NetworkEnv.parse(List.of(FILE.split("\n")));
        assertThat(v).containsEntry("SCF_CHAINCODE", "scf").containsEntry("SCF_CORE_PEER_TLS_CA", "/abs/core/tls-ca.pem")
                .doesNotContainKey("not a line");
    }

    @Test
    void loadsOrganisationsAndResolvesRelativePathsAgainstTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("network.env");
        Files.writeString(file, FILE);
        FabricNetwork n = NetworkEnv.load(file, k -> null);
        assertThat(n.source()).isEqualTo(file.toString());
        assertThat(n.channel()).isEqualTo("scf");
        OrgSettings core = n.org(Org.CORE);
        assertThat(core.mspId()).isEqualTo("CoreMSP");
        assertThat(core.peerEndpoint()).isEqualTo("127.0.0.1:9051");
        assertThat(core.caTlsCa()).isEqualTo(dir.resolve("crypto/core-ca-tls.pem"));
        assertThat(core.caName()).isEqualTo("ca-core");
        assertThat(core.toString()).doesNotContain("adminpw");
        assertThat(n.configured(Org.BANK)).isTrue();
        assertThat(n.configured(Org.PLATFORM)).isFalse();
        assertThatThrownBy(() -> n.org(Org.PLATFORM)).isInstanceOfSatisfying(LedgerFailure.class, Answers.answered(p -> {
            assertThat(p.status()).isEqualTo(503);
            assertThat(p.code()).isEqualTo("LEDGER_NOT_CONFIGURED");
        }));
    }

    @Test
    void theEnvironmentOverridesTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("network.env");
        Files.writeString(file, FILE);
        FabricNetwork n = NetworkEnv.load(file, k -> k.equals("SCF_CORE_PEER_ENDPOINT") ? "127.0.0.1:19051" : null);
        assertThat(n.org(Org.CORE).peerEndpoint()).isEqualTo("127.0.0.1:19051");
    }

    @Test
    void withoutAFileTheEnvironmentAloneCanConfigure(@TempDir Path dir) {
        Map<String, String> env = Map.of("SCF_PLATFORM_MSP_ID", "PlatformMSP", "SCF_PLATFORM_PEER_ENDPOINT", "127.0.0.1:7051",
                "SCF_PLATFORM_PEER_TLS_CA", "/x.pem");
        FabricNetwork n = NetworkEnv.load(dir.resolve("missing.env"), env::get);
        assertThat(n.source()).isEqualTo("environment");
        assertThat(n.org(Org.PLATFORM).mspId()).isEqualTo("PlatformMSP");
        assertThat(n.problems()).anyMatch(p -> p.contains("no network settings file"));
    }

    @Test
    void discoveryLooksUpwardsForTheNetworkDirectory(@TempDir Path dir) throws Exception {
        Path env = dir.resolve(NetworkEnv.DEFAULT_RELATIVE_PATH);
        Files.createDirectories(env.getParent());
        Files.writeString(env, "SCF_CHANNEL=scf\n");
        Path module = Files.createDirectories(dir.resolve("platform-api"));
        assertThat(NetworkEnv.discover(module)).isEqualTo(env);
    }
}
