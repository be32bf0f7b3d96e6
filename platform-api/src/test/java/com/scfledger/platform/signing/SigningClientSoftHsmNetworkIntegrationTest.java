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
 * The command-line signing client, its key in a SoftHSM2 token, acts for a SELF core enterprise on the live network:
 * it enrolls the token's key by certificate request, registers a payable, and settles it after the supplier accepts.
 * Its output is printed, for the release note.
 */
class SigningClientSoftHsmNetworkIntegrationTest extends NetworkIntegrationTestBase {

    private static final Path SOFTHSM = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    private static final Path CLI = Path.of("../signing-client/target/scf-signing-client.jar");

    @TempDir
    Path dir;

    @Test
    void theCliWithSoftHsmRegistersAndSettlesForASelfCustodyCore() throws Exception {
        assumeTrue(Files.exists(SOFTHSM), "SoftHSM2 is not installed (apt-get install softhsm2)");
        assumeTrue(Files.exists(CLI), "build the signing client first (mvn -pl signing-client package)");
        Party core = onboard("HSC", "CORE");
        Party supplier = onboard("HSS", "SUPPLIER");
        String erpKey = createApiKey(adminToken(), core.id(), "payables:read", "payables:write", "tokens:read",
                "kyc:write");
        Path conf = dir.resolve("softhsm2.conf");
        Files.createDirectories(dir.resolve("tokens"));
        Files.writeString(conf, "directories.tokendir = " + dir.resolve("tokens") + "\nobjectstore.backend = file\n");
        run(List.of("softhsm2-util", "--init-token", "--free", "--label", "scf-erp", "--pin", "4321", "--so-pin", "8765"),
                conf, 0);

        run(cli("keygen"), conf, 0);
        String enrolled = run(cli("--api-key", erpKey, "enroll", core.id().toLowerCase(Locale.ROOT) + "-hsm"), conf, 0);
        assertThat(enrolled).startsWith("201 ");
        assertThat(json.readTree(ledgerClient.evaluate(OPERATOR, "GetEnterprise", core.id())).path("custody")
                .asString()).isEqualTo("SELF");

        String payableId = unique("PO");
        Path body = dir.resolve("payable.json");
        Files.writeString(body, json.writeValueAsString(payable(payableId, supplier.id(), 250_000, today())));
        String registered = run(cli("--api-key", erpKey, "--idempotency-key", "reg-" + payableId, "register-payable",
                body.toString()), conf, 0);
        assertThat(registered).contains("2 signature(s)").contains("\n201 ");
        expect(post("/api/v1/payables/" + payableId + "/accept?obligorId=" + core.id(), "", supplier.user()), 200,
                "the supplier (PLATFORM custody) accepts");
        String settled = run(cli("--api-key", erpKey, "settle", payableId, "BANK-TRANSFER-" + payableId), conf, 0);
        assertThat(settled).contains("2 signature(s)").contains("\n200 ");

        JsonNode onLedger = json.readTree(ledgerClient.evaluate(OPERATOR, "GetPayable", core.id(), payableId));
        assertThat(onLedger.path("status").asString()).isEqualTo("SETTLED");
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
