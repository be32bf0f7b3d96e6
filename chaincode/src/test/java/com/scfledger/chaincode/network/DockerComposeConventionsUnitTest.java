package com.scfledger.chaincode.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be run on machines without a Docker engine, so it is checked here against the
 * native network instead: `scripts/network.sh conventions` prints the topology the native network runs
 * (versions, channel, every process with its MSP and ports), and every Fabric service of the compose file must
 * agree with it. A port, MSP or version changed in one place and not the other fails this test.
 */
class DockerComposeConventionsUnitTest {

    private static Path root;
    private static Map<String, Map<String, Object>> services;
    private static Map<String, String> facts;
    private static Map<String, Map<String, String>> processes;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readBoth() throws Exception {
        root = repositoryRoot();
        Map<String, Object> compose = new Yaml().load(Files.readString(root.resolve("docker-compose.yml")));
        services = (Map<String, Map<String, Object>>) compose.get("services");
        facts = new LinkedHashMap<>();
        processes = new LinkedHashMap<>();
        for (String line : conventions()) {
            String[] words = line.trim().split("\\s+");
            if (words[0].equals("process")) {
                Map<String, String> attributes = new LinkedHashMap<>();
                for (int i = 2; i + 1 < words.length; i += 2) {
                    attributes.put(words[i], words[i + 1]);
                }
                processes.put(words[1], attributes);
            } else {
                facts.put(words[0], words[1]);
            }
        }
        assertThat(processes).as("conventions printed by scripts/network.sh").hasSizeGreaterThan(10);
    }

    @Test
    void everyServiceSharesTheHostNetworkSoPortsMeanTheSame() {
        assertThat(services).allSatisfy((name, service) ->
                assertThat(service.get("network_mode")).as(name).isEqualTo("host"));
    }

    @Test
    void fabricImagesAreThePinnedVersions() {
        services.forEach((name, service) -> {
            String image = String.valueOf(service.get("image"));
            if (image.startsWith("hyperledger/fabric-ca:")) {
                assertThat(image).as(name).isEqualTo("hyperledger/fabric-ca:" + facts.get("fabric-ca"));
            } else if (image.startsWith("hyperledger/")) {
                assertThat(image).as(name).endsWith(":" + facts.get("fabric"));
            }
        });
    }

    @Test
    void theDefaultTopologyIsOneOrdererThreePeersThreeCasThreeChaincodeServers() {
        List<String> fabricServices = new ArrayList<>();
        for (String name : services.keySet()) {
            if (name.matches("(orderer\\d|peer0\\..*|ca\\..*|chaincode\\..*)")) {
                fabricServices.add(name);
            }
        }
        List<String> expected = new ArrayList<>(processes.keySet());
        expected.removeIf(name -> name.equals("orderer2") || name.equals("orderer3"));
        assertThat(fabricServices).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Nested
    class Peers {
        @Test
        void listenAdvertiseAndReachTheirChaincodeServerOnTheNativePorts() {
            for (String org : List.of("platform", "bank", "core")) {
                Map<String, String> expected = processes.get("peer0." + org);
                Map<String, Object> env = environment("peer0." + org);
                String address = "127.0.0.1:" + expected.get("port");
                assertThat(env).as("peer0." + org)
                        .containsEntry("CORE_PEER_LOCALMSPID", expected.get("msp"))
                        .containsEntry("CORE_PEER_ADDRESS", address)
                        .containsEntry("CORE_PEER_LISTENADDRESS", address)
                        .containsEntry("CORE_PEER_GOSSIP_EXTERNALENDPOINT", address)
                        .containsEntry("CORE_PEER_CHAINCODELISTENADDRESS", "127.0.0.1:" + expected.get("chaincode-listener"))
                        .containsEntry("CORE_OPERATIONS_LISTENADDRESS", "127.0.0.1:" + expected.get("operations"))
                        .containsEntry("SCF_CHAINCODE_ADDRESS", "127.0.0.1:" + expected.get("chaincode-server"))
                        .containsEntry("CORE_PEER_TLS_ENABLED", "true")
                        .containsEntry("CORE_VM_ENDPOINT", "");
                assertThat(String.valueOf(env.get("CORE_PEER_MSPCONFIGPATH")))
                        .endsWith("/peerOrganizations/" + org + ".scf/peers/peer0." + org + ".scf/msp");
            }
        }
    }

    @Nested
    class Orderer {
        @Test
        void listensOnTheNativeClientAdminAndOperationsPorts() {
            Map<String, String> expected = processes.get("orderer1");
            assertThat(environment("orderer1"))
                    .containsEntry("ORDERER_GENERAL_LOCALMSPID", expected.get("msp"))
                    .containsEntry("ORDERER_GENERAL_LISTENPORT", expected.get("port"))
                    .containsEntry("ORDERER_ADMIN_LISTENADDRESS", "127.0.0.1:" + expected.get("admin"))
                    .containsEntry("ORDERER_OPERATIONS_LISTENADDRESS", "127.0.0.1:" + expected.get("operations"))
                    .containsEntry("ORDERER_GENERAL_BOOTSTRAPMETHOD", "none")
                    .containsEntry("ORDERER_CHANNELPARTICIPATION_ENABLED", "true");
        }
    }

    @Nested
    class CertificateAuthorities {
        @Test
        void serveEachOrganisationOnItsNativePortWithItsOwnCaKey() {
            for (String org : List.of("platform", "bank", "core")) {
                Map<String, String> expected = processes.get("ca." + org);
                String command = String.valueOf(services.get("ca." + org).get("command"));
                assertThat(command).as("ca." + org)
                        .contains("--port " + expected.get("port"))
                        .contains("--ca.name ca-" + org)
                        .contains("peerOrganizations/" + org + ".scf/ca/ca." + org + ".scf-cert.pem")
                        .contains("--tls.enabled");
                assertThat(environment("ca." + org))
                        .containsEntry("FABRIC_CA_SERVER_OPERATIONS_LISTENADDRESS", "127.0.0.1:" + expected.get("operations"));
            }
        }
    }

    @Nested
    class ChaincodeServers {
        @Test
        void listenWhereTheirPeerDials() {
            for (String org : List.of("platform", "bank", "core")) {
                Map<String, String> expected = processes.get("chaincode." + org);
                assertThat(environment("chaincode." + org)).as("chaincode." + org)
                        .containsEntry("CHAINCODE_SERVER_ADDRESS", "127.0.0.1:" + expected.get("port"))
                        .containsEntry("CORE_PEER_LOCALMSPID", expected.get("msp"));
                assertThat(String.valueOf(services.get("chaincode." + org).get("command")))
                        .contains("fabric-network/.run/chaincode/package-id")
                        .contains("chaincode/target/scf-chaincode.jar");
            }
        }

        @Test
        void areDeployedAsExternalServersThroughTheSameScript() {
            assertThat(services.get("deploy").get("command").toString()).contains("scripts/network.sh", "deploy");
            assertThat(environment("deploy")).containsEntry("SCF_CHAINCODE_SERVERS", "external");
            assertThat(services.get("generate").get("command").toString()).contains("scripts/network.sh", "generate");
            assertThat(services.get("channel").get("command").toString()).contains("scripts/network.sh", "channel");
        }
    }

    @Nested
    class DatabaseAndApi {
        @Test
        @SuppressWarnings("unchecked")
        void postgresListensOnTheSamePortAsScriptsPostgres() throws IOException {
            Matcher defaultPort = Pattern.compile("PORT=\"\\$\\{SCF_PG_PORT:-(\\d+)}\"")
                    .matcher(Files.readString(root.resolve("scripts/postgres.sh")));
            assertThat(defaultPort.find()).as("default port in scripts/postgres.sh").isTrue();
            assertThat(String.join(" ", (List<String>) services.get("postgres").get("command")))
                    .contains("-p " + defaultPort.group(1));
            assertThat(String.valueOf(environment("platform-api").get("SCF_DB_URL")))
                    .isEqualTo("jdbc:postgresql://127.0.0.1:" + defaultPort.group(1) + "/" + facts.get("channel"));
        }

        @Test
        void theApiReadsTheNetworkSettingsThatTheScriptsWrite() {
            assertThat(String.valueOf(environment("platform-api").get("SCF_NETWORK_ENV")))
                    .endsWith("/fabric-network/.run/network.env");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(final String service) {
        Map<String, Object> definition = services.get(service);
        assertThat(definition).as("service " + service).isNotNull();
        Map<String, Object> env = (Map<String, Object>) definition.get("environment");
        assertThat(env).as("environment of " + service).isNotNull();
        Map<String, Object> asStrings = new LinkedHashMap<>();
        env.forEach((key, value) -> asStrings.put(key, value == null ? "" : String.valueOf(value)));
        return asStrings;
    }

    private static List<String> conventions() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", root.resolve("scripts/network.sh").toString(), "conventions")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().filter(line -> !line.isBlank()).toList();
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root with docker-compose.yml").isNotNull();
        return dir;
    }
}
