package com.scfledger.chaincode;

import static com.scfledger.chaincode.testing.Fixtures.HASH_A;
import static com.scfledger.chaincode.testing.Fixtures.core;
import static com.scfledger.chaincode.testing.Fixtures.supplier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.contract.ContractRouterAccess;
import org.hyperledger.fabric.shim.Chaincode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scfledger.chaincode.bench.BenchContract;
import com.scfledger.chaincode.testing.MockLedger;
import com.scfledger.chaincode.testing.TestIdentities;

/**
 * Goes through the shim's real ContractRouter, as the peer does: routing by bare name to the default contract,
 * the health contract's namespace, the Contract API's own argument handling, the real ClientIdentity reading
 * X.509 attributes, and how a refusal becomes an error response.
 */
class ContractRouterUnitTest {

    /** The public transaction names, as documented in docs/chaincode.md. */
    private static final Set<String> PUBLIC_TRANSACTIONS = new TreeSet<>(List.of(
            "ProposeAdmission", "RegisterEnterprise", "SuspendEnterprise", "ReinstateEnterprise", "GetEnterprise",
            "SetEnterpriseCustody",
            "RegisterPayable", "RegisterPayables", "AcceptPayable", "RejectPayable", "GetPayable", "GetPayableTree",
            "SplitTransfer", "GetToken", "GetLineage", "ListTokensByHolder",
            "RequestFinancing", "ApproveFinancing", "RejectFinancing", "CancelFinancing", "GetFinancing",
            "GetFinancingApproval", "SetApprovalPolicy", "GetApprovalPolicy", "SetCreditLimit", "GetCreditLimit",
            "SettleToken", "SettlePayable", "AnchorRecord", "GetAnchor", "GetAnchorVersions",
            "UpdateLedgerSettings", "SetBusinessZone", "GetLedgerSettings", "GetHistory", "GetRequest"));

    private static ContractRouter router;
    private MockLedger ledger;

    @BeforeAll
    static void scanContracts() {
        router = ContractRouterAccess.scannedRouter();
    }

    @BeforeEach
    void freshLedger() {
        ledger = new MockLedger();
    }

    private Chaincode.Response invoke(final byte[] creator, final String... functionAndArgs) {
        List<byte[]> args = new ArrayList<>();
        for (String arg : functionAndArgs) {
            args.add(arg.getBytes(StandardCharsets.UTF_8));
        }
        when(ledger.stub.getArgs()).thenReturn(args);
        when(ledger.stub.getStringArgs()).thenReturn(List.of(functionAndArgs));
        when(ledger.stub.getFunction()).thenReturn(functionAndArgs[0]);
        when(ledger.stub.getParameters()).thenReturn(List.of(functionAndArgs).subList(1, functionAndArgs.length));
        when(ledger.stub.getCreator()).thenReturn(creator);
        return router.invoke(ledger.stub);
    }

    private static String text(final Chaincode.Response response) {
        return response.getPayload() == null ? null : new String(response.getPayload(), StandardCharsets.UTF_8);
    }

    @Test
    void routesABareTransactionNameToTheDefaultContract() {
        Chaincode.Response response = invoke(TestIdentities.client("PlatformMSP", null, "PLATFORM_ADMIN"),
                "AnchorRecord", "KYC", "K-SUP9", HASH_A, "req-1");

        assertThat(response.getStatus()).as(response.getMessage()).isEqualTo(Chaincode.Response.Status.SUCCESS);
        assertThat(text(response)).contains("\"eventType\":\"RecordAnchored\"");
        verify(ledger.stub).setEvent(eq("RecordAnchored"), org.mockito.ArgumentMatchers.any());
    }

    @Test
    void theDefaultContractAlsoAnswersToItsNamespacedName() {
        ledger.given(supplier());

        Chaincode.Response response = invoke(TestIdentities.client("PlatformMSP", "SUP1", "SUPPLIER"),
                "scf:GetEnterprise", "SUP1");

        assertThat(response.getStatus()).as(response.getMessage()).isEqualTo(Chaincode.Response.Status.SUCCESS);
        assertThat(text(response)).contains("\"id\":\"SUP1\"");
    }

    @Test
    void readsTheEnterpriseAttributesFromARealCertificate() {
        ledger.given(core());

        Chaincode.Response asCore = invoke(TestIdentities.client("CoreMSP", "CORE1", "CORE"), "GetEnterprise",
                "CORE1");
        assertThat(asCore.getStatus()).as(asCore.getMessage()).isEqualTo(Chaincode.Response.Status.SUCCESS);

        Chaincode.Response wrongOrg = invoke(TestIdentities.client("BankMSP", "CORE1", "CORE"), "GetEnterprise",
                "CORE1");
        assertThat(wrongOrg.getStatus()).isEqualTo(Chaincode.Response.Status.INTERNAL_SERVER_ERROR);
        assertThat(wrongOrg.getMessage()).startsWith("UNAUTHORIZED: ");
    }

    @Test
    void recognisesAnOrgAdminCertificate() {
        ledger.given(core());

        Chaincode.Response response = invoke(TestIdentities.orgAdmin("BankMSP"), "GetEnterprise", "CORE1");

        assertThat(response.getStatus()).as(response.getMessage()).isEqualTo(Chaincode.Response.Status.SUCCESS);
    }

    @Test
    void aRefusalIsAnErrorResponseWithTheCodeAsPayloadAndMessagePrefix() {
        Chaincode.Response response = invoke(TestIdentities.client("PlatformMSP", "SUP1", "SUPPLIER"),
                "GetEnterprise", "SUP1");

        assertThat(response.getStatus()).isEqualTo(Chaincode.Response.Status.INTERNAL_SERVER_ERROR);
        assertThat(response.getMessage()).startsWith("UNAUTHORIZED: enterprise SUP1 is not registered");
        assertThat(text(response)).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void anUnknownFunctionIsRefusedWithItsOwnCode() {
        Chaincode.Response response = invoke(TestIdentities.client("PlatformMSP", null, "AUDITOR"), "MintMoney");

        assertThat(response.getStatus()).isEqualTo(Chaincode.Response.Status.INTERNAL_SERVER_ERROR);
        assertThat(response.getMessage()).startsWith("UNKNOWN_TRANSACTION: ");
    }

    @Test
    void theHealthContractKeepsItsNamespace() {
        Chaincode.Response ping = invoke(TestIdentities.client("BankMSP", null, null), "health:Ping");

        assertThat(ping.getStatus()).as(ping.getMessage()).isEqualTo(Chaincode.Response.Status.SUCCESS);
        assertThat(text(ping)).isEqualTo("{\"status\":\"OK\"}");
    }

    @Test
    void theBenchWriteGoesThroughTheRouterWithoutAnIdentityLookup() {
        // The bench contract is in the test classes, on this classpath; the production jar has no such contract.
        Chaincode.Response response = invoke(TestIdentities.client("BankMSP", null, null), BenchContract.PUT, "k1", "v1");

        assertThat(response.getStatus()).as(response.getMessage()).isEqualTo(Chaincode.Response.Status.SUCCESS);
        verify(ledger.stub).putState("bench:k1", "v1".getBytes(StandardCharsets.UTF_8));
        verify(ledger.stub, org.mockito.Mockito.never()).getState(anyString());
    }

    @Test
    void theProductionContractHasNoBenchWrite() {
        Chaincode.Response response = invoke(TestIdentities.client("BankMSP", null, null), "BenchPut", "k1", "v1");

        assertThat(response.getStatus()).isEqualTo(Chaincode.Response.Status.INTERNAL_SERVER_ERROR);
        verify(ledger.stub, org.mockito.Mockito.never()).putState(anyString(), any());
        assertThat(java.util.Arrays.stream(com.scfledger.chaincode.ScfContract.class.getMethods()).map(m -> m.getName()))
                .noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).contains("bench"));
    }

    @Test
    void theMetadataListsExactlyThePublicTransactionsOnTheDefaultContract() throws Exception {
        Chaincode.Response response = invoke(TestIdentities.client("BankMSP", null, null),
                "org.hyperledger.fabric:GetMetadata");
        assertThat(response.getStatus()).as(response.getMessage()).isEqualTo(Chaincode.Response.Status.SUCCESS);

        JsonNode metadata = new ObjectMapper().readTree(response.getPayload());
        JsonNode scf = metadata.at("/contracts/scf");
        Set<String> names = new TreeSet<>();
        scf.get("transactions").forEach(tx -> names.add(tx.get("name").asText()));

        assertThat(names).isEqualTo(PUBLIC_TRANSACTIONS);
        assertThat(metadata.at("/contracts/health/transactions")).hasSize(3);
    }
}
