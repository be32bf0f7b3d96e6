package com.scfledger.platform.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;

import com.scfledger.contract.ErrorCode;
import com.scfledger.platform.NetworkIntegrationTestBase;
import com.scfledger.platform.ledger.FabricNetwork;
import com.scfledger.platform.ledger.LedgerRefusal;
import com.scfledger.platform.ledger.Org;
import com.scfledger.platform.problem.ApiProblem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Onboarding against the live network: identities registered and enrolled at each organisation's
 * Fabric CA through the API's own REST CA client, enterprises registered on the ledger by the
 * operator's PLATFORM_ADMIN identity, and a payable registered by a core enterprise.
 */
class OnboardingNetworkIntegrationTest extends NetworkIntegrationTestBase {

    @Autowired
    FabricNetwork network;

    /** Fabric CA puts the requested attributes into this certificate extension as JSON. */
    private static final String ATTRIBUTES_OID = "1.2.3.4.5.6.7.8.1";

    @Test
    void eachOrganisationsCaIssuesACertificateWithTheEnterpriseAndRoleAttributes() throws Exception {
        for (String[] roleAndMsp : new String[][] {{"CORE", "CoreMSP"}, {"SUPPLIER", "PlatformMSP"}, {"BANK", "BankMSP"}}) {
            Party party = onboard("ON" + roleAndMsp[0].charAt(0), roleAndMsp[0]);
            Response identity = expect(get("/api/v1/admin/enterprises/" + party.id() + "/ledger-identity",
                    bearer(adminToken())), 200, "identity");
            assertThat(identity.json().path("mspId").asString()).isEqualTo(roleAndMsp[1]);

            String pem = jdbc.sql("SELECT certificate_pem FROM ledger_identities WHERE enterprise_id = :e AND active")
                    .param("e", party.id()).query(String.class).single();
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8)));
            String attrs = new String(cert.getExtensionValue(ATTRIBUTES_OID), StandardCharsets.UTF_8);
            assertThat(attrs).contains("\"scf.enterpriseId\":\"" + party.id() + "\"")
                    .contains("\"scf.role\":\"" + roleAndMsp[0] + "\"");
            assertThat(cert.getSubjectX500Principal().getName()).contains("OU=client");

            JsonNode onLedger = json.readTree(ledgerClient.evaluate(OPERATOR, "GetEnterprise", party.id()));
            assertThat(onLedger.path("status").asString()).isEqualTo("ACTIVE");
            assertThat(onLedger.path("mspId").asString()).isEqualTo(roleAndMsp[1]);
            assertThat(onLedger.path("role").asString()).isEqualTo(roleAndMsp[0]);
            assertThat(onLedger.path("kycHash").asString()).isEqualTo(sha256("kyc:" + party.id()));
        }
    }

    @Test
    void registrationActivatesTheEnterpriseOnceAndARepeatIsRefused() {
        Party bank = onboard("ONR", "BANK");
        Response e = expect(get("/api/v1/admin/enterprises/" + bank.id(), bearer(adminToken())), 200, "get");
        assertThat(e.json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(e.json().path("ledgerRegisteredTx").asString()).matches("[0-9a-f]{64}");

        Response again = post("/api/v1/admin/enterprises/" + bank.id() + "/ledger-registration", "", bearer(adminToken()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("code").asString()).isEqualTo("ALREADY_REGISTERED");
        // and the ledger itself refuses a second registration of the same id
        assertThatThrownBy(() -> ledgerClient.submit(OPERATOR, "RegisterEnterprise", bank.id(), "BANK", "BankMSP",
                sha256("x"), "again-" + bank.id()))
                .isInstanceOfSatisfying(LedgerRefusal.class, refusal -> {
                    assertThat(refusal.errorCode()).isEqualTo(ErrorCode.ALREADY_EXISTS);
                    assertThat(ApiProblem.from(refusal).status()).isEqualTo(409);
                });
    }

    @Test
    void aCoreEnterpriseRegistersAPayableAndTheBeneficiaryCanActOnItAtOnce() {
        Party core = onboard("ONC", "CORE");
        Party supplier = onboard("ONS", "SUPPLIER");
        String payableId = unique("PO");
        Response registered = registerPayable(core, payableId, supplier, 1_250_000L, today().plusDays(30));
        assertThat(registered.json().path("transactionId").asString()).matches("[0-9a-f]{64}");
        assertThat(registered.json().path("blockNumber").asLong()).isPositive();
        JsonNode root = registered.json().path("ledger").path("tokens").get(0);
        assertThat(root.path("status").asString()).isEqualTo("PENDING_ACCEPTANCE");
        assertThat(root.path("holderId").asString()).isEqualTo(supplier.id());
        assertThat(root.path("amount").asLong()).isEqualTo(1_250_000L);

        // the supplier's identity is PlatformMSP, the core's CoreMSP: both go through the same peer, so the
        // acceptance right after the registration's commit sees it (no NOT_FOUND from a lagging peer)
        var accepted = ledgerClient.submit(supplier.id(), "AcceptPayable", core.id(), payableId, "acc-" + payableId);
        JsonNode acceptedEvent = json.readTree(accepted.payload());
        assertThat(acceptedEvent.path("payables").get(0).path("status").asString()).isEqualTo("ACCEPTED");

        // a replay of the registration answers the stored response; the same invoice under a new key is a duplicate
        Response replay = post("/api/v1/payables", payable(payableId, supplier.id(), 1_250_000L, today().plusDays(30)),
                core.key()[0], core.key()[1], "Idempotency-Key", "reg-" + payableId);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json().path("transactionId").asString()).isEqualTo(registered.json().path("transactionId").asString());
        Map<String, Object> other = payable(payableId + "-B", supplier.id(), 1_250_000L, today().plusDays(30));
        other.put("invoiceFingerprints", payable(payableId, supplier.id(), 1, today()).get("invoiceFingerprints"));
        Response duplicate = post("/api/v1/payables", other, core.key()[0], core.key()[1], "Idempotency-Key", unique("k"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().path("code").asString()).isEqualTo("DUPLICATE_INVOICE");
        assertThat(duplicate.json().path("source").asString()).isEqualTo("chaincode");
    }

    @Test
    void everyEnterpriseGoesThroughPlatformOrgsPeerOnly() {
        onboard("ONP", "BANK");
        onboard("ONQ", "CORE");
        Response health = get("/actuator/health", bearer(adminToken())); // details: a platform admin only
        JsonNode ledger = health.json().path("components").path("ledger").path("details");
        // gRPC channels: only to PlatformOrg's peer, whatever the enterprises' organisations
        assertThat(ledger.path("channels").propertyNames()).containsExactly(network.org(Org.PLATFORM).peerEndpoint());
        assertThat(ledger.path("gatewayPeer").path("endpoint").asString()).isEqualTo(network.org(Org.PLATFORM).peerEndpoint());
        // and every organisation's peer is probed
        assertThat(ledger.path("peers").path("BANK").asString()).isEqualTo("UP");
        assertThat(ledger.path("peers").path("CORE").asString()).isEqualTo("UP");
    }
}
