package com.scfledger.chaincode.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the whole pipeline on the real network: an identity enrolled at run time from BankOrg's CA
 * submits through PlatformOrg's peer, the transaction is endorsed by a majority and committed, and
 * CoreOrg's peer serves what was written.
 */
class NetworkPipelineIntegrationTest {

    @TempDir
    static Path enrollments;

    private static NetworkEnv env;
    private static Gateways gateways;
    private static EnrolledIdentity bankUser;

    @BeforeAll
    static void enrollBankUser() {
        env = NetworkEnv.load();
        gateways = new Gateways(env);
        bankUser = new CaEnrollment(env, enrollments).enroll(NetworkEnv.Org.BANK, "it-bank-" + UUID.randomUUID(),
                Map.of("scf.enterpriseId", "BANK-IT", "scf.role", "BANK"));
    }

    @AfterAll
    static void closeChannels() throws InterruptedException {
        gateways.close();
    }

    @Test
    void aWriteSubmittedThroughPlatformOrgIsReadFromCoreOrg() throws Exception {
        String heartbeatId = "hb-" + UUID.randomUUID();

        SubmittedTransaction submitted;
        try (Gateway viaPlatform = gateways.connect(bankUser, NetworkEnv.Org.PLATFORM)) {
            Contract health = contract(viaPlatform);
            submitted = health.newProposal("RecordHeartbeat").addArguments(heartbeatId).build().endorse().submitAsync();
            Status status = submitted.getStatus();
            assertThat(status.isSuccessful()).as("commit status %s", status.getCode()).isTrue();
        }
        String written = new String(submitted.getResult(), StandardCharsets.UTF_8);
        assertThat(written).contains("\"mspId\":\"BankMSP\"").contains("\"txId\":\"" + submitted.getTransactionId() + "\"");

        try (Gateway viaCore = gateways.connect(bankUser, NetworkEnv.Org.CORE)) {
            byte[] read = contract(viaCore).newProposal("GetHeartbeat").addArguments(heartbeatId)
                    .setEndorsingOrganizations(env.get(NetworkEnv.Org.CORE, "MSP_ID"))
                    .build().evaluate();
            assertThat(new String(read, StandardCharsets.UTF_8)).isEqualTo(written);
        }
    }

    @Test
    void aTransactionThatFailsEndorsementGivesTheChaincodesReason() {
        try (Gateway viaPlatform = gateways.connect(bankUser, NetworkEnv.Org.PLATFORM)) {
            assertThatThrownBy(() -> contract(viaPlatform).submitTransaction("RecordHeartbeat", "not a valid id!"))
                    .isInstanceOf(EndorseException.class)
                    .satisfies(e -> assertThat(((EndorseException) e).getDetails())
                            .isNotEmpty()
                            .allSatisfy(detail -> assertThat(detail.getMessage())
                                    .contains("heartbeat id must be 1-64 characters")));
        }
    }

    @Test
    void anUnknownTransactionIsRefusedAtEndorsement() {
        try (Gateway viaPlatform = gateways.connect(bankUser, NetworkEnv.Org.PLATFORM)) {
            assertThatThrownBy(() -> contract(viaPlatform).submitTransaction("NoSuchTransaction"))
                    .isInstanceOf(EndorseException.class);
        }
    }

    private static Contract contract(final Gateway gateway) {
        return gateway.getNetwork(env.channel()).getContract(env.chaincode(), "health");
    }
}
