package com.scfledger.platform.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.scfledger.platform.NetworkIntegrationTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The command-line signing client, its keys in SoftHSM2 tokens, acts for a SELF core enterprise and a SELF supplier on
 * the live network: each system enrolls its token's key by certificate request; the core registers a payable, the
 * supplier accepts it, the core settles it, each write signed twice in its own token. Its output is printed, for the
 * release note.
 */
class SigningClientSoftHsmNetworkIntegrationTest extends NetworkIntegrationTestBase {

    private static final Path SOFTHSM = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    private static final Path CLI = Path.of("../signing-client/target/scf-signing-client.jar");

    @TempDir
    Path dir;

    @Test
    void theCliWithSoftHsmRegistersAcceptsAndSettlesForSelfCustodyEnterprises() throws Exception {
        assumeTrue(Files.exists(SOFTHSM), "SoftHSM2 is not installed (apt-get install softhsm2)");
        assumeTrue(Files.exists(CLI), "build the signing client first (mvn -pl signing-client package)");
        Party core = onboard("HSC", "CORE");
        Party supplier = onboard("HSS", "SUPPLIER");
        String erpKey = createApiKey(adminToken(), core.id(), "payables:read", "payables:write", "tokens:read",
                "kyc:write");
        String supplierKey = createApiKey(adminToken(), supplier.id(), "payables:read", "tokens:read", "tokens:write",
                "kyc:write");
        Path conf = token("core");
        Path supplierConf = token("supplier");
        enrollToken(core, erpKey, conf);
        enrollToken(supplier, supplierKey, supplierConf);

        String payableId = unique("PO");
        Path body = dir.resolve("payable.json");
        Files.writeString(body, json.writeValueAsString(payable(payableId, supplier.id(), 250_000, today())));
        String registered = run(cli("--api-key", erpKey, "--idempotency-key", "reg-" + payableId, "register-payable",
                body.toString()), conf, 0);
        assertThat(registered).contains("2 signature(s)").contains("\n201 ");
        String accepted = run(cli("--api-key", supplierKey, "accept", payableId, core.id()), supplierConf, 0);
        assertThat(accepted).contains("2 signature(s)").contains("\n200 ");
        String settled = run(cli("--api-key", erpKey, "settle", payableId, "BANK-TRANSFER-" + payableId), conf, 0);
        assertThat(settled).contains("2 signature(s)").contains("\n200 ");

        JsonNode onLedger = json.readTree(ledgerClient.evaluate(OPERATOR, "GetPayable", core.id(), payableId));
        assertThat(onLedger.path("status").asString()).isEqualTo("SETTLED");
    }

    /** The system makes its key in its token and enrolls it: its enterprise is SELF on the ledger. */
    private void enrollToken(Party party, String apiKey, Path conf) throws IOException, InterruptedException {
        run(cli("keygen"), conf, 0);
        String enrolled = run(cli("--api-key", apiKey, "enroll", party.id().toLowerCase(Locale.ROOT) + "-hsm"), conf, 0);
        assertThat(enrolled).startsWith("201 ");
        assertThat(json.readTree(ledgerClient.evaluate(OPERATOR, "GetEnterprise", party.id())).path("custody")
                .asString()).isEqualTo("SELF");
    }

    /** A SoftHSM2 token of its own for one system: its configuration file. */
    private Path token(String name) throws IOException, InterruptedException {
        Path conf = dir.resolve(name + ".conf");
        Path tokens = Files.createDirectories(dir.resolve(name + "-tokens"));
        Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n");
        run(List.of("softhsm2-util", "--init-token", "--free", "--label", "scf-" + name, "--pin", "4321", "--so-pin",
                "8765"), conf, 0);
        return conf;
    }

    private List<String> cli(String... args) {
        List<String> command = new ArrayList<>(List.of("java", "-jar", CLI.toString(), "--api",
                "http://127.0.0.1:" + port, "--pkcs11-library", SOFTHSM.toString(), "--pin", "4321", "--alias", "erp"));
        command.addAll(List.of(args));
        return command;
    }

    private static String run(List<String> command, Path softhsmConf, int expectedExit)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SOFTHSM2_CONF", softhsmConf.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        List<String> shown = new ArrayList<>(command);
        int key = shown.indexOf("--api-key");
        if (key >= 0) {
            shown.set(key + 1, "<api key>");
        }
        System.out.println("$ " + String.join(" ", shown) + "\n" + output);
        assertThat(exit).as(output).isEqualTo(expectedExit);
        return output;
    }
}
